using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace Routing.Replicas.Tests;

/// <summary>
/// Two real API processes share one real PostgreSQL: a report on one changes routes on the other within a second;
/// one killed (SIGKILL) while it writes loses no report it acknowledged; the database stopped and started again
/// under load: routes answer 200 throughout, writes answer 503 meanwhile, readiness says degraded, and afterwards
/// writes succeed and reach the other replica.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests
{
    /// <summary>Along way 200 of the fixture, which the report blocks.</summary>
    private const string BlockedRoute = "/v1/routes?from=49.41,8.6900&to=49.41,8.6915&profile=wheelchair";

    /// <summary>Along ways 400 and 401, which no report here touches.</summary>
    private const string OtherRoute = "/v1/routes?from=49.4115,8.6900&to=49.4115,8.6930&profile=wheelchair";

    private const string Report = """{"kind": "blocked_path", "location": {"type": "Point", "coordinates": [8.69025, 49.41]}}""";

    private readonly ReplicaCluster _cluster;
    private readonly ITestOutputHelper _output;

    public ReplicaTests(ReplicaCluster cluster, ITestOutputHelper output)
    {
        _cluster = cluster;
        _output = output;
        cluster.NewDatabase();
    }

    /// <summary>
    /// Twenty changes through replica A (a planner's report, then its resolution, in turn), each timed until a route on
    /// replica B shows it. The figures are printed for benchmarks/README.md ("Replicas on one PostgreSQL"); the test
    /// itself only requires that every change arrives, with a timeout generous enough for a loaded machine.
    /// </summary>
    [Fact]
    public async Task Every_change_on_one_replica_reaches_the_routes_of_the_other()
    {
        using var first = await ApiReplica.StartAsync(_cluster, "a");
        using var second = await ApiReplica.StartAsync(_cluster, "b");
        // A first write elsewhere (way 300), so that what is timed is the way to the other replica, not a cold process's first compile.
        Assert.Equal(HttpStatusCode.Created, (await Write(first, Report.Replace("8.69025, 49.41", "8.6910, 49.4112", StringComparison.Ordinal))).StatusCode);
        string open = await RouteOn(second, BlockedRoute);
        var arrivals = new List<double>();
        long? reportId = null;
        for (int change = 0; change < 20; change++)
        {
            var clock = Stopwatch.StartNew();
            if (reportId is { } id)
            {
                Assert.Equal(HttpStatusCode.OK, (await Send(first, HttpMethod.Post, $"/v1/barriers/{id}/resolve", null)).StatusCode);
                reportId = null;
            }
            else
            {
                using var created = await Write(first, Report);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                reportId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            }
            bool blocked = reportId is not null;
            await Eventually(() => RouteOn(second, BlockedRoute), body => (body != open) == blocked, TimeSpan.FromSeconds(30));
            arrivals.Add(clock.Elapsed.TotalMilliseconds);
        }
        arrivals.Sort();
        _output.WriteLine($"20 changes through A until B's routes showed them: p50 {arrivals[9]:F0} ms, p95 {arrivals[18]:F0} ms, max (p99) {arrivals[19]:F0} ms");
    }

    [Fact]
    public async Task A_replica_killed_while_writing_loses_no_acknowledged_report()
    {
        using var writer = await ApiReplica.StartAsync(_cluster, "writer");
        using var reader = await ApiReplica.StartAsync(_cluster, "reader");
        var acknowledged = new ConcurrentDictionary<long, string>();
        using var stop = new CancellationTokenSource();

        async Task WriteUntilKilled(int lane)
        {
            for (int n = 0; !stop.IsCancellationRequested; n++)
            {
                string description = $"lane {lane} report {n}";
                HttpResponseMessage answer;
                try
                {
                    answer = await Write(writer, Report.Replace("}}", $$"""}, "description": "{{description}}"}""", StringComparison.Ordinal));
                }
                catch (HttpRequestException)
                {
                    return;   // killed: this write was never acknowledged
                }
                Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                acknowledged[body.RootElement.GetProperty("id").GetInt64()] = description;
            }
        }

        var lanes = Enumerable.Range(0, 4).Select(lane => Task.Run(() => WriteUntilKilled(lane))).ToArray();
        while (acknowledged.Count < 80)
        {
            await Task.Delay(10);
        }
        writer.KillHard();
        await stop.CancelAsync();
        await Task.WhenAll(lanes);

        _output.WriteLine($"{acknowledged.Count} reports acknowledged before the kill, all checked on the other replica");
        foreach (var (id, description) in acknowledged)
        {
            var answer = await Send(reader, HttpMethod.Get, $"/v1/barriers/{id}", null);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"acknowledged report {id} is lost: {answer.StatusCode}");
            using var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(description, report.RootElement.GetProperty("description").GetString());
            Assert.Single(report.RootElement.GetProperty("history").EnumerateArray());
        }
    }

    [Fact]
    public async Task Routes_answer_throughout_a_database_outage_and_writes_resume_after_it()
    {
        using var first = await ApiReplica.StartAsync(_cluster, "a");
        using var second = await ApiReplica.StartAsync(_cluster, "b");
        using var inProcess = new InProcessReplica(_cluster);
        var health = inProcess.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await Readiness(health)).Status);
        string blockedBefore = await RouteOn(second, BlockedRoute);

        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var stopLoad = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            for (int i = 0; !stopLoad.IsCancellationRequested; i++)
            {
                statuses.Add((await (i % 2 == 0 ? first : second).Client.GetAsync(OtherRoute)).StatusCode);
            }
        });

        _cluster.Server.Stop();
        try
        {
            var refused = await Write(first, Report);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            {
                Assert.EndsWith("/barrier-store-unavailable", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
            }
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            var degraded = (await Eventually(() => Readiness(health), r => r.Status == HealthStatus.Degraded, TimeSpan.FromSeconds(10))).Entries["barrier-store"];
            Assert.Contains("lost since", degraded.Description, StringComparison.Ordinal);
            Assert.True(degraded.Data.ContainsKey("overlay_age_s"));
            await Task.Delay(TimeSpan.FromSeconds(2));   // routes under load while the database is away
        }
        finally
        {
            _cluster.Server.Resume();
        }

        // The replicas reconnect by themselves; the first write that reaches the database is acknowledged.
        var created = await Eventually(() => Write(first, Report), r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Eventually(() => RouteOn(second, BlockedRoute), body => body != blockedBefore, TimeSpan.FromSeconds(15)); // a hang guard, not a speed check
        await Eventually(() => Readiness(health), r => r.Status == HealthStatus.Healthy, TimeSpan.FromSeconds(10));
        await stopLoad.CancelAsync();
        await load;

        _output.WriteLine($"{statuses.Count} route requests during the outage test, {statuses.Count(s => s != HttpStatusCode.OK)} not 200");
        Assert.True(statuses.Count > 20, $"only {statuses.Count} route requests ran");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task A_keys_report_budget_holds_across_replicas()
    {
        using var first = await ApiReplica.StartAsync(_cluster, "a", "--Barriers:ReportsPerMinute", "4");
        using var second = await ApiReplica.StartAsync(_cluster, "b", "--Barriers:ReportsPerMinute", "4");
        // The budget counts the stored reports of the last minute, whichever replica stored them.
        var answers = new List<HttpStatusCode>();
        foreach (var replica in new[] { first, second, first, second, first, second })
        {
            answers.Add((await Write(replica, Report)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData("--Barriers:ConnectionString", "Host=127.0.0.1;Port=1;Username=routing;Database=routing;Timeout=3", "postgresql://127.0.0.1:1/routing")]
    [InlineData("--Barriers:ConnectionString", "Hots=db", "Barriers:ConnectionString is not an Npgsql connection string")]
    [InlineData("--Barriers:Provider", "oracle", "Barriers:Provider is 'oracle'")]
    public async Task A_store_that_cannot_be_used_stops_start_up_with_one_clear_line(string setting, string value, string expected)
    {
        var (exitCode, output) = await ApiReplica.RunUntilExitAsync(_cluster, "refused", setting, value);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(1, output.Split('\n').Count(line => line.Contains("Cannot start:", StringComparison.Ordinal)));
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);   // a reason, not a stack trace
    }

    private static Task<HealthReport> Readiness(HealthCheckService health) => health.CheckHealthAsync(check => check.Tags.Contains("ready"));

    private static async Task<string> RouteOn(ApiReplica replica, string route)
    {
        var answer = await replica.Client.GetAsync(route);
        return $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
    }

    private static Task<HttpResponseMessage> Write(ApiReplica replica, string body) => Send(replica, HttpMethod.Post, "/v1/barriers", body);

    private static async Task<HttpResponseMessage> Send(ApiReplica replica, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", ApiReplica.PlannerKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return await replica.Client.SendAsync(request);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {timeout.TotalSeconds} s; last: {value}");
            await Task.Delay(50);
        }
    }

    /// <summary>A third replica in this process, to read its readiness checks directly.</summary>
    private sealed class InProcessReplica(ReplicaCluster cluster) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            for (int i = 0; i < cluster.Settings.Count; i += 2)
            {
                builder.UseSetting(cluster.Settings[i][2..], cluster.Settings[i + 1]);
            }
        }
    }
}
