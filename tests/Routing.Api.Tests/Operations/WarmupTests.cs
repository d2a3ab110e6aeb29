using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Routing.Routes.Http;
using Routing.Api.Tests.Barriers;
using Routing.TestSupport;
using Routing.Warmup;

namespace Routing.Api.Tests.Operations;

/// <summary>
/// The warm-up through the real host: readiness says not ready until it is done, and its routes count neither in the
/// route metrics nor against a client's quota. Alone, because a host's metrics hear every host's meters of that name
/// in the process, and other tests route in parallel.
/// </summary>
[Collection(Name)]
public sealed partial class WarmupTests
{
    public const string Name = "warm-up, alone";

    private const string Route = "/v1/routes?from=49.4125,8.6910&to=49.4115,8.6900&profile=foot&snap_radius_m=150";

    [Fact]
    public async Task Ready_only_once_the_warm_up_is_done_and_its_routes_count_in_no_metric_and_no_quota()
    {
        using var directory = new TempDirectory();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new WarmingFactory(directory.File("fixture.graph"), release.Task);
        using var client = factory.CreateClient();

        // The warm-up is held before its first route: the service lives and answers, but is not ready.
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();
        var waiting = await client.Send(HttpMethod.Get, "/health/ready", RoutingApiFactory.OperatorKey);
        var held = await waiting.Json(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", held.GetProperty("checks").GetProperty("warm-up").GetProperty("status").GetString());

        release.SetResult();
        var ready = await ReadyAsync(client);
        string warmed = ready.GetProperty("checks").GetProperty("warm-up").GetProperty("description").GetString()!;
        var report = WarmedReport().Match(warmed);
        Assert.True(report.Success, warmed);
        // Every warm-up route was answered as a client's would be (a route or a refusal): with one route a second
        // allowed per client, a warm-up that counted against a quota would have been refused with 429 from the third on.
        var statuses = StatusCount().Matches(report.Groups["answers"].Value).Select(m => m.Groups["status"].Value).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, status => Assert.Contains(status, new[] { "200", "422" }));
        Assert.True(int.Parse(report.Groups["requests"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 2, warmed);

        // None of them is in the route metrics; a client's route is.
        Assert.DoesNotContain("routing_route_duration_seconds_count", await MetricsAsync(client), StringComparison.Ordinal);
        await (await client.GetAsync(Route)).Json();
        Assert.Matches("routing_route_duration_seconds_count\\{[^}]*outcome=\"found\"[^}]*profile=\"foot\"[^}]*\\} 1\\b", await MetricsAsync(client));
    }

    private static async Task<string> MetricsAsync(HttpClient client)
    {
        using var response = await client.Send(HttpMethod.Get, "/metrics", RoutingApiFactory.OperatorKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Asks until ready: the warm-up runs until the runtime's compiler goes quiet, which takes what the machine takes.</summary>
    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            using var response = await client.Send(HttpMethod.Get, "/health/ready", RoutingApiFactory.OperatorKey);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Json();
            }
            Assert.True(DateTime.UtcNow < deadline, "not ready after 3 minutes: " + await response.Content.ReadAsStringAsync());
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("^warmed up by (?<requests>[0-9,]+) requests \\((?<answers>[^)]*)\\)")]
    private static partial Regex WarmedReport();

    [GeneratedRegex("(?<status>[0-9]{3}): [0-9,]+")]
    private static partial Regex StatusCount();

    /// <summary>The fixture service with its warm-up on, held until the test lets it go, and a quota of one route a second.</summary>
    private sealed class WarmingFactory(string graphPath, Task release) : RoutingApiFactory(graphPath, RepositoryPaths.Fixture("accessibility.osm"))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Warmup:Enabled", "true");
            builder.UseSetting("Warmup:MaxRequests", "300");
            builder.UseSetting("Quotas:RoutesPerSecond", "1");
            builder.ConfigureTestServices(services => services.AddSingleton<IWarmupRequests>(sp =>
                new HeldRequests(ActivatorUtilities.CreateInstance<RouteWarmupRequests>(sp), release)));
        }
    }

    private sealed class HeldRequests(IWarmupRequests requests, Task release) : IWarmupRequests
    {
        public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return await requests.PrepareAsync(cancellationToken);
        }
    }
}

[CollectionDefinition(WarmupTests.Name, DisableParallelization = true)]
public sealed class WarmupAloneCollection
{
}
