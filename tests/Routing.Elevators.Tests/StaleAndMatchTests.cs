using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>
/// States age: a feed that stops answering turns its states unknown after <c>Elevators:StaleAfterSeconds</c> (here 3 s)
/// and the service keeps routing; planners fix matches by hand and see the most hours out of service; polls are
/// conditional.
/// </summary>
public sealed class StaleAndMatchTests : IAsyncLifetime
{
    private const string Route = "/v1/routes?from=49.4025,8.6752&to=49.4045,8.6757&profile=wheelchair";

    private FakeFeed Feed { get; set; } = null!;
    private ElevatorHost Host { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Feed = await FakeFeed.StartAsync();
        Host = new ElevatorHost(Feed, new Dictionary<string, string?> { ["Elevators:StaleAfterSeconds"] = "3" });
        Host.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Feed.DisposeAsync();
    }

    [Fact]
    public async Task A_feed_that_stops_answering_turns_the_state_unknown_and_routing_goes_on()
    {
        Feed.SetState("INACTIVE");
        Assert.True(await ElevatorHost.EventuallyAsync(async () => (await Host.UnderpassAsync())?.GetProperty("state").GetString() == "out_of_service"));

        Feed.Behaviour = FeedBehaviour.Down;
        Assert.True(await ElevatorHost.EventuallyAsync(async () => (await Host.UnderpassAsync())?.GetProperty("state").GetString() == "unknown"),
            "the state never went stale");
        var stale = (await Host.UnderpassAsync())!.Value;
        Assert.True(stale.GetProperty("stale").GetBoolean());
        Assert.Equal("inactive", stale.GetProperty("feed_state").GetString()); // what the feed last said stays visible

        // Unknown is no outage: the route may take the elevator again, at the price of one unknown fact, and says so.
        using var client = Host.CreateClient();
        using var answer = await client.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var route = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("routes")[0];
        var status = route.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("type").GetString() == "elevator_status");
        Assert.Contains(": state unknown, checked ", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var health = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_planner_fixes_a_match_by_hand_and_it_is_stored()
    {
        Assert.True(await ElevatorHost.EventuallyAsync(async () => await Host.UnderpassAsync() is not null));
        using var anonymous = Host.CreateClient();
        using var refused = await anonymous.PutAsJsonAsync($"/v1/elevators/{FakeFeed.UnderpassId}/match", new { lat = (double?)null, lon = (double?)null });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var planner = Host.CreateClient();
        planner.DefaultRequestHeaders.Add("X-Api-Key", ElevatorHost.PlannerKey);
        using var none = await planner.PutAsJsonAsync($"/v1/elevators/{FakeFeed.UnderpassId}/match", new { lat = (double?)null, lon = (double?)null });
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Host.UnderpassAsync())!.Value.GetProperty("match").ValueKind);

        using var nowhere = await planner.PutAsJsonAsync($"/v1/elevators/{FakeFeed.UnderpassId}/match", new { lat = 49.41, lon = 8.69 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nowhere.StatusCode);

        using var back = await planner.PutAsJsonAsync($"/v1/elevators/{FakeFeed.UnderpassId}/match", new { lat = FakeFeed.UnderpassLat, lon = FakeFeed.UnderpassLon });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var match = (await Host.UnderpassAsync())!.Value.GetProperty("match");
        Assert.True(match.GetProperty("by_hand").GetBoolean());
        Assert.Equal(FakeFeed.UnderpassLat, match.GetProperty("lat").GetDouble(), 6);

        using var unknown = await planner.PutAsJsonAsync("/v1/elevators/fasta:1/match", new { lat = (double?)null, lon = (double?)null });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Planners_see_the_most_hours_out_of_service_and_polls_are_conditional()
    {
        Feed.SetState("INACTIVE");
        Assert.True(await ElevatorHost.EventuallyAsync(async () => (await Host.UnderpassAsync())?.GetProperty("state").GetString() == "out_of_service"));
        using var planner = Host.CreateClient();
        planner.DefaultRequestHeaders.Add("X-Api-Key", ElevatorHost.PlannerKey);
        var ranking = await planner.GetFromJsonAsync<JsonElement>("/v1/elevators/out-of-service?days=1");
        var first = ranking.GetProperty("elevators")[0];
        Assert.Equal(FakeFeed.UnderpassId, first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("hours").GetDouble() >= 0);
        Assert.Equal(1, first.GetProperty("outages").GetInt32());
        using var anonymous = Host.CreateClient();
        using var refused = await anonymous.GetAsync("/v1/elevators/out-of-service");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The feed's ETag came back with later polls, which it answered 304 Not Modified.
        Assert.True(await ElevatorHost.EventuallyAsync(() => Task.FromResult(Feed.Requests.Any(r => r.Conditional && r.Status == 304))));
    }
}
