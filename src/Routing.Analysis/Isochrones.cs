using NetTopologySuite.Geometries;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;

namespace Routing.Analysis;

/// <summary>One origin's reach within one range: the area around the reached ways, and how much of the network that is.</summary>
/// <param name="Area">Polygon or multipolygon in WGS 84 (x = lon, y = lat), holes where nothing is reached.</param>
/// <param name="ReachedLengthM">Network length reached, partly reached edges counted in part.</param>
/// <param name="AreaM2">Area of <paramref name="Area"/> in square metres.</param>
public sealed record Isochrone(int OriginIndex, double Range, Geometry Area, double ReachedLengthM, double AreaM2);

/// <summary>
/// Isochrones from the reached network itself, not a hull of points: every reached stretch of way (partly reached
/// edges cut where the budget ends) is widened by <see cref="CorridorM"/> each side in a local metric plane around the
/// origin (on a grid of <see cref="CellM"/> cells) and the corridors are joined, so a river, a railway or a hill the
/// profile cannot climb stays a hole or a bay. One search per origin answers all its ranges.
/// </summary>
public static class Isochrones
{
    /// <summary>Half the width of the area around a reached way: a pavement, the buildings along it, not the block behind.</summary>
    public const double CorridorM = 25;

    /// <summary>
    /// The corridors are drawn on a grid of this cell size and the marked cells joined: buffering thousands of lines
    /// and noding their outlines took seconds for a 15-minute walk, the grid takes milliseconds.
    /// </summary>
    private const double CellM = 10;

    /// <summary>The grid's staircase outline is smoothed by this much (metres): a cell and a half.</summary>
    private const double SimplifyToleranceM = 15;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly GeometryFactory Plane = new();

    /// <summary>Rows of grid cells joined at a time: the unit of work between two looks at the cancellation token.</summary>
    private const int BandRows = 32;

    /// <summary>
    /// The isochrones of every origin and range, ranges ascending per origin; an origin that cannot be placed is the
    /// failure (<see cref="PointOutsideArea"/> or <see cref="PointNotOnNetwork"/>) with its index, found before any
    /// search starts. The caller bounds the work first (<see cref="IsochroneBudget"/>); a cancelled token stops the
    /// searches and the drawing within milliseconds.
    /// </summary>
    public static (IReadOnlyList<Isochrone> Isochrones, RouteOutcome? Failure) Compute(Router router, IReadOnlyList<GeoPoint> origins,
        ProfileSettings profile, ReachMetric metric, IReadOnlyList<double> ranges, CancellationToken cancellationToken = default)
    {
        if (router.FirstUnplaceable(origins, profile) is { } unplaceable)
        {
            return ([], unplaceable);
        }
        var sorted = ranges.Order().ToArray();
        var result = new List<Isochrone>();
        for (int o = 0; o < origins.Count; o++)
        {
            switch (router.Reach(origins[o], profile, metric, sorted[^1], cancellationToken: cancellationToken))
            {
                case Reached { Tree: var tree }:
                    foreach (double range in sorted)
                    {
                        result.Add(Of(tree, o, range, origins[o], cancellationToken));
                    }
                    break;
                case PointOutsideArea outside:
                    return (result, outside with { WaypointIndex = o });
                case PointNotOnNetwork notOnNetwork:
                    return (result, notOnNetwork with { WaypointIndex = o });
                case var other:
                    throw new InvalidOperationException($"Unexpected reach outcome {other.GetType().Name}");
            }
        }
        return (result, null);
    }

    /// <summary>One range of a reach tree as a polygon.</summary>
    /// <param name="centre">
    /// The requested origin: the plane and its grid are laid around it, so that two profiles' isochrones of one origin
    /// share their cells even where the profiles place the origin on different ways.
    /// </param>
    internal static Isochrone Of(ReachTree tree, int originIndex, double range, GeoPoint centre, CancellationToken cancellationToken = default)
    {
        var stretches = tree.Stretches(range);
        var plane = new LocalPlane(centre);
        var grid = new CorridorGrid(CellM, CorridorM);
        grid.Mark(ToPlane(plane, tree.SnappedOrigin)); // the origin is reached even where no way leads on from it
        double reachedM = 0;
        for (int s = 0; s < stretches.Count; s++)
        {
            var stretch = stretches[s];
            if (s % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            reachedM += stretch.LengthM;
            var points = tree.PointsOf(stretch);
            for (int i = 1; i < points.Count; i++)
            {
                grid.MarkSegment(ToPlane(plane, points[i - 1]), ToPlane(plane, points[i]));
            }
        }
        var area = Join([.. grid.Bands(Plane, BandRows)], cancellationToken);
        var outline = NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(area, SimplifyToleranceM);
        return new Isochrone(originIndex, range, ToWgs84(outline, plane), reachedM, outline.Area);
    }

    /// <summary>
    /// The union of the bands' rectangles: each band joined alone, then neighbours pairwise until one is left, looking
    /// at the token between joins (NetTopologySuite's union itself cannot be stopped).
    /// </summary>
    private static Geometry Join(List<Geometry> bands, CancellationToken cancellationToken)
    {
        var joined = new List<Geometry>(bands.Count);
        foreach (var band in bands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            joined.Add(NetTopologySuite.Operation.Union.UnaryUnionOp.Union(band));
        }
        while (joined.Count > 1)
        {
            var next = new List<Geometry>((joined.Count + 1) / 2);
            for (int i = 0; i < joined.Count; i += 2)
            {
                cancellationToken.ThrowIfCancellationRequested();
                next.Add(i + 1 < joined.Count ? joined[i].Union(joined[i + 1]) : joined[i]);
            }
            joined = next;
        }
        return joined.Count == 1 ? joined[0] : Plane.CreateGeometryCollection();
    }

    private static Coordinate ToPlane(in LocalPlane plane, GeoPoint point)
    {
        var (x, y) = plane.Project(point);
        return new Coordinate(x, y);
    }

    /// <summary>A copy of a planar geometry in WGS 84 (x = lon, y = lat).</summary>
    private static Geometry ToWgs84(Geometry planar, LocalPlane plane)
    {
        var copy = Wgs84.CreateGeometry(planar);
        copy.Apply(new Unproject(plane));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class Unproject(LocalPlane plane) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                var point = plane.Unproject(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, point.Lon);
                seq.SetY(i, point.Lat);
            }
        }
    }
}
