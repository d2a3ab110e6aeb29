using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph.Facts;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Routes.Http;

/// <summary>The engine's <see cref="Route"/> as the API shows it: coordinates to 7 decimals, distances to 0.1 m.</summary>
internal static class RouteMapper
{
    private static readonly UnknownFacts[] UnknownFactFlags = [.. Enum.GetValues<UnknownFacts>().Where(f => f != UnknownFacts.None)];

    /// <summary>The snake_case names of every combination of unknown facts, made once instead of per segment.</summary>
    private static readonly string[][] UnknownNamesByFlags = [.. Enumerable.Range(0, 1 << UnknownFactFlags.Length)
        .Select(bits => UnknownFactFlags.Where(f => (bits & (int)f) != 0).Select(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString())).ToArray())];

    /// <summary>The route with what the client asked for (the full answer by default); every list is sized once and filled in place.</summary>
    /// <param name="line">The line the answer writes, when the caller made it already.</param>
    public static RouteDto ToDto(Route route, RouteDetail? detail = null, RouteLine? line = null)
    {
        detail ??= RouteDetail.Full;
        line ??= RouteLine.Of(route, detail);
        bool hasLine = detail.Geometry != GeometryDetail.None;
        var elevation = route.Elevation;
        return new RouteDto(
            DecimalNumber.Metres(route.DistanceM),
            DecimalNumber.Seconds(route.DurationS),
            DecimalNumber.Seconds(route.CostS),
            elevation is null ? null : DecimalNumber.Metres(elevation.AscentM),
            elevation is null ? null : DecimalNumber.Metres(elevation.DescentM),
            Bbox(route),
            hasLine ? new LineStringDto(Positions.All(line)) : null,
            hasLine && detail.Elevation ? new ElevationPositions(line) : null,
            detail.Segments ? new SegmentList(Segments(route.Segments, line)) : null,
            Summary(route.Summary),
            detail.Instructions ? Instructions(route.Instructions) : null,
            Warnings(route.Warnings),
            Waypoints(route.Waypoints),
            Alternatives(route.Alternatives, detail));
    }

    private static RouteDto[] Alternatives(IReadOnlyList<Route> alternatives, RouteDetail detail)
    {
        var dtos = new RouteDto[alternatives.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            dtos[i] = ToDto(alternatives[i], detail);
        }
        return dtos;
    }

    /// <summary>The route's segments as every answer writes them: a route's, and a walk leg's of a trip (Routing.Transit.Http).</summary>
    /// <param name="line">The line the segments' first and last points index.</param>
    public static SegmentList SegmentsOf(Route route, RouteLine line) => new(Segments(route.Segments, line));

    private static SegmentDto[] Segments(IReadOnlyList<RouteSegment> segments, RouteLine line)
    {
        var dtos = new SegmentDto[segments.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            dtos[i] = Segment(segments[i], i, line);
        }
        return dtos;
    }

    public static InstructionDto[] Instructions(IReadOnlyList<Instruction> instructions)
    {
        var dtos = new InstructionDto[instructions.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            var instruction = instructions[i];
            dtos[i] = new InstructionDto(instruction.Type, instruction.Text, DecimalNumber.Metres(instruction.DistanceM), Location(instruction.Location),
                instruction.SegmentIndex, NullIfEmpty(instruction.Name));
        }
        return dtos;
    }

    public static WarningDto[] Warnings(IReadOnlyList<RouteWarning> warnings)
    {
        var dtos = new WarningDto[warnings.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            var warning = warnings[i];
            dtos[i] = new WarningDto(warning.Type, warning.Message, warning.SegmentIndex, warning.Location is { } at ? Location(at) : null);
        }
        return dtos;
    }

    private static WaypointDto[] Waypoints(IReadOnlyList<SnappedWaypoint> waypoints)
    {
        var dtos = new WaypointDto[waypoints.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            var waypoint = waypoints[i];
            dtos[i] = new WaypointDto(Location(waypoint.Requested), Location(waypoint.Snapped), DecimalNumber.Metres(waypoint.DistanceM), waypoint.OsmWayId);
        }
        return dtos;
    }

    /// <summary>[min_lon, min_lat, max_lon, max_lat].</summary>
    public static double[] Bbox(Route route) =>
        [Degrees(route.Bbox.MinLon), Degrees(route.Bbox.MinLat), Degrees(route.Bbox.MaxLon), Degrees(route.Bbox.MaxLat)];

    public static LatLonDto Location(GeoPoint point) => new(point.Lat, point.Lon);

    public static double Degrees(double value) => Math.Round(value, DecimalNumber.DegreeDecimals);

    public static double Metres(double value) => Math.Round(value, DecimalNumber.MetreDecimals);

    public static double Seconds(double value) => Math.Round(value, DecimalNumber.SecondDecimals);

    public static string[] UnknownNames(UnknownFacts unknown) =>
        (int)unknown < UnknownNamesByFlags.Length
            ? UnknownNamesByFlags[(int)unknown]
            : [.. UnknownFactFlags.Where(f => (unknown & f) != 0).Select(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString()))];

    private static SegmentDto Segment(RouteSegment s, int index, RouteLine line) => new(
        index,
        DecimalNumber.Metres(s.DistanceM),
        DecimalNumber.Seconds(s.DurationS),
        line.PositionOf(s.FirstPoint),
        line.PositionOf(s.LastPoint),
        s.OsmWayId,
        NullIfEmpty(s.Name),
        s.Highway,
        new TextFact(s.Surface.Value, FactNames.Of(s.Surface.Evidence)),
        new TextFact(s.Smoothness.Value, FactNames.Of(s.Smoothness.Evidence)),
        new IntegerFact(s.WidthCm.Value, FactNames.Of(s.WidthCm.Evidence)),
        new InclineFact(s.InclinePct.Value is { } incline ? DecimalNumber.Percent(incline) : null,
            s.AverageInclinePct is { } average ? DecimalNumber.Percent(average) : null, FactNames.Of(s.InclinePct.Evidence), ConfidenceName(s.InclineConfidence),
            s.ChanceBeyondLimit is { } chance ? DecimalNumber.Chance(chance) : null),
        s.InclineDirection,
        s.Steep,
        s.KerbAtStart is { } kerb
            ? new KerbDto(kerb.Kind, new IntegerFact(kerb.HeightCm.Value, FactNames.Of(kerb.HeightCm.Evidence)), kerb.OsmNodeId, Location(kerb.Location))
            : null,
        s.BarrierAtStart is { } barrier ? new BarrierDto(barrier.Kind, barrier.WidthCm, barrier.OsmNodeId, Location(barrier.Location)) : null,
        s.Crossing,
        s.Elevator,
        s.Steps,
        s.Ramp,
        s.Sidewalk,
        UnknownNames(s.Unknown),
        Violations(s.Violations));

    private static ViolationDto[] Violations(IReadOnlyList<Violation> violations)
    {
        if (violations.Count == 0)
        {
            return [];
        }
        var dtos = new ViolationDto[violations.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            dtos[i] = Violation(violations[i]);
        }
        return dtos;
    }

    public static ViolationDto Violation(Violation v) => new(
        FactNames.Of(v.Constraint), v.RequestField, v.Actual, v.Limit, v.Unit, v.Detail,
        FactNames.Of(v.Evidence), v.InclineConfidence is { } confidence ? ConfidenceName(confidence) : null, Chance(v));

    /// <summary>A violation's chance as answers show it: two places.</summary>
    public static double? Chance(in Violation v) => v.Chance is { } chance ? Math.Round(chance, 2) : null;

    public static string? ConfidenceName(InclineConfidence confidence) =>
        confidence == InclineConfidence.None ? null : FactNames.Of(confidence);

    private static SummaryDto Summary(RouteSummary summary) => new(
        Share(summary.UnknownShare),
        summary.UnknownShareByFact.ToDictionary(pair => pair.Key, pair => Share(pair.Value), StringComparer.Ordinal),
        summary.KerbsCrossed,
        summary.Crossings,
        summary.Elevators,
        ProfileDto.From(summary.Profile),
        summary.WalkingDistanceM is { } walkingM ? DecimalNumber.Metres(walkingM) : null,
        summary.Detour is { } detour ? new DetourDto(DecimalNumber.Ratio(detour.Ratio), [.. detour.Blockers.Select(b => RouteProblems.ToDto(b, summary.Profile))]) : null);

    private static double Share(double value) => Math.Round(value, 3);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
