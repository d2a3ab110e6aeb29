using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Routing.Analysis.Http;

namespace Routing.Reliability.Tests;

/// <summary>The Heidelberg service with small quotas: two routes a second per client, one expensive request at a time and none waiting.</summary>
public sealed class QuotaHost : IDisposable
{
    public ServiceHost Host { get; } = ServiceHost.Heidelberg(new Dictionary<string, string?>
    {
        ["Quotas:RoutesPerSecond"] = "1",
        ["Quotas:ExpensivePerMinute"] = "0",
        ["Quotas:ExpensiveConcurrent"] = "1",
        ["Quotas:ExpensiveQueue"] = "0",
    });

    public HttpClient Client => _client ??= Host.CreateClient();

    private HttpClient? _client;

    public void Dispose()
    {
        _client?.Dispose();
        Host.Dispose();
    }
}

/// <summary>
/// Issue 24's quotas through the real host (ASP.NET Core's rate limiter): a client past its route rate and an expensive
/// request past the service's slots get 429 <c>too-many-requests</c> with Retry-After; a client with its own key has its
/// own budget; background fix-first jobs need a planner key, queue at most a few and stop when deleted.
/// </summary>
public sealed class QuotaTests(QuotaHost quotas) : IClassFixture<QuotaHost>
{
    private const string ProblemBase = "https://routing.example/problems/";
    private const string Route = "/v1/routes?from=49.4094,8.6934&to=49.4122,8.7101&profile=foot&instructions=false";

    [Fact]
    public async Task A_client_past_its_route_rate_gets_429_with_retry_after_and_a_client_with_a_key_has_its_own()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 10 && refused is null; i++)
        {
            var response = await quotas.Client.GetAsync(Route);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.True(refused is not null, string.Join(", ", statuses));
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await Problem(refused, "too-many-requests");
        Assert.Equal("routes_per_second", problem.GetProperty("quota").GetString());

        using var withKey = new HttpRequestMessage(HttpMethod.Get, Route);
        withKey.Headers.Add("X-Api-Key", ServiceHost.PlannerKey);
        Assert.Equal(HttpStatusCode.OK, (await quotas.Client.SendAsync(withKey)).StatusCode);
    }

    [Fact]
    public async Task An_expensive_request_while_every_slot_computes_gets_429()
    {
        const string Long = """{"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "foot", "ranges_m": [5000]}""";
        HttpResponseMessage? refused = null;
        for (int attempt = 0; attempt < 20 && refused is null; attempt++)
        {
            using var leaving = new CancellationTokenSource();
            var running = Post("/v1/isochrones", Long, null, leaving.Token);
            await Task.Delay(200); // it has taken the one slot, unless a probe of the last attempt still held it
            if (!running.IsCompleted)
            {
                // The audit is expensive too: while the isochrone computes it is refused at once.
                var probe = await quotas.Client.GetAsync("/v1/audit?cell_m=5000");
                refused = probe.StatusCode == HttpStatusCode.TooManyRequests ? probe : null;
            }
            await leaving.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // The client left, as it meant to.
            }
        }

        Assert.NotNull(refused);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("expensive_concurrent", (await Problem(refused, "too-many-requests")).GetProperty("quota").GetString());
    }

    [Fact]
    public async Task Fix_first_jobs_need_a_planner_key_queue_at_most_a_few_and_stop_when_deleted()
    {
        const string Long = """{"profile": "walker", "minutes": 60, "constraints": {"max_kerb_cm": 0}}""";
        var anonymous = await Post("/v1/fix-first/jobs", Long, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var jobs = new List<string>();
        for (int i = 0; i < FixFirstJobs.MaxPending; i++)
        {
            var started = await Post("/v1/fix-first/jobs", Long, ServiceHost.PlannerKey);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            jobs.Add(started.Headers.Location!.ToString());
        }
        var oneTooMany = await Post("/v1/fix-first/jobs", Long, ServiceHost.PlannerKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, oneTooMany.StatusCode);
        Assert.NotNull(oneTooMany.Headers.RetryAfter);
        Assert.Equal("fix_first_jobs", (await Problem(oneTooMany, "too-many-requests")).GetProperty("quota").GetString());

        foreach (string job in jobs)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, job);
            delete.Headers.Add("X-Api-Key", ServiceHost.PlannerKey);
            Assert.Equal(HttpStatusCode.OK, (await quotas.Client.SendAsync(delete)).StatusCode);
        }
        foreach (string job in jobs)
        {
            Assert.Equal("cancelled", await FinalStatus(job));
        }
        // The queue is free again.
        var again = await Post("/v1/fix-first/jobs", """{"origins": [{"lat": 49.4094, "lon": 8.6934}], "minutes": 5}""", ServiceHost.PlannerKey);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("done", await FinalStatus(again.Headers.Location!.ToString()));
    }

    /// <summary>Polls a job until it leaves queued and running (a hang guard of two minutes, no timing asserted).</summary>
    private async Task<string> FinalStatus(string job)
    {
        for (int i = 0; i < 1200; i++)
        {
            using var answer = JsonDocument.Parse(await quotas.Client.GetStringAsync(job));
            string status = answer.RootElement.GetProperty("status").GetString()!;
            if (status is not ("queued" or "running"))
            {
                return status;
            }
            await Task.Delay(100);
        }
        return "still running";
    }

    private async Task<HttpResponseMessage> Post(string path, string json, string? key, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }
        return await quotas.Client.SendAsync(message, cancellationToken);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, string type)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(ProblemBase + type, document.RootElement.GetProperty("type").GetString());
        return document.RootElement.Clone();
    }
}
