using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>The real Heidelberg extract: plausible totals, and named OSM objects carry what their tags say.</summary>
public sealed class HeidelbergImportTests
{
    private static RoutingGraph Graph => Heidelberg.Imported;
    private static readonly GraphStatistics Stats = GraphStatistics.Of(Heidelberg.Imported);

    [Fact]
    public void Totals_are_those_of_a_city_network()
    {
        Assert.InRange(Stats.Vertices, 25_000, 60_000);
        Assert.InRange(Stats.Edges, 35_000, 80_000);
        Assert.InRange(Stats.WalkableLengthKm, 2_500, 5_000);
        // Facts dedupe well: classes are a small fraction of edges.
        Assert.InRange(Stats.EdgeClasses, 300, 5_000);
        Assert.InRange(Stats.NodeClasses, 10, 500);
    }

    [Fact]
    public void About_1500_steps_ways_become_steps_edges()
    {
        // 1,546 ways are tagged highway=steps; a few are split at junctions, none may be lost.
        Assert.InRange(Stats.StepsEdges, 1_546, 2_000);
    }

    [Fact]
    public void One_component_holds_almost_everything()
    {
        Assert.True(Stats.LargestComponentVertices > 0.9 * Stats.Vertices,
            $"largest component {Stats.LargestComponentVertices} of {Stats.Vertices}");
        Assert.InRange(Stats.Components, 2, 2_000);
    }

    [Fact]
    public void Shares_of_known_facts_are_plausible()
    {
        Assert.InRange(Stats.KnownSurfaceShare, 0.5, 0.9);
        Assert.InRange(Stats.KnownSmoothnessShare, 0.1, 0.5);
        Assert.InRange(Stats.KnownWidthShare, 0.01, 0.3);
        Assert.InRange(Stats.KnownInclineShare, 0.005, 0.2);
        Assert.InRange(Stats.ElevatorVertices + Stats.ElevatorEdges, 10, 100);
        Assert.InRange(Stats.BlockingBarrierVertices, 50, 1_000);
    }

    [Fact]
    public void Long_staircase_without_ramp_is_steps()
    {
        // way 24771055: highway=steps, step_count=170, ramp:wheelchair=no
        var edges = Graph.EdgesOfWay(24771055);
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(Graph.ClassOfEdge(e).Has(EdgeFlags.Steps)));
        Assert.All(edges, e => Assert.False(Graph.ClassOfEdge(e).Has(EdgeFlags.WheelchairRamp)));
    }

    [Fact]
    public void Lowered_kerb_at_signalled_crossing_has_its_tagged_height()
    {
        // node 4210475345: kerb=lowered, kerb:height=3cm, highway=crossing, crossing=traffic_signals
        var node = Graph.ClassOfVertex(Graph.VertexOfNode(4210475345));
        Assert.Equal(KerbKind.Lowered, node.Kerb);
        Assert.Equal(Evidence.Tagged, node.KerbEvidence);
        Assert.Equal(3, node.KerbHeightCm);
        Assert.Equal(CrossingKind.TrafficSignals, node.Crossing);
    }

    [Fact]
    public void Kerb_height_in_metres_is_read_as_centimetres()
    {
        // node 2288321673: kerb:height=0.06
        var node = Graph.ClassOfVertex(Graph.VertexOfNode(2288321673));
        Assert.Equal(6, node.KerbHeightCm);
        Assert.Equal(Evidence.Tagged, node.KerbEvidence);
    }

    [Fact]
    public void Indoor_elevator_node_is_an_elevator()
    {
        // node 1450034911: highway=elevator, indoor=yes, level=0;-1 (from the station hall down to the underpass)
        int vertex = Graph.VertexOfNode(1450034911);
        Assert.True(Graph.ClassOfVertex(vertex).Has(NodeFlags.Elevator));
        Assert.Equal([-1f, 0f], Graph.LevelsOfVertex(vertex).ToArray().Select(l => l.Level));
    }

    [Fact]
    public void Universitaetsplatz_is_a_cobbled_square_that_can_be_crossed()
    {
        // way 14327307: highway=pedestrian, area=yes, surface=cobblestone, name=Universitätsplatz
        var edges = Graph.EdgesOfWay(14327307);
        Assert.All(edges, e => Assert.Equal(SurfaceKind.Cobblestone, Graph.ClassOfEdge(e).Surface));
        Assert.All(edges, e => Assert.Equal(HighwayKind.PedestrianArea, Graph.ClassOfEdge(e).Highway));
        Assert.Contains(edges, e => Graph.ClassOfEdge(e).Has(EdgeFlags.AreaCrossing));
        Assert.All(edges, e => Assert.Equal("Universitätsplatz", Graph.EdgeName(e)));
    }
}
