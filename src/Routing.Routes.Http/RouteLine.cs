using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Routes;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Routes.Http;

/// <summary>
/// The points of a route as an answer writes them: every point, or those a simplification keeps, each with its height
/// when the client asked for heights and the graph has them. <see cref="Positions"/> and <see cref="ElevationPositions"/>
/// write straight from the route's own lists, so an answer allocates nothing per point.
/// </summary>
internal sealed class RouteLine
{
    /// <summary>
    /// How far <c>geometry=simplified</c> lets the line stray from the route, metres: less than a pavement's width, so
    /// the line still shows which side of a street the route takes, while points on straight stretches go.
    /// </summary>
    public const double SimplifyToleranceM = 2;

    private readonly IReadOnlyList<GeoPoint> _points;
    private readonly ElevationProfile? _elevation;
    /// <summary>Indexes into the route's points, ascending; null: every point.</summary>
    private readonly int[]? _kept;

    /// <param name="elevation">The route's heights, or null to write none.</param>
    /// <param name="kept">Which of the points to write, ascending; null for all.</param>
    public RouteLine(IReadOnlyList<GeoPoint> points, ElevationProfile? elevation, int[]? kept = null)
    {
        _points = points;
        _elevation = elevation;
        // A route from a point to itself: a GeoJSON LineString needs two positions (RFC 7946 §3.1.4), and the
        // elevation profile keeps one entry per position.
        _kept = points.Count == 1 ? [0, 0] : kept;
        Count = _kept?.Length ?? points.Count;
    }

    /// <summary>The route's line with the detail asked for.</summary>
    public static RouteLine Of(Route route, RouteDetail detail) => new(
        route.Geometry,
        detail.Elevation ? route.Elevation : null,
        detail.Geometry == GeometryDetail.Simplified ? Simplify(route) : null);

    /// <summary>How many positions the line writes.</summary>
    public int Count { get; }

    public bool HasElevation => _elevation is not null;

    /// <summary>The position in this line of the route's point <paramref name="routePoint"/> (a segment's end: always kept).</summary>
    public int PositionOf(int routePoint)
    {
        if (_kept is null)
        {
            return routePoint;
        }
        int at = Array.BinarySearch(_kept, routePoint);
        return at >= 0 ? at : ~at;
    }

    /// <summary>Writes positions <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1 as [lon, lat] or [lon, lat, elevation_m].</summary>
    public void WritePositions(Utf8JsonWriter writer, int first, int count)
    {
        // A thousand positions as one raw value: one writer call instead of five thousand.
        var json = new RawJsonBuilder(writer.Options.Encoder);
        json.Raw((byte)'[');
        for (int i = first; i < first + count; i++)
        {
            int p = Index(i);
            json.Raw(i == first ? "["u8 : ",["u8);
            json.Decimal(_points[p].Lon, DecimalNumber.DegreeDecimals);
            json.Raw((byte)',');
            json.Decimal(_points[p].Lat, DecimalNumber.DegreeDecimals);
            if (_elevation is not null)
            {
                json.Raw((byte)',');
                json.Decimal(_elevation.ElevationsM[p], DecimalNumber.MetreDecimals);
            }
            json.Raw((byte)']');
        }
        json.Raw((byte)']');
        json.WriteTo(writer);
    }

    /// <summary>Writes [distance_m, elevation_m] for every position, or null when the line has no heights.</summary>
    public void WriteElevationProfile(Utf8JsonWriter writer)
    {
        if (_elevation is null)
        {
            writer.WriteNullValue();
            return;
        }
        var json = new RawJsonBuilder(writer.Options.Encoder);
        json.Raw((byte)'[');
        for (int i = 0; i < Count; i++)
        {
            int p = Index(i);
            json.Raw(i == 0 ? "["u8 : ",["u8);
            json.Decimal(_elevation.DistancesM[p], DecimalNumber.MetreDecimals);
            json.Raw((byte)',');
            json.Decimal(_elevation.ElevationsM[p], DecimalNumber.MetreDecimals);
            json.Raw((byte)']');
        }
        json.Raw((byte)']');
        json.WriteTo(writer);
    }

    public GeoPoint Point(int position) => _points[Index(position)];

    /// <summary>The height at a position; only when <see cref="HasElevation"/>.</summary>
    public double ElevationM(int position) => _elevation!.ElevationsM[Index(position)];

    private int Index(int position) => _kept is null ? position : _kept[position];

    /// <summary>
    /// Douglas–Peucker within each segment, on a local plane: a segment's first and last points are always kept, so
    /// segments (and GeoJSON features) keep their ends and only inner points of a stretch go.
    /// </summary>
    private static int[] Simplify(Route route)
    {
        var points = route.Geometry;
        int n = points.Count;
        var plane = new LocalPlane(points[0]);
        var xy = new (double X, double Y)[n];
        for (int i = 0; i < n; i++)
        {
            xy[i] = plane.Project(points[i]);
        }
        var keep = new bool[n];
        keep[0] = keep[n - 1] = true;
        foreach (var segment in route.Segments)
        {
            int first = Math.Clamp(segment.FirstPoint, 0, n - 1), last = Math.Clamp(segment.LastPoint, 0, n - 1);
            keep[first] = keep[last] = true;
            KeepFarthest(xy, first, last, keep);
        }
        int kept = 0;
        foreach (bool k in keep)
        {
            kept += k ? 1 : 0;
        }
        var indexes = new int[kept];
        for (int i = 0, j = 0; i < n; i++)
        {
            if (keep[i])
            {
                indexes[j++] = i;
            }
        }
        return indexes;
    }

    private static void KeepFarthest((double X, double Y)[] xy, int first, int last, bool[] keep)
    {
        double worst = SimplifyToleranceM * SimplifyToleranceM;
        int farthest = -1;
        for (int i = first + 1; i < last; i++)
        {
            double d = LocalPlane.SegmentDistanceSquared(xy[i].X, xy[i].Y, xy[first].X, xy[first].Y, xy[last].X, xy[last].Y, out _);
            if (d > worst)
            {
                worst = d;
                farthest = i;
            }
        }
        if (farthest >= 0)
        {
            keep[farthest] = true;
            KeepFarthest(xy, first, farthest, keep);
            KeepFarthest(xy, farthest, last, keep);
        }
    }
}

/// <summary>A GeoJSON position list: [lon, lat] or [lon, lat, elevation_m], a stretch of a <see cref="RouteLine"/>.</summary>
[JsonConverter(typeof(PositionsConverter))]
internal readonly record struct Positions(RouteLine Line, int First, int Count)
{
    public static Positions All(RouteLine line) => new(line, 0, line.Count);
}

/// <summary>[distance_m, elevation_m] at each position of a <see cref="RouteLine"/>; written as null when it has no heights.</summary>
[JsonConverter(typeof(ElevationPositionsConverter))]
internal readonly record struct ElevationPositions(RouteLine Line);

/// <summary>Answers only: positions are written from the route, never read.</summary>
internal sealed class PositionsConverter : JsonConverter<Positions>
{
    public override Positions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Route positions are only written.");

    public override void Write(Utf8JsonWriter writer, Positions value, JsonSerializerOptions options) =>
        value.Line.WritePositions(writer, value.First, value.Count);
}

/// <inheritdoc cref="PositionsConverter"/>
internal sealed class ElevationPositionsConverter : JsonConverter<ElevationPositions>
{
    public override ElevationPositions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Route positions are only written.");

    public override void Write(Utf8JsonWriter writer, ElevationPositions value, JsonSerializerOptions options) =>
        value.Line.WriteElevationProfile(writer);
}
