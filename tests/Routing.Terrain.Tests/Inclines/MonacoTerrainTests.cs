using Routing.Build;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

/// <summary>Monaco on its SRTM tile: the second test city, a hillside falling to the sea, from a tile with voids.</summary>
public sealed class MonacoTerrainTests
{
    private static readonly Lazy<RoutingGraph> LazyGraph = new(() =>
        GraphBuild.PlaceOnTerrain(OsmImporter.Import(RepositoryPaths.MonacoExtract).Graph, [RepositoryPaths.MonacoElevation]));

    private static RoutingGraph Graph => LazyGraph.Value;

    [Fact]
    public void Monaco_is_steep_from_the_sea_up()
    {
        var statistics = GraphStatistics.Of(Graph);

        Assert.True(statistics.KnownInclineShare > 0.95, $"incline known on {statistics.KnownInclineShare:P1}");
        Assert.InRange(statistics.ElevationRangeM!.Value.LowestM, -5, 10);
        Assert.InRange(statistics.ElevationRangeM!.Value.HighestM, 300, 1200);
        double lengthM = 0, beyondWheelchairM = 0;
        for (int e = 0; e < Graph.EdgeCount; e++)
        {
            var edge = Graph.ClassOfEdge(e);
            if (edge.InclineKind != InclineKind.Value)
            {
                continue;
            }
            lengthM += Graph.EdgeLengthCm[e] / 100.0;
            beyondWheelchairM += Math.Abs((int)edge.SteepestInclinePermille) > 60 ? Graph.EdgeLengthCm[e] / 100.0 : 0;
        }
        // Heidelberg's plain keeps most of its network level; in Monaco far more is beyond a manual wheelchair.
        Assert.True(beyondWheelchairM > 0.3 * lengthM, $"only {beyondWheelchairM / lengthM:P0} steeper than 6 %");
    }

    [Fact]
    public void Vertices_beside_the_tiles_voids_still_get_heights()
    {
        // The tile has 14 void cells inside Monaco's box; bilinear interpolation leaves them out, so a vertex whose
        // surrounding cells include a void still gets a height from the others.
        var tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);
        var layout = tile.Layout;
        int besideVoid = 0;
        for (int v = 0; v < Graph.VertexCount; v++)
        {
            double row = (layout.Row0Y - Coordinates.ToDegrees(Graph.VertexLatE7[v])) / layout.CellSizeY;
            double column = (Coordinates.ToDegrees(Graph.VertexLonE7[v]) - layout.Column0X) / layout.CellSizeX;
            bool nearVoid = false;
            for (int r = (int)row; r <= (int)row + 1; r++)
            {
                for (int c = (int)column; c <= (int)column + 1; c++)
                {
                    nearVoid |= float.IsNaN(tile.ElevationAtCell(r, c));
                }
            }
            if (nearVoid)
            {
                besideVoid++;
                Assert.False(float.IsNaN(Graph.VertexElevationM[v]), $"vertex {v} has no height");
            }
        }
        Assert.True(besideVoid > 0, "no vertex lies beside a void: the test checks nothing");
    }
}
