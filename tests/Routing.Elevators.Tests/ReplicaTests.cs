using System.Net.Http.Json;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>
/// Two replicas on one real PostgreSQL (Debian's binaries; missing ones fail with the install command), both configured
/// with the feed: one polls at a time (the lease), and a state change reaches the routes of both.
/// </summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private PostgresServer Server { get; set; } = null!;
    private FakeFeed Feed { get; set; } = null!;
    private ElevatorHost First { get; set; } = null!;
    private ElevatorHost Second { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = PostgresServer.Start();
        Feed = await FakeFeed.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Barriers:Provider"] = "postgres",
            ["Barriers:ConnectionString"] = Server.ConnectionString(),
        };
        First = new ElevatorHost(Feed, settings);
        First.CreateClient().Dispose();
        Second = new ElevatorHost(Feed, settings);
        Second.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Feed.DisposeAsync();
        Server.Dispose();
    }

    [Fact]
    public async Task One_replica_polls_and_both_routes_change()
    {
        Feed.SetState("INACTIVE");
        foreach (var replica in new[] { First, Second })
        {
            Assert.True(await ElevatorHost.EventuallyAsync(async () => await BlockedAsync(replica)), "a replica's route never changed");
        }
        Feed.SetState("ACTIVE");
        foreach (var replica in new[] { First, Second })
        {
            Assert.True(await ElevatorHost.EventuallyAsync(async () => !await BlockedAsync(replica)), "a replica's route never came back");
        }
        // One poller at a time: both polling would alternate nearly every second. A handover is allowed (a replica
        // starved of CPU for longer than its lease on a loaded machine loses it to the other, rightly). Enough polls
        // to tell are waited for, however fast the routes changed.
        Assert.True(await ElevatorHost.EventuallyAsync(() => Task.FromResult(Feed.Requests.Count >= 10)), "the feed was polled fewer than 10 times");
        var agents = Feed.Requests.Select(r => r.Agent).ToList();
        int handovers = agents.Zip(agents.Skip(1)).Count(pair => pair.First != pair.Second);
        Assert.True(agents.Count >= 10 && handovers <= 2, $"{agents.Count} requests, {handovers} changes of poller");
    }

    private static async Task<bool> BlockedAsync(ElevatorHost replica)
    {
        using var client = replica.CreateClient();
        var answer = await client.GetFromJsonAsync<JsonElement>("/v1/routes?from=49.4025,8.6752&to=49.4045,8.6757&profile=wheelchair");
        var summary = answer.GetProperty("routes")[0].GetProperty("summary");
        return summary.TryGetProperty("detour", out var detour) && detour.ValueKind == JsonValueKind.Object
            && detour.GetProperty("blockers").EnumerateArray().Any(b => b.GetProperty("evidence").GetString() == "live");
    }
}
