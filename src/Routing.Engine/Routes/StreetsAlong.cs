using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>
/// The named street an unnamed footway, sidewalk, path or service road runs beside, so an instruction can say "the
/// sidewalk along Hauptstraße" instead of "the sidewalk". OSM names the street, not the pavement mapped beside it
/// (<c>footway=sidewalk</c>), so the street is looked up when the instruction is written: at a quarter, half and three
/// quarters of the segment, the nearest named way within <see cref="BesideM"/> that heads the same way (within
/// <see cref="ParallelDeg"/>, either direction); the street found at two of the three is the one the segment runs
/// along, and a path that only touches a street, or crosses it, names none. A few grid lookups per unnamed segment
/// that an instruction names, on the snapping grid the router already holds: no fact in the graph file, so its format
/// stays as it is.
/// </summary>
internal sealed class StreetsAlong(RoutingGraph graph, SnapIndex ways)
{
    /// <summary>A pavement lies at most this far from its street's centre line (a lane or two, parking, a verge).</summary>
    internal const double BesideM = 15;

    /// <summary>Headings closer than this run along each other; a street met at a corner differs by far more.</summary>
    internal const double ParallelDeg = 25;

    /// <summary>Shorter segments are said together with the next step anyway (<see cref="InstructionWriter.MinStepM"/>).</summary>
    private const double ShortestM = 8;

    /// <summary>The street <paramref name="segment"/> runs beside (its name and kind), or null when it has a name, is no way beside a street, or runs along none.</summary>
    public (string Name, string Highway)? Of(AssembledSegment segment, IReadOnlyList<GeoPoint> geometry)
    {
        var facts = segment.Segment;
        if (facts.Name.Length > 0 || facts.DistanceM < ShortestM || !RunsBeside(segment.Class.Highway))
        {
            return null;
        }
        Span<int> found = [-1, -1, -1];
        double lengthM = PolylineLengthM(geometry, facts.FirstPoint, facts.LastPoint);
        for (int sample = 0; sample < found.Length; sample++)
        {
            found[sample] = EdgeBesideAt(geometry, facts.FirstPoint, facts.LastPoint, lengthM * (sample + 1) / 4);
        }
        var names = graph.EdgeNameId;
        for (int i = 0; i < found.Length; i++)
        {
            for (int j = i + 1; j < found.Length; j++)
            {
                if (found[i] >= 0 && found[j] >= 0 && names[found[i]] == names[found[j]])
                {
                    return (graph.EdgeName(found[i]), FactNames.Of(graph.ClassOfEdge(found[i]).Highway));
                }
            }
        }
        return null;
    }

    private static bool RunsBeside(HighwayKind highway) => highway is HighwayKind.Footway or HighwayKind.Sidewalk or HighwayKind.Path
        or HighwayKind.Cycleway or HighwayKind.Pedestrian or HighwayKind.Service or HighwayKind.Track;

    /// <summary>The named edge beside the point <paramref name="atM"/> metres along the polyline, heading as the polyline does there.</summary>
    private int EdgeBesideAt(IReadOnlyList<GeoPoint> geometry, int first, int last, double atM)
    {
        double walkedM = 0;
        for (int i = first; i < last; i++)
        {
            var (a, b) = (geometry[i], geometry[i + 1]);
            double pieceM = Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon);
            if (walkedM + pieceM >= atM && pieceM > 0)
            {
                double t = (atM - walkedM) / pieceM;
                var point = new GeoPoint(a.Lat + (t * (b.Lat - a.Lat)), a.Lon + (t * (b.Lon - a.Lon)));
                return ways.NamedEdgeAlong(point, new GeoPoint(b.Lat - a.Lat, b.Lon - a.Lon), BesideM, ParallelDeg);
            }
            walkedM += pieceM;
        }
        return -1;
    }

    private static double PolylineLengthM(IReadOnlyList<GeoPoint> geometry, int first, int last)
    {
        double lengthM = 0;
        for (int i = first; i < last; i++)
        {
            lengthM += Coordinates.DistanceM(geometry[i].Lat, geometry[i].Lon, geometry[i + 1].Lat, geometry[i + 1].Lon);
        }
        return lengthM;
    }
}
