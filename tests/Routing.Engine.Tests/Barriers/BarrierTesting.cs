using System.Text.Json;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Tests.Barriers;

/// <summary>Reports, geometry and route comparison for the barrier tests.</summary>
internal static class BarrierTesting
{
    /// <summary>Metres per degree of latitude on the engine's sphere.</summary>
    public const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;

    public static ReportedBarrier Report(long id, ReportedBarrierKind kind, GeoPoint point, bool verified = true,
        int? kerbHeightCm = null, int? widthCm = null, double? inclinePct = null) =>
        new(id, kind, verified, new BarrierGeometry(BarrierGeometryType.Point, [point]), kerbHeightCm, widthCm, inclinePct);

    public static ReportedBarrier Report(long id, ReportedBarrierKind kind, BarrierGeometryType type, IReadOnlyList<GeoPoint> points, bool verified = true) =>
        new(id, kind, verified, new BarrierGeometry(type, points));

    /// <summary>A point moved by metres north and east (equirectangular; fine for a few hundred metres).</summary>
    public static GeoPoint Offset(GeoPoint point, double northM, double eastM) =>
        new(point.Lat + (northM / MetresPerDegree), point.Lon + (eastM / (MetresPerDegree * Math.Cos(point.Lat * Math.PI / 180))));

    public static GeoPoint VertexPoint(RoutingGraph graph, int vertex) =>
        new(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex]));

    /// <summary>The point halfway between an edge's two vertices (the fixture's edges are straight).</summary>
    public static GeoPoint Middle(RoutingGraph graph, int edge)
    {
        var a = VertexPoint(graph, graph.EdgeFrom[edge]);
        var b = VertexPoint(graph, graph.EdgeTo[edge]);
        return new((a.Lat + b.Lat) / 2, (a.Lon + b.Lon) / 2);
    }

    public static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var settings), $"preset {name} exists");
        return settings;
    }

    /// <summary>An outcome as text, so that two outcomes compare by value down to the last digit.</summary>
    public static string Json(RouteOutcome outcome) => JsonSerializer.Serialize(outcome, outcome.GetType());

    /// <summary>Shortest distance from a point to a polyline, in metres (equirectangular around the point).</summary>
    public static double DistanceToLineM(GeoPoint point, IReadOnlyList<GeoPoint> line)
    {
        double cos = Math.Cos(point.Lat * Math.PI / 180);
        (double X, double Y) P(GeoPoint g) => ((g.Lon - point.Lon) * MetresPerDegree * cos, (g.Lat - point.Lat) * MetresPerDegree);
        double best = double.PositiveInfinity;
        for (int i = 0; i < line.Count; i++)
        {
            var (ax, ay) = P(line[i]);
            var (bx, by) = i + 1 < line.Count ? P(line[i + 1]) : (ax, ay);
            double ex = bx - ax, ey = by - ay, l2 = (ex * ex) + (ey * ey);
            double t = l2 > 0 ? Math.Clamp(-((ax * ex) + (ay * ey)) / l2, 0, 1) : 0;
            double cx = ax + (t * ex), cy = ay + (t * ey);
            best = Math.Min(best, Math.Sqrt((cx * cx) + (cy * cy)));
        }
        return best;
    }
}
