using NetTopologySuite.IO.VectorTiles.Mapbox;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;
using Routing.Web.Tiles;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Web.Tests;

/// <summary>
/// The map tile shows each way's slope from the same <see cref="SlopeFact"/> as routes and blockers: value,
/// confidence and chance, written straight by the tile writer (no browser needed).
/// </summary>
public sealed class TileSlopeTests
{
    [Fact]
    public void A_tile_way_shows_the_slope_fact_of_its_edge_with_the_chance_for_the_profile_limits()
    {
        var graph = Heidelberg.Graph;
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        var profile = CompiledProfile.Compile(graph, wheelchair);
        // Zoom 15 over the old town and the foot of the castle hill.
        var tileId = new VtTile(17175, 11194, 15);
        byte[] bytes = AccessibilityTile.Write(15, 17175, 11194, new EdgeGrid(graph), profile);

        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), tileId);
        var ways = tile.Layers.Single(l => l.Name == "ways").Features.Where(f => f.Attributes.Exists("incline_pct")).ToList();
        Assert.True(ways.Count > 100, $"only {ways.Count} ways with a slope");
        int matched = 0;
        foreach (var way in ways)
        {
            long wayId = Convert.ToInt64(way.Attributes["osm_way_id"]);
            double value = Convert.ToDouble(way.Attributes["incline_pct"]);
            double chance = Convert.ToDouble(way.Attributes["incline_chance_beyond_limit"]);
            string confidence = (string)way.Attributes["incline_confidence"];
            // Some edge of that way has exactly this slope, confidence and chance (the likelier direction's).
            bool found = false;
            for (int e = 0; e < graph.EdgeCount && !found; e++)
            {
                if (graph.EdgeOsmWayId[e] != wayId || SlopeFact.Of(graph.ClassOfEdge(e), backward: false) is not { } slope)
                {
                    continue;
                }
                double expected = Math.Round(Math.Max(slope.ChanceBeyond(6, 8), SlopeFact.Of(graph.ClassOfEdge(e), backward: true)!.Value.ChanceBeyond(6, 8)), 2);
                found = slope.ValuePct == value && FactNames.Of(slope.Confidence) == confidence && expected == chance;
            }
            Assert.True(found, $"way {wayId}: {value} %, {confidence}, {chance}");
            matched++;
        }
        Assert.Equal(ways.Count, matched);
    }
}
