using System.Net;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Web.Tests;

/// <summary><c>GET /v1/tiles/{z}/{x}/{y}.mvt</c> on the Heidelberg graph.</summary>
[Collection(WebHostCollection.Name)]
public sealed class TileApiTests(WebHost host)
{
    /// <summary>Zoom 14 over Heidelberg's old town, Bismarckplatz and the foot of the castle hill.</summary>
    private const string OldTown = "14/8587/5597";

    private async Task<VectorTile> TileAsync(string zxy, string query = "profile=wheelchair")
    {
        var response = await host.Client.GetAsync($"/v1/tiles/{zxy}.mvt?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        int[] parts = [.. zxy.Split('/').Select(int.Parse)];
        using var stream = await response.Content.ReadAsStreamAsync();
        return new MapboxTileReader().Read(stream, new VtTile(parts[1], parts[2], parts[0]));
    }

    private static Dictionary<string, int> Judgements(VectorTile tile) =>
        tile.Layers.Single(l => l.Name == "ways").Features.GroupBy(f => (string)f.Attributes["judgement"]).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task A_tile_holds_every_layer_and_each_way_its_facts_and_judgement()
    {
        var tile = await TileAsync(OldTown);

        Assert.Equal(["ways", "steps", "kerbs", "elevators", "barriers"], tile.Layers.Select(l => l.Name));
        var ways = tile.Layers.Single(l => l.Name == "ways").Features;
        Assert.True(ways.Count > 1000, $"only {ways.Count} ways in the old town tile");
        Assert.All(ways, f => Assert.Contains((string)f.Attributes["judgement"], new[] { "usable", "above_comfort", "blocked", "unknown" }));
        Assert.Contains(ways, f => f.Attributes.Exists("incline_pct") && f.Attributes.Exists("surface") && (long)f.Attributes["osm_way_id"] > 0);
        Assert.All(ways.Where(f => (string)f.Attributes["judgement"] == "blocked"), f => Assert.True(f.Attributes.Exists("blocked_by")));
        Assert.NotEmpty(tile.Layers.Single(l => l.Name == "steps").Features);
    }

    [Fact]
    public async Task Steps_are_blocked_for_a_wheelchair_and_usable_on_foot()
    {
        var wheelchair = await TileAsync(OldTown);
        var foot = await TileAsync(OldTown, "profile=foot");

        Assert.All(wheelchair.Layers.Single(l => l.Name == "steps").Features.Where(f => !(bool)f.Attributes["ramp"]),
            f => Assert.Equal("blocked", f.Attributes["judgement"]));
        // On foot a staircase blocks only for another reason (private, one-way ...), never for being steps.
        var footSteps = foot.Layers.Single(l => l.Name == "ways").Features.Where(f => (bool)f.Attributes["steps"]).ToList();
        Assert.NotEmpty(footSteps);
        Assert.DoesNotContain(footSteps, f => f.Attributes.Exists("blocked_by") && (string)f.Attributes["blocked_by"] == "steps");
        Assert.True(footSteps.Count(f => (string)f.Attributes["judgement"] == "blocked") < footSteps.Count / 2);
    }

    [Fact]
    public async Task Constraints_change_the_judgement_as_they_change_routes()
    {
        var strict = Judgements(await TileAsync(OldTown, "profile=wheelchair&max_incline_up_pct=1&max_incline_down_pct=1"));
        var preset = Judgements(await TileAsync(OldTown));

        Assert.True(strict["blocked"] > preset["blocked"], $"strict {strict["blocked"]} blocked, preset {preset["blocked"]}");
    }

    [Fact]
    public async Task Below_the_first_zoom_a_tile_is_empty_and_an_unknown_constraint_is_refused()
    {
        var far = await TileAsync("10/536/349");
        Assert.All(far.Layers, l => Assert.Empty(l.Features));

        var response = await host.Client.GetAsync($"/v1/tiles/{OldTown}.mvt?max_kerb=3");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://routing.example/problems/invalid-request", problem.RootElement.GetProperty("type").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("max_kerb", out _));

        var unknownProfile = await host.Client.GetAsync($"/v1/tiles/{OldTown}.mvt?profile=skateboard");
        Assert.Equal(HttpStatusCode.BadRequest, unknownProfile.StatusCode);
        Assert.Contains("unknown-profile", await unknownProfile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var outOfRange = await host.Client.GetAsync("/v1/tiles/3/9/1.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
    }
}
