using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>
/// The store itself is lost (a real PostgreSQL, stopped): no poll can save a confirmation and no replica can read the
/// states, yet what was last read still goes stale after <c>Elevators:StaleAfterSeconds</c> (here 3 s), and routing goes on.
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private const string Route = "/v1/routes?from=49.4025,8.6752&to=49.4045,8.6757&profile=wheelchair";

    private PostgresServer Server { get; set; } = null!;
    private FakeFeed Feed { get; set; } = null!;
    private ElevatorHost Host { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = PostgresServer.Start();
        Feed = await FakeFeed.StartAsync();
        Host = new ElevatorHost(Feed, new Dictionary<string, string?>
        {
            ["Barriers:Provider"] = "postgres",
            ["Barriers:ConnectionString"] = Server.ConnectionString(),
            ["Elevators:StaleAfterSeconds"] = "3",
        });
        Host.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Feed.DisposeAsync();
        Server.Dispose();
    }

    [Fact]
    public async Task A_lost_store_turns_the_last_states_unknown_after_the_stale_time_and_routing_goes_on()
    {
        Feed.SetState("INACTIVE");
        using var client = Host.CreateClient();
        Assert.True(await ElevatorHost.EventuallyAsync(async () => (await StatusAsync(client)) is null), "INACTIVE never turned the route round the elevator");

        Server.Stop();
        try
        {
            // Unknown is no outage: the route may take the elevator again, at the price of one unknown fact, and says so.
            string? status = null;
            Assert.True(await ElevatorHost.EventuallyAsync(async () => (status = await StatusAsync(client))?.Contains(": state unknown, checked ", StringComparison.Ordinal) == true),
                $"the last state never went stale while the store was lost; the route's last elevator warning: {status ?? "none (it went round)"}");
            using var health = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            Server.Resume();
        }
    }

    /// <summary>The route's elevator_status warning: null when the route does not pass a live elevator (it goes round).</summary>
    private static async Task<string?> StatusAsync(HttpClient client)
    {
        using var answer = await client.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var route = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("routes")[0];
        return route.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("type").GetString() == "elevator_status")
            .Select(w => w.GetProperty("message").GetString())
            .FirstOrDefault();
    }
}
