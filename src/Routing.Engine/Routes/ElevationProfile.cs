using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Routes;

/// <summary>
/// The heights along a route: one per point of <see cref="Route.Geometry"/> with the distance travelled to it, and
/// the total climb and descent. Heights come from the graph (the smoothed terrain, and straight lines over bridges and
/// through tunnels), so a route's profile agrees with the inclines its segments report.
/// </summary>
/// <param name="DistancesM">Distance along the route to each geometry point.</param>
/// <param name="ElevationsM">Height of each geometry point, metres above sea level.</param>
public sealed record ElevationProfile(IReadOnlyList<double> DistancesM, IReadOnlyList<double> ElevationsM, double AscentM, double DescentM)
{
    /// <summary>
    /// The profile of an assembled route, or null when any point on it lacks a height (a graph built without a terrain
    /// model, or a route leaving the model's coverage): a profile with holes would understate the climb.
    /// </summary>
    /// <param name="start">Where the route starts: a route that goes nowhere has just that point's height.</param>
    internal static ElevationProfile? Of(RoutingGraph graph, ReadOnlySpan<RoutePiece> pieces, IReadOnlyList<GeoPoint> geometry, in SnapPoint start)
    {
        var edgePoints = new List<(int LatE7, int LonE7)>();
        var edgeElevationsM = new List<float>();
        var steps = EdgeStepLengths.Of(graph);
        if (pieces.Length == 0)
        {
            graph.AppendArcPoints(start.Edge * 2, edgePoints);
            graph.AppendEdgeElevations(start.Edge, edgeElevationsM);
            double hereM = ElevationAt(edgePoints, steps.StepsOf(start.Edge), edgeElevationsM, start.OffsetM);
            return double.IsNaN(hereM) ? null : new ElevationProfile([.. geometry.Select(_ => 0.0)], [.. geometry.Select(_ => hereM)], 0, 0);
        }
        var distancesM = new double[geometry.Count];
        var elevationsM = new double[geometry.Count];
        Array.Fill(elevationsM, double.NaN);
        foreach (ref readonly var piece in pieces)
        {
            edgePoints.Clear();
            edgeElevationsM.Clear();
            graph.AppendArcPoints(piece.Edge * 2, edgePoints);
            graph.AppendEdgeElevations(piece.Edge, edgeElevationsM);
            var stepsM = steps.StepsOf(piece.Edge);
            // The piece's geometry points are its edge's points from FromOffsetM on (inner points exactly, ends
            // interpolated), so walking the geometry gives each point's offset on the edge.
            double walkedM = 0;
            for (int p = piece.FirstPoint; p <= piece.LastPoint; p++)
            {
                if (p > piece.FirstPoint)
                {
                    walkedM += Coordinates.DistanceM(geometry[p - 1].Lat, geometry[p - 1].Lon, geometry[p].Lat, geometry[p].Lon);
                }
                double offsetM = piece.Backward ? piece.FromOffsetM - walkedM : piece.FromOffsetM + walkedM;
                distancesM[p] = piece.StartDistanceM + Math.Min(walkedM, piece.LengthM);
                elevationsM[p] = ElevationAt(edgePoints, stepsM, edgeElevationsM, offsetM);
            }
        }
        // The end point may follow the last piece's end by a hair (kept as its own point): it shares that height.
        for (int p = pieces[^1].LastPoint + 1; p < geometry.Count; p++)
        {
            distancesM[p] = distancesM[p - 1];
            elevationsM[p] = elevationsM[p - 1];
        }
        if (Array.Exists(elevationsM, double.IsNaN))
        {
            return null;
        }

        double ascentM = 0, descentM = 0;
        for (int p = 1; p < elevationsM.Length; p++)
        {
            double riseM = elevationsM[p] - elevationsM[p - 1];
            ascentM += Math.Max(riseM, 0);
            descentM += Math.Max(-riseM, 0);
        }
        return new ElevationProfile(distancesM, elevationsM, ascentM, descentM);
    }

    /// <summary>The height at an offset along an edge, linear between its points; NaN when a point it needs has none.</summary>
    private static double ElevationAt(List<(int LatE7, int LonE7)> points, ReadOnlySpan<double> stepsM, List<float> elevationsM, double offsetM)
    {
        double walkedM = 0;
        for (int i = 1; i < points.Count; i++)
        {
            double stepM = stepsM[i];
            if (offsetM <= walkedM + stepM || i == points.Count - 1)
            {
                double t = stepM > 0 ? Math.Clamp((offsetM - walkedM) / stepM, 0, 1) : 0;
                return elevationsM[i - 1] + (t * (elevationsM[i] - elevationsM[i - 1]));
            }
            walkedM += stepM;
        }
        return elevationsM[0];
    }
}
