using System.Net.Http.Json;
using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>
/// Matching by level through the real host: the service builds its graph from Fixtures/elevator-levels.osm on first
/// start (elevator node 2 on levels -1;0 and node 5 on levels 1;2, 6.7 m apart; elevator way 104 on levels 0;3;
/// elevator node 9 without a level) and polls recorded A11yJSON and SIRI-FM answers (Fixtures/elevator-levels.*) from
/// the fake feed server. Each equipment goes to the elevator its level names, even where another one is nearer.
/// </summary>
public sealed class LevelMatchHostTests : IAsyncLifetime
{
    private FakeFeed Feed { get; set; } = null!;
    private ElevatorHost Host { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Feed = await FakeFeed.StartAsync();
        var a11y = Feed.Serve("a11y.json", "application/json", await File.ReadAllTextAsync(RepositoryPaths.Fixture("elevator-levels.a11y.json")));
        var siri = Feed.Serve("siri.xml", "application/xml", await File.ReadAllTextAsync(RepositoryPaths.Fixture("elevator-levels.siri.xml")));
        Host = new ElevatorHost(Feed, new Dictionary<string, string?>
        {
            ["Elevators:Feeds:0:Kind"] = "a11yjson",
            ["Elevators:Feeds:0:Url"] = a11y.AbsoluteUri,
            ["Elevators:Feeds:1:Kind"] = "siri-fm",
            ["Elevators:Feeds:1:Url"] = siri.AbsoluteUri,
        }, osmExtract: RepositoryPaths.Fixture("elevator-levels.osm"));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Feed.DisposeAsync();
    }

    [Fact]
    public async Task The_level_decides_between_elevators_close_together()
    {
        Dictionary<string, JsonElement> elevators = [];
        Assert.True(await ElevatorHost.EventuallyAsync(async () =>
        {
            using var client = Host.CreateClient();
            var list = await client.GetFromJsonAsync<JsonElement>("/v1/elevators");
            elevators = list.GetProperty("elevators").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
            return elevators.Count == 6;
        }), "the feeds' six elevators never showed");

        // 2.0 m from node 5 (levels 1;2) and 4.7 m from node 2 (levels -1;0): level -1 takes node 2.
        AssertMatch(elevators["a11yjson:lift-minus-one"], -1, node: 2, way: null, [-1, 0], "same");
        // 1.7 m from node 2 and 5.0 m from node 5: level 2 takes node 5.
        AssertMatch(elevators["a11yjson:lift-two"], 2, node: 5, way: null, [1, 2], "same");
        // The same place without a level: the nearest, node 2.
        AssertMatch(elevators["a11yjson:lift-no-level"], null, node: 2, way: null, [-1, 0], "unknown");
        // Level 5 is nowhere: node 9, whose level is unknown, beats node 2 (1.7 m away), which is known to serve others.
        AssertMatch(elevators["a11yjson:lift-five"], 5, node: 9, way: null, [], "unknown");
        // Level 7 is nowhere and every elevator within reach serves others: the nearest, said to differ.
        AssertMatch(elevators["a11yjson:lift-seven"], 7, node: null, way: 104, [0, 3], "different");
        // SIRI-FM's LevelRef 3: 0.6 m from node 5, yet the lift way 16.5 m away is the one that reaches level 3.
        AssertMatch(elevators["siri-fm:TEST-L3"], 3, node: null, way: 104, [0, 3], "same");
    }

    private static void AssertMatch(JsonElement elevator, double? level, long? node, long? way, double[] levels, string agreement)
    {
        string id = elevator.GetProperty("id").GetString()!;
        Assert.True(level is null ? elevator.GetProperty("level").ValueKind == JsonValueKind.Null : elevator.GetProperty("level").GetDouble() == level, id);
        var match = elevator.GetProperty("match");
        Assert.Equal(node is { } n ? [n] : [], match.GetProperty("osm_node_ids").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(way is { } w ? [w] : [], match.GetProperty("osm_way_ids").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(levels, match.GetProperty("levels").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(agreement, match.GetProperty("level_agreement").GetString());
    }
}
