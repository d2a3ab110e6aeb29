using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain.Tests;

/// <summary>
/// Inclines from terrain on hand-built graphs over analytic terrain (height as a function of metres north of a base
/// point), so every expected value follows from the geometry.
/// </summary>
public sealed class GraphTerrainTests
{
    private const double BaseLat = 49.40, BaseLon = 8.70;

    private static readonly GraphMetadata Metadata = new() { SourceFile = "hand-built", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" };

    private static readonly EdgeClass Footway = new() { Highway = HighwayKind.Footway };

    [Fact]
    public void A_uniform_slope_gives_the_same_average_and_steepest_incline_signed_in_the_edge_direction()
    {
        var terrain = new NorthTerrain(northM => 100 + (0.05 * northM)); // 5 % up towards the north
        var graph = Build(b =>
        {
            int south = Vertex(b, 0), north = Vertex(b, 200);
            b.AddEdge(south, north, Footway, 1, null, [], []);
            b.AddEdge(north, Vertex(b, 200, eastM: 200), Footway, 2, null, [], []); // level: runs east
        });

        var placed = GraphTerrain.Apply(graph, terrain, Metadata);

        var up = placed.ClassOfEdge(EdgeOfWay(placed, 1));
        bool forwardIsNorth = placed.VertexLatE7[placed.EdgeTo[EdgeOfWay(placed, 1)]] > placed.VertexLatE7[placed.EdgeFrom[EdgeOfWay(placed, 1)]];
        Assert.Equal((InclineKind.Value, Evidence.Derived), (up.InclineKind, up.InclineEvidence));
        Assert.Equal(forwardIsNorth ? 50 : -50, up.InclinePermille);
        Assert.Equal(up.InclinePermille, up.SteepestInclinePermille);
        var level = placed.ClassOfEdge(EdgeOfWay(placed, 2));
        Assert.Equal((0, 0), ((int)level.InclinePermille, (int)level.SteepestInclinePermille));
    }

    [Theory]
    [InlineData(1, InclineConfidence.High, 80, 10)]   // a 1 m ground model resolves a 40 m ramp: its reading is the mean, within its least spread
    [InlineData(30, InclineConfidence.High, 80, 10)]  // 30 m cells: the ramp is longer than a cell, and a cell no longer than a sustained stretch
    [InlineData(90, InclineConfidence.Low, 50, 90)]   // a 3" model cannot resolve it: the fit shrinks the reading towards level and doubts it
    public void Confidence_and_spread_follow_the_models_resolution(double cellSizeM, InclineConfidence expected, int meanPermille, int spreadPermille)
    {
        var terrain = new NorthTerrain(northM => 100 + (0.08 * northM), cellSizeM); // 8 % up towards the north
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 40), Footway, 1, null, [], []));

        var edge = GraphTerrain.Apply(graph, terrain, Metadata).ClassOfEdge(0);

        int sign = graph.VertexLatE7[graph.EdgeTo[0]] > graph.VertexLatE7[graph.EdgeFrom[0]] ? 1 : -1;
        Assert.Equal(expected, edge.InclineConfidence);
        Assert.InRange(sign * edge.SteepestInclinePermille, meanPermille - 10, meanPermille + 10);
        Assert.InRange(edge.InclineSpreadPermille, spreadPermille - 20, spreadPermille + 20);
    }

    [Fact]
    public void The_steepest_sustained_incline_finds_a_steep_stretch_on_an_edge_that_is_gentle_on_average()
    {
        // Level for 140 m, then 10 % up for 60 m: 6 m over 200 m is 3 % on average.
        var terrain = new NorthTerrain(northM => northM < 140 ? 100 : 100 + (0.10 * (northM - 140)));
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 200), Footway, 1, null, [], []));

        var placed = GraphTerrain.Apply(graph, terrain, Metadata);

        var edge = placed.ClassOfEdge(0);
        int sign = placed.VertexLatE7[placed.EdgeTo[0]] > placed.VertexLatE7[placed.EdgeFrom[0]] ? 1 : -1;
        Assert.Equal(sign * 30, edge.InclinePermille);
        Assert.Equal(sign * 100, edge.SteepestInclinePermille);
    }

    [Fact]
    public void An_edge_shorter_than_the_sustained_length_has_its_average_as_steepest()
    {
        var terrain = new NorthTerrain(northM => northM < 10 ? 100 : 100 + (0.5 * (northM - 10)));
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 20), Footway, 1, null, [], []));

        var edge = GraphTerrain.Apply(graph, terrain, Metadata).ClassOfEdge(0);

        Assert.Equal(250, Math.Abs((int)edge.InclinePermille));
        Assert.Equal(edge.InclinePermille, edge.SteepestInclinePermille);
    }

    [Fact]
    public void A_bridge_runs_straight_between_its_ground_ends_over_a_valley()
    {
        // A 30 m deep valley between 100 m and 300 m north; the bridge crosses it in three edges.
        var terrain = new NorthTerrain(northM => northM is > 100 and < 300 ? 70 : 100);
        var bridge = Footway with { Flags = EdgeFlags.Bridge };
        var graph = Build(b =>
        {
            int[] v = [Vertex(b, 0), Vertex(b, 100), Vertex(b, 170), Vertex(b, 230), Vertex(b, 300), Vertex(b, 400)];
            b.AddEdge(v[0], v[1], Footway, 1, null, [], []);
            b.AddEdge(v[1], v[2], bridge, 2, null, [], []);
            b.AddEdge(v[2], v[3], bridge, 2, null, [Coordinates.ToE7(LatAt(200))], [Coordinates.ToE7(BaseLon)]);
            b.AddEdge(v[3], v[4], bridge, 2, null, [], []);
            b.AddEdge(v[4], v[5], Footway, 3, null, [], []);
        });

        var placed = GraphTerrain.Apply(graph, terrain, Metadata);

        foreach (float elevationM in placed.VertexElevationM)
        {
            Assert.InRange(elevationM, 99.9f, 100.1f);
        }
        Assert.InRange(Assert.Single(placed.ShapeElevationM.ToArray()), 99.9f, 100.1f);
        for (int e = 0; e < placed.EdgeCount; e++)
        {
            Assert.Equal(0, placed.ClassOfEdge(e).SteepestInclinePermille);
        }
    }

    [Fact]
    public void Without_the_bridge_flag_the_same_edges_dive_into_the_valley()
    {
        // The control for the bridge test: it passes only because of the flag.
        var terrain = new NorthTerrain(northM => northM is > 100 and < 300 ? 70 : 100);
        var graph = Build(b =>
        {
            int[] v = [Vertex(b, 0), Vertex(b, 100), Vertex(b, 170), Vertex(b, 230), Vertex(b, 300)];
            for (int i = 0; i < 4; i++)
            {
                b.AddEdge(v[i], v[i + 1], Footway, i, null, [], []);
            }
        });

        var placed = GraphTerrain.Apply(graph, terrain, Metadata);

        Assert.Contains(placed.VertexElevationM.ToArray(), h => h < 80);
    }

    [Theory]
    [InlineData(Evidence.Tagged)] // incline=12% on the way
    [InlineData(Evidence.Derived)] // the street's incline tag, given to its sidewalk
    public void An_incline_from_osm_wins_over_the_terrain(Evidence evidence)
    {
        var tagged = Footway with { InclineKind = InclineKind.Value, InclineEvidence = evidence, InclinePermille = 120, SteepestInclinePermille = 120 };
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 100), tagged, 1, null, [], []));

        var edge = GraphTerrain.Apply(graph, new NorthTerrain(_ => 100), Metadata).ClassOfEdge(0);

        Assert.Equal(tagged, edge);
    }

    [Theory]
    [InlineData(InclineKind.UpNoValue, 0.08, InclineKind.Value)] // the terrain agrees and says how much
    [InlineData(InclineKind.UpNoValue, -0.08, InclineKind.UpNoValue)] // the terrain disagrees: keep the tag
    [InlineData(InclineKind.DownNoValue, -0.08, InclineKind.Value)]
    [InlineData(InclineKind.UpNoValue, 0.0, InclineKind.UpNoValue)] // too short or gentle for the terrain to see
    public void A_tagged_direction_takes_the_terrain_value_only_when_they_agree(InclineKind tag, double slopeForwards, InclineKind expected)
    {
        var edgeFacts = Footway with { InclineKind = tag, InclineEvidence = Evidence.Tagged };
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 100), edgeFacts, 1, null, [], []));
        bool forwardIsNorth = graph.VertexLatE7[graph.EdgeTo[0]] > graph.VertexLatE7[graph.EdgeFrom[0]];
        double slopeNorth = forwardIsNorth ? slopeForwards : -slopeForwards;

        var edge = GraphTerrain.Apply(graph, new NorthTerrain(northM => 100 + (slopeNorth * northM)), Metadata).ClassOfEdge(0);

        Assert.Equal(expected, edge.InclineKind);
        if (expected == InclineKind.Value)
        {
            Assert.Equal((Evidence.Derived, (short)(Math.Sign(slopeForwards) * 80)), (edge.InclineEvidence, edge.InclinePermille));
        }
    }

    [Fact]
    public void Elevators_keep_their_facts()
    {
        var elevator = Footway with { Flags = EdgeFlags.Elevator };
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 5), elevator, 1, null, [], []));

        var edge = GraphTerrain.Apply(graph, new NorthTerrain(northM => 100 + northM), Metadata).ClassOfEdge(0);

        Assert.Equal(elevator, edge);
    }

    [Fact]
    public void Outside_the_terrain_model_elevations_are_unknown_and_facts_unchanged()
    {
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 100), Footway, 1, null, [LatE7At(50)], [Coordinates.ToE7(BaseLon)]));

        var placed = GraphTerrain.Apply(graph, new NorthTerrain(_ => null), Metadata);

        Assert.All(placed.VertexElevationM.ToArray(), h => Assert.True(float.IsNaN(h)));
        Assert.True(float.IsNaN(Assert.Single(placed.ShapeElevationM.ToArray())));
        Assert.Equal(Footway, placed.ClassOfEdge(0));
    }

    [Fact]
    public void Shape_points_get_the_terrain_height_and_the_metadata_is_kept()
    {
        var graph = Build(b => b.AddEdge(Vertex(b, 0), Vertex(b, 100), Footway, 1, null, [LatE7At(40)], [Coordinates.ToE7(BaseLon)]));
        var metadata = Metadata with { ElevationSource = "analytic" };

        var placed = GraphTerrain.Apply(graph, new NorthTerrain(northM => 200 + northM), metadata);

        Assert.Equal(240, Assert.Single(placed.ShapeElevationM.ToArray()), 0.01);
        Assert.Equal("analytic", placed.Metadata.ElevationSource);
    }

    private static RoutingGraph Build(Action<GraphBuilder> add)
    {
        var builder = new GraphBuilder();
        add(builder);
        return builder.Build(Metadata);
    }

    private static int Vertex(GraphBuilder builder, double northM, double eastM = 0) =>
        builder.AddVertex(builder.VertexCount + 1, LatE7At(northM),
            Coordinates.ToE7(BaseLon + (eastM / (Coordinates.MetresPerDegree * Math.Cos(BaseLat * Math.PI / 180)))), default);

    private static double LatAt(double northM) => BaseLat + (northM / Coordinates.MetresPerDegree);

    private static int LatE7At(double northM) => Coordinates.ToE7(LatAt(northM));

    private static int EdgeOfWay(RoutingGraph graph, long wayId) => graph.EdgeOsmWayId.IndexOf(wayId);

    /// <summary>Height as a function of metres north of the base point; null where the model has no data.</summary>
    private sealed class NorthTerrain(Func<double, double?> heightM, double cellSizeM = 1) : IElevationModel
    {
        public string Description => "analytic";

        public double CellSizeMAt(double latitude, double longitude) =>
            TryGetElevationM(latitude, longitude, out _) ? cellSizeM : double.NaN;

        public bool TryGetElevationM(double latitude, double longitude, out double elevationM)
        {
            double? h = heightM((latitude - BaseLat) * Coordinates.MetresPerDegree);
            elevationM = h ?? double.NaN;
            return h is not null;
        }
    }
}
