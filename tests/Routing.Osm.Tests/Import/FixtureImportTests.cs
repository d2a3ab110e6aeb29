using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>The hand-written fixture (Fixtures/accessibility.osm, layout described in its header), checked fact by fact.</summary>
public sealed class FixtureImportTests
{
    private static readonly RoutingGraph Graph = OsmImporter.Import(RepositoryPaths.Fixture("accessibility.osm")).Graph;

    private static EdgeClass Facts(int edge) => Graph.ClassOfEdge(edge);

    [Fact]
    public void Steps_without_ramp_are_steps_with_direction_only()
    {
        var edge = Assert.Single(Graph.EdgesOfWay(100));
        Assert.True(Facts(edge).Has(EdgeFlags.Steps));
        Assert.False(Facts(edge).Has(EdgeFlags.WheelchairRamp));
        Assert.Equal(HighwayKind.Steps, Facts(edge).Highway);
        Assert.Equal(InclineKind.UpNoValue, Facts(edge).InclineKind);
        Assert.Equal((2L, 5L), Graph.EndNodes(edge));
    }

    [Fact]
    public void Steps_with_wheelchair_ramp_carry_the_ramp()
    {
        var edge = Assert.Single(Graph.EdgesOfWay(101));
        Assert.True(Facts(edge).Has(EdgeFlags.Steps | EdgeFlags.WheelchairRamp));
    }

    [Fact]
    public void Crossing_is_split_at_both_kerbs_and_the_road()
    {
        var edges = Graph.EdgesOfWay(300);
        Assert.Equal(4, edges.Count);
        foreach (int e in edges)
        {
            Assert.Equal(HighwayKind.Crossing, Facts(e).Highway);
            Assert.Equal(CrossingKind.Marked, Facts(e).Crossing);
            Assert.True(Facts(e).Has(EdgeFlags.TactilePaving));
        }
    }

    [Fact]
    public void Lowered_kerb_has_derived_height_and_raised_kerb_tagged_height()
    {
        var lowered = Graph.ClassOfVertex(Graph.VertexOfNode(7));
        Assert.Equal(KerbKind.Lowered, lowered.Kerb);
        Assert.Equal(Evidence.Derived, lowered.KerbEvidence);
        Assert.Equal(3, lowered.KerbHeightCm);

        var raised = Graph.ClassOfVertex(Graph.VertexOfNode(9));
        Assert.Equal(KerbKind.Raised, raised.Kerb);
        Assert.Equal(Evidence.Tagged, raised.KerbEvidence);
        Assert.Equal(12, raised.KerbHeightCm);
    }

    [Fact]
    public void Road_with_sidewalks_is_walked_on_the_sidewalk_surface()
    {
        var edges = Graph.EdgesOfWay(400);
        Assert.Equal(2, edges.Count); // split where the crossing meets it
        foreach (int e in edges)
        {
            Assert.Equal(SidewalkKind.Present, Facts(e).Sidewalk);
            Assert.Equal(SurfaceKind.PavingStones, Facts(e).Surface);
            Assert.Equal(Evidence.Tagged, Facts(e).SurfaceEvidence);
        }
    }

    [Fact]
    public void Road_with_separate_sidewalks_says_so_and_keeps_its_signed_incline()
    {
        var edge = Assert.Single(Graph.EdgesOfWay(401));
        Assert.Equal(SidewalkKind.Separate, Facts(edge).Sidewalk);
        Assert.Equal(InclineKind.Value, Facts(edge).InclineKind);
        // The way runs 12 -> 13 and falls by 8 %; the edge is stored in one of the two directions.
        int expected = Graph.EndNodes(edge) == (12L, 13L) ? -80 : 80;
        Assert.Equal(expected, Facts(edge).InclinePermille);
    }

    [Fact]
    public void Elevator_and_kissing_gate_nodes_are_vertices_with_their_facts()
    {
        var elevator = Graph.ClassOfVertex(Graph.VertexOfNode(14));
        Assert.True(elevator.Has(NodeFlags.Elevator));
        Assert.Equal(WheelchairTag.Yes, elevator.Wheelchair);

        var gate = Graph.ClassOfVertex(Graph.VertexOfNode(16));
        Assert.Equal(BarrierKind.KissingGate, gate.Barrier);
        Assert.Equal(BarrierImpact.Blocking, BarrierKinds.ImpactOnWheels(gate.Barrier));
        Assert.Equal(2, Graph.EdgesOfWay(203).Count);
    }

    [Fact]
    public void Plain_nodes_become_shape_points_not_vertices()
    {
        var island = Assert.Single(Graph.EdgesOfWay(602));
        Assert.Equal(-1, Graph.VertexOfNode(41));
        Assert.Equal(1, Graph.EdgeFirstShapePoint[island + 1] - Graph.EdgeFirstShapePoint[island]);
        // 1-2-3-4: 2 and 3 are junctions with the steps, so three edges.
        Assert.Equal(3, Graph.EdgesOfWay(200).Count);
        Assert.Equal(2, Graph.EdgesOfWay(202).Count); // split at the elevator node 14
    }

    [Fact]
    public void Pedestrian_area_is_crossed_diagonally_between_its_entries()
    {
        var crossings = Graph.EdgesOfWay(500).Where(e => Facts(e).Has(EdgeFlags.AreaCrossing)).ToList();
        Assert.Equal(2, crossings.Count);
        var pairs = crossings.Select(e => Graph.EndNodes(e)).Select(p => (Math.Min(p.From, p.To), Math.Max(p.From, p.To))).OrderBy(p => p).ToList();
        Assert.Equal([(20L, 22L), (21L, 23L)], pairs);
        Assert.All(crossings, e => Assert.Equal(HighwayKind.PedestrianArea, Facts(e).Highway));
        Assert.All(crossings, e => Assert.Equal(SurfaceKind.Sett, Facts(e).Surface));
    }

    [Fact]
    public void Edges_carry_the_name_of_their_way()
    {
        Assert.All(Graph.EdgesOfWay(400), e => Assert.Equal("Plöck", Graph.EdgeName(e)));
        Assert.Equal("Sandgasse", Graph.EdgeName(Assert.Single(Graph.EdgesOfWay(401))));
        Assert.All(Graph.EdgesOfWay(200), e => Assert.Equal("", Graph.EdgeName(e)));
    }

    [Fact]
    public void Outline_and_crossings_of_a_square_carry_the_square_s_name()
    {
        var edges = Graph.EdgesOfWay(500);
        Assert.Equal(2, edges.Count(e => Facts(e).Has(EdgeFlags.AreaCrossing)));
        Assert.All(edges, e => Assert.Equal("Marktplatz", Graph.EdgeName(e)));
    }

    [Fact]
    public void Motorway_and_foot_no_ways_are_not_imported()
    {
        Assert.Empty(Graph.EdgesOfWay(600));
        Assert.Empty(Graph.EdgesOfWay(601));
        Assert.Equal(-1, Graph.VertexOfNode(30));
        Assert.Equal(-1, Graph.VertexOfNode(32));
    }

    [Fact]
    public void The_far_footway_is_an_island_and_the_rest_one_component()
    {
        int island = Graph.VertexComponent[Graph.VertexOfNode(40)];
        Assert.NotEqual(0, island);
        Assert.Equal(2, Graph.ComponentSize[island]);
        Assert.Equal(2, Graph.ComponentSize.Length);
        Assert.Equal(Graph.VertexCount - 2, Graph.ComponentSize[0]);
    }

    [Fact]
    public void Every_edge_keeps_its_way_and_its_end_node_ids()
    {
        int edge = Graph.EdgeBetween(202, 4, 14);
        Assert.Equal(202, Graph.EdgeOsmWayId[edge]);
        double lengthM = Graph.EdgeLengthCm[edge] / 100.0;
        Assert.InRange(lengthM, 36, 37.5); // 0.0005 degrees of longitude at 49.41 N is about 36.3 m
    }
}
