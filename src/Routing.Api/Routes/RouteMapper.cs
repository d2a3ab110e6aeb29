using System.Text.Json;
using Routing.Api.Profiles;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph.Facts;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Api.Routes;

/// <summary>The engine's <see cref="Route"/> as the API shows it: coordinates to 7 decimals, distances to 0.1 m.</summary>
internal static class RouteMapper
{
    private static readonly UnknownFacts[] UnknownFactFlags = [.. Enum.GetValues<UnknownFacts>().Where(f => f != UnknownFacts.None)];

    /// <summary>The snake_case names of every combination of unknown facts, made once instead of per segment.</summary>
    private static readonly string[][] UnknownNamesByFlags = [.. Enumerable.Range(0, 1 << UnknownFactFlags.Length)
        .Select(bits => UnknownFactFlags.Where(f => (bits & (int)f) != 0).Select(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString())).ToArray())];

    public static RouteDto ToDto(Route route)
    {
        var coordinates = new List<double[]>(route.Geometry.Count + 1);
        var elevation = route.Elevation;
        for (int i = 0; i < route.Geometry.Count; i++)
        {
            var point = route.Geometry[i];
            coordinates.Add(elevation is null ? LonLat(point) : [Degrees(point.Lon), Degrees(point.Lat), Metres(elevation.ElevationsM[i])]);
        }
        var profile = elevation is null ? null : elevation.DistancesM.Select((d, i) => new[] { Metres(d), Metres(elevation.ElevationsM[i]) }).ToList();
        if (coordinates.Count == 1)
        {
            // A route from a point to itself: a GeoJSON LineString needs two positions (RFC 7946 §3.1.4), and the
            // profile keeps one entry per position.
            coordinates.Add(coordinates[0]);
            profile?.Add(profile[0]);
        }
        return new RouteDto(
            Metres(route.DistanceM),
            Seconds(route.DurationS),
            Seconds(route.CostS),
            elevation is null ? null : Metres(elevation.AscentM),
            elevation is null ? null : Metres(elevation.DescentM),
            Bbox(route),
            new LineStringDto(coordinates),
            profile,
            [.. route.Segments.Select(Segment)],
            Summary(route.Summary),
            [.. route.Instructions.Select(i => new InstructionDto(i.Type, i.Text, Metres(i.DistanceM), Location(i.Location), i.SegmentIndex, NullIfEmpty(i.Name)))],
            [.. route.Warnings.Select(w => new WarningDto(w.Type, w.Message, w.SegmentIndex, w.Location is { } at ? Location(at) : null))],
            [.. route.Waypoints.Select(w => new WaypointDto(Location(w.Requested), Location(w.Snapped), Metres(w.DistanceM), w.OsmWayId))]);
    }

    /// <summary>[min_lon, min_lat, max_lon, max_lat].</summary>
    public static double[] Bbox(Route route) =>
        [Degrees(route.Bbox.MinLon), Degrees(route.Bbox.MinLat), Degrees(route.Bbox.MaxLon), Degrees(route.Bbox.MaxLat)];

    public static double[] LonLat(GeoPoint point) => [Degrees(point.Lon), Degrees(point.Lat)];

    public static LatLonDto Location(GeoPoint point) => new(Degrees(point.Lat), Degrees(point.Lon));

    public static double Degrees(double value) => Math.Round(value, 7);

    public static double Metres(double value) => Math.Round(value, 1);

    public static double Seconds(double value) => Math.Round(value, 1);

    public static IReadOnlyList<string> UnknownNames(UnknownFacts unknown) =>
        (int)unknown < UnknownNamesByFlags.Length
            ? UnknownNamesByFlags[(int)unknown]
            : [.. UnknownFactFlags.Where(f => (unknown & f) != 0).Select(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString()))];

    private static SegmentDto Segment(RouteSegment s, int index) => new(
        index,
        Metres(s.DistanceM),
        Seconds(s.DurationS),
        s.FirstPoint,
        s.LastPoint,
        s.OsmWayId,
        NullIfEmpty(s.Name),
        s.Highway,
        new TextFact(s.Surface.Value, s.Surface.Evidence),
        new TextFact(s.Smoothness.Value, s.Smoothness.Evidence),
        new IntegerFact(s.WidthCm.Value, s.WidthCm.Evidence),
        new InclineFact(s.InclinePct.Value is { } incline ? Math.Round(incline, 1) : null,
            s.AverageInclinePct is { } average ? Math.Round(average, 1) : null, s.InclinePct.Evidence, ConfidenceName(s.InclineConfidence)),
        s.InclineDirection,
        s.KerbAtStart is { } kerb
            ? new KerbDto(kerb.Kind, new IntegerFact(kerb.HeightCm.Value, kerb.HeightCm.Evidence), kerb.OsmNodeId, Location(kerb.Location))
            : null,
        s.BarrierAtStart is { } barrier ? new BarrierDto(barrier.Kind, barrier.WidthCm, barrier.OsmNodeId, Location(barrier.Location)) : null,
        s.Crossing,
        s.Elevator,
        s.Steps,
        s.Ramp,
        s.Sidewalk,
        UnknownNames(s.Unknown),
        s.PossiblySteep,
        [.. s.Violations.Select(Violation)]);

    public static ViolationDto Violation(Violation v) => new(
        SnakeCase(v.Constraint.ToString()), v.RequestField, v.Actual, v.Limit, v.Unit, v.Detail,
        SnakeCase(v.Evidence.ToString()), v.InclineConfidence is { } confidence ? ConfidenceName(confidence) : null);

    public static string? ConfidenceName(InclineConfidence confidence) =>
        confidence == InclineConfidence.None ? null : SnakeCase(confidence.ToString());

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static SummaryDto Summary(RouteSummary summary) => new(
        Share(summary.UnknownShare),
        summary.UnknownShareByFact.ToDictionary(pair => pair.Key, pair => Share(pair.Value), StringComparer.Ordinal),
        summary.KerbsCrossed,
        summary.Crossings,
        summary.Elevators,
        ProfileDto.From(summary.Profile));

    private static double Share(double value) => Math.Round(value, 3);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
