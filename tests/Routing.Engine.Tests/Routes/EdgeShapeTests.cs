using Routing.Engine.Routes;
using Routing.Graph;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Routes;

/// <summary>Cutting a polyline at distances along it, measured as the graph builder measures edge lengths.</summary>
public sealed class EdgeShapeTests
{
    // An L: 0.001 degrees east (about 72 m at this latitude), then 0.001 degrees north (about 111 m).
    private static readonly (int LatE7, int LonE7)[] Shape =
    [
        (Coordinates.ToE7(49.41), Coordinates.ToE7(8.69)),
        (Coordinates.ToE7(49.41), Coordinates.ToE7(8.691)),
        (Coordinates.ToE7(49.411), Coordinates.ToE7(8.691)),
    ];

    private static double LegM(int i) =>
        Coordinates.DistanceM(Shape[i].LatE7, Shape[i].LonE7, Shape[i + 1].LatE7, Shape[i + 1].LonE7);

    private static (int, int) E7(GeoPoint p) => (Coordinates.ToE7(p.Lat), Coordinates.ToE7(p.Lon));

    [Fact]
    public void A_cut_across_the_corner_keeps_the_corner_and_has_the_requested_length()
    {
        double fromM = LegM(0) / 2, toM = LegM(0) + (LegM(1) / 4);
        var part = EdgeShape.Cut(Shape, fromM, toM);

        Assert.Equal(3, part.Count);
        Assert.Equal((Coordinates.ToE7(49.41), Coordinates.ToE7(8.6905)), E7(part[0]));
        Assert.Equal(Shape[1], E7(part[1]));
        Assert.Equal((Coordinates.ToE7(49.41025), Coordinates.ToE7(8.691)), E7(part[2]));
        Assert.Equal(toM - fromM, EdgeShape.LengthM([.. part.Select(E7)]), 2);
    }

    [Fact]
    public void A_backward_cut_is_the_forward_cut_reversed()
    {
        var forward = EdgeShape.Cut(Shape, 10, 150);
        var backward = EdgeShape.Cut(Shape, 150, 10);
        Assert.Equal(forward.AsEnumerable().Reverse(), backward);
    }

    [Fact]
    public void Cuts_at_the_ends_are_the_polyline_itself_and_offsets_are_clamped()
    {
        double totalM = EdgeShape.LengthM(Shape);
        Assert.Equal(Shape, EdgeShape.Cut(Shape, 0, totalM).Select(E7));
        Assert.Equal(Shape, EdgeShape.Cut(Shape, -5, totalM + 5).Select(E7));
        Assert.Equal(Shape[2], E7(EdgeShape.PointAt(Shape, totalM + 1)));
        Assert.Equal(Shape[0], E7(EdgeShape.PointAt(Shape, 0)));
    }

    [Fact]
    public void A_cut_within_one_leg_has_no_inner_points()
    {
        var part = EdgeShape.Cut(Shape, 20, 30);
        Assert.Equal(2, part.Count);
        Assert.Equal(10, Coordinates.DistanceM(part[0].Lat, part[0].Lon, part[1].Lat, part[1].Lon), 2);
    }

    /// <summary>The graph's table of step lengths holds, edge by edge, what measuring the edge's polyline gives.</summary>
    [Fact]
    public void The_step_table_of_heidelberg_measures_every_edge_as_its_polyline_does()
    {
        var graph = Heidelberg.Graph;
        var table = EdgeStepLengths.Of(graph);
        var points = new List<(int LatE7, int LonE7)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            points.Clear();
            graph.AppendArcPoints(edge * 2, points);
            var expected = new double[points.Count];
            EdgeShape.StepLengths(points, expected);

            Assert.Equal(expected, table.StepsOf(edge).ToArray());
            Assert.Equal(graph.EdgeLengthCm[edge] / 100.0, expected.Sum(), 0.011);
        }
    }
}
