using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

/// <summary>The bundled Heidelberg graph on its terrain model, against what anyone who has walked there knows.</summary>
public sealed class HeidelbergTerrainTests
{
    private static RoutingGraph Graph => Heidelberg.Graph;

    private static IEnumerable<int> EdgesNamed(string name, double minLat, double minLon, double maxLat, double maxLon)
    {
        for (int e = 0; e < Graph.EdgeCount; e++)
        {
            double lat = Coordinates.ToDegrees(Graph.VertexLatE7[Graph.EdgeFrom[e]]);
            double lon = Coordinates.ToDegrees(Graph.VertexLonE7[Graph.EdgeFrom[e]]);
            if (Graph.EdgeName(e) == name && lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon)
            {
                yield return e;
            }
        }
    }

    [Theory]
    [InlineData("Burgweg")]
    [InlineData("Schlossberg")]
    [InlineData("Klingenteichstraße")]
    [InlineData("Neue Schlossstraße")]
    public void The_streets_up_to_the_castle_are_steep(string name)
    {
        // Which way they rise is checked on routes (Routing.Engine.Tests, TerrainRouteTests).
        var edges = EdgesNamed(name, 49.405, 8.70, 49.415, 8.725).Where(e => Graph.ClassOfEdge(e).InclineKind == InclineKind.Value).ToList();
        double lengthM = edges.Sum(e => Graph.EdgeLengthCm[e] / 100.0);
        double steepM = edges.Where(e => Math.Abs((int)Graph.ClassOfEdge(e).InclinePermille) >= 50).Sum(e => Graph.EdgeLengthCm[e] / 100.0);
        Assert.True(lengthM > 100, $"{name}: {lengthM:F0} m");
        Assert.True(steepM >= 0.7 * lengthM, $"{name}: only {steepM:F0} of {lengthM:F0} m at 5 % or more");
    }

    [Fact]
    public void Derived_inclines_rise_where_the_raw_terrain_rises()
    {
        // Against the unsmoothed model: on edges long enough and steep enough for its 90 m cells to tell, the sign
        // of the stored incline (forward = from EdgeFrom to EdgeTo) must be the terrain's.
        var raw = ElevationFiles.Open([RepositoryPaths.HeidelbergElevation]);
        int compared = 0, agreeing = 0;
        for (int e = 0; e < Graph.EdgeCount; e++)
        {
            var edge = Graph.ClassOfEdge(e);
            if (edge.InclineEvidence != Evidence.Derived || Heidelberg.Imported.ClassOfEdge(e).InclineKind == InclineKind.Value
                || Graph.EdgeLengthCm[e] < 150_00 || edge.Has(EdgeFlags.Bridge) || edge.Has(EdgeFlags.Tunnel))
            {
                continue;
            }
            int from = Graph.EdgeFrom[e], to = Graph.EdgeTo[e];
            if (!raw.TryGetElevationM(Coordinates.ToDegrees(Graph.VertexLatE7[from]), Coordinates.ToDegrees(Graph.VertexLonE7[from]), out double fromM)
                || !raw.TryGetElevationM(Coordinates.ToDegrees(Graph.VertexLatE7[to]), Coordinates.ToDegrees(Graph.VertexLonE7[to]), out double toM)
                || Math.Abs(toM - fromM) < 10)
            {
                continue;
            }
            compared++;
            agreeing += Math.Sign(edge.InclinePermille) == Math.Sign(toM - fromM) ? 1 : 0;
        }
        Assert.True(compared > 500, $"{compared} edges compared");
        Assert.True(agreeing >= 0.97 * compared, $"{agreeing} of {compared} agree");
    }

    [Theory]
    [InlineData("Hauptstraße", 49.408, 8.690, 49.414, 8.712)] // the old town's pedestrian street, along the river
    [InlineData("Bergheimer Straße", 49.40, 8.66, 49.42, 8.70)]
    [InlineData("Im Neuenheimer Feld", 49.41, 8.65, 49.43, 8.69)]
    [InlineData("Kurfürsten-Anlage", 49.40, 8.66, 49.42, 8.70)]
    public void Level_streets_stay_level(string name, double minLat, double minLon, double maxLat, double maxLon)
    {
        var edges = EdgesNamed(name, minLat, minLon, maxLat, maxLon).ToList();
        Assert.True(edges.Count >= 5, $"{name}: {edges.Count} edges");
        // Level within what a wheelchair user calls level: never beyond 4 %, and about 1 % on average.
        Assert.All(edges, e =>
        {
            var edge = Graph.ClassOfEdge(e);
            Assert.Equal(InclineKind.Value, edge.InclineKind);
            Assert.InRange(edge.SteepestInclinePermille, -40, 40);
        });
        double lengthM = edges.Sum(e => Graph.EdgeLengthCm[e] / 100.0);
        double meanAbsolutePermille = edges.Sum(e => Math.Abs((int)Graph.ClassOfEdge(e).InclinePermille) * Graph.EdgeLengthCm[e] / 100.0) / lengthM;
        Assert.True(meanAbsolutePermille <= 15, $"{name}: {meanAbsolutePermille / 10:F1} % on average");
    }

    [Theory]
    [InlineData("Theodor-Heuss-Brücke")]
    [InlineData("Ernst-Walz-Brücke")]
    [InlineData("Alte Brücke")]
    public void A_bridge_over_the_neckar_runs_level_over_the_water(string name)
    {
        var bridgeEdges = EdgesNamed(name, 49.40, 8.66, 49.42, 8.72).Where(e => Graph.ClassOfEdge(e).Has(EdgeFlags.Bridge)).ToList();
        Assert.NotEmpty(bridgeEdges);
        var raw = ElevationFiles.Open([RepositoryPaths.HeidelbergElevation]);
        foreach (int e in bridgeEdges)
        {
            Assert.InRange(Graph.ClassOfEdge(e).SteepestInclinePermille, -30, 30);
        }

        // The control: under the middle of the longest span the terrain model sees the river, metres below the
        // bridge's ends, which sampled as ground would have made a dip of several percent.
        int longest = bridgeEdges.MaxBy(e => Graph.EdgeLengthCm[e]);
        int from = Graph.EdgeFrom[longest], to = Graph.EdgeTo[longest];
        Assert.True(raw.TryGetElevationM(
            Coordinates.ToDegrees(Graph.VertexLatE7[from] / 2 + Graph.VertexLatE7[to] / 2),
            Coordinates.ToDegrees(Graph.VertexLonE7[from] / 2 + Graph.VertexLonE7[to] / 2), out double underM));
        Assert.True(Math.Min(Graph.VertexElevationM[from], Graph.VertexElevationM[to]) - underM > 1.5,
            $"{name}: ends {Graph.VertexElevationM[from]:F1} and {Graph.VertexElevationM[to]:F1} m, water {underM:F1} m");
    }

    [Fact]
    public void Inclines_from_osm_survive_the_terrain_and_the_rest_is_derived()
    {
        var imported = Heidelberg.Imported;
        int tagged = 0;
        for (int e = 0; e < Graph.EdgeCount; e++)
        {
            var before = imported.ClassOfEdge(e);
            var after = Graph.ClassOfEdge(e);
            if (before.InclineKind == InclineKind.Value)
            {
                tagged++;
                Assert.Equal((before.InclineEvidence, before.InclinePermille, before.SteepestInclinePermille),
                    (after.InclineEvidence, after.InclinePermille, after.SteepestInclinePermille));
            }
        }
        Assert.True(tagged > 500, $"{tagged} tagged");
        var statistics = GraphStatistics.Of(Graph);
        Assert.True(statistics.KnownInclineShare > 0.95, $"incline known on {statistics.KnownInclineShare:P1}");
        // Königstuhl's top (about 570 m) and the Neckar's banks (about 105 m) are both in the extract.
        Assert.InRange(statistics.ElevationRangeM!.Value.LowestM, 90, 115);
        Assert.InRange(statistics.ElevationRangeM!.Value.HighestM, 500, 600);
    }
}
