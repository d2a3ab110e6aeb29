using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>A fact as the route reports it: its value and where the value comes from.</summary>
public readonly record struct Fact<T>(T Value, Evidence Evidence);

/// <summary>A found route, language already applied to instructions and warnings.</summary>
public sealed record Route
{
    public required double DistanceM { get; init; }
    public required double DurationS { get; init; }
    /// <summary>The profile's cost of the route (duration plus penalties), in seconds.</summary>
    public required double CostS { get; init; }
    public required BoundingBox Bbox { get; init; }
    public required IReadOnlyList<GeoPoint> Geometry { get; init; }
    /// <summary>Heights along the route; null when the graph has no terrain model there.</summary>
    public required ElevationProfile? Elevation { get; init; }
    public required IReadOnlyList<RouteSegment> Segments { get; init; }
    public required RouteSummary Summary { get; init; }
    public required IReadOnlyList<Instruction> Instructions { get; init; }
    public required IReadOnlyList<RouteWarning> Warnings { get; init; }
    /// <summary>Where each requested point (from, via..., to) was placed on the network.</summary>
    public required IReadOnlyList<SnappedWaypoint> Waypoints { get; init; }
    /// <summary>
    /// Other routes the user may prefer: with a <see cref="RouteSummary.Detour"/>, the walking route judged by this
    /// profile, its segments naming the limits they break. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Route> Alternatives { get; init; } = [];
}

/// <summary>
/// The route is much longer than the walking route between the same points (see <see cref="Detours.DetourCheck"/>):
/// by <see cref="Ratio"/>, because of <see cref="Blockers"/>, what keeps this profile off the walking route (empty when
/// only cost does: rough ground, slopes in the comfort zone, unknown facts).
/// </summary>
public sealed record Detour(double Ratio, IReadOnlyList<Blocker> Blockers);

public sealed record SnappedWaypoint(GeoPoint Requested, GeoPoint Snapped, double DistanceM, long OsmWayId);

/// <summary>
/// A stretch of the route with uniform facts: consecutive edges of one OSM way with the same facts and no vertex with
/// facts of its own in between. <see cref="FirstPoint"/>..<see cref="LastPoint"/> index <see cref="Route.Geometry"/>.
/// </summary>
public sealed record RouteSegment
{
    public required double DistanceM { get; init; }
    public required double DurationS { get; init; }
    /// <summary>
    /// The profile's cost of the stretch in seconds (its duration plus what the profile charges for rough ground, slopes
    /// in the comfort zone, unknown facts): the ratio to <see cref="DurationS"/> says how well the stretch suits the
    /// profile, by the profile's own rules. Overlaid barrier reports are not included.
    /// </summary>
    public double CostS { get; init; }
    public required int FirstPoint { get; init; }
    public required int LastPoint { get; init; }
    public required long OsmWayId { get; init; }
    public required string Name { get; init; }
    /// <summary>Highway kind in OSM spelling (<c>footway</c>, <c>sidewalk</c>, <c>crossing</c>, <c>residential</c> ...).</summary>
    public required string Highway { get; init; }
    /// <summary>OSM surface value or null when unknown.</summary>
    public required Fact<string?> Surface { get; init; }
    public required Fact<string?> Smoothness { get; init; }
    public required Fact<int?> WidthCm { get; init; }
    /// <summary>Steepest sustained incline (over 30 m) in the direction of travel, percent (negative is downhill); null when unknown.</summary>
    public required Fact<double?> InclinePct { get; init; }
    /// <summary>Rise over the whole stretch divided by its length, percent, in the direction of travel; null when unknown.</summary>
    public double? AverageInclinePct { get; init; }
    /// <summary>How far the incline can be trusted: measured (tagged), or high or low for a terrain model's reading.</summary>
    public InclineConfidence InclineConfidence { get; init; }
    /// <summary>
    /// The chance (0..1) that the stretch's slope is beyond the request's limits in the direction of travel
    /// (<see cref="SlopeFact"/>): 0 or 1 for a tag, between for a terrain estimate; null when the slope or every limit is unknown.
    /// </summary>
    public double? ChanceBeyondLimit { get; init; }
    /// <summary>The limits this stretch (or the vertex it starts at) breaks: empty on a route, filled on a least-violating route.</summary>
    public IReadOnlyList<Violation> Violations { get; init; } = [];
    /// <summary>"up" or "down" when only the direction is known, else null.</summary>
    public string? InclineDirection { get; init; }
    /// <summary>
    /// The profile's verdict on the slope: "up" or "down" where the stretch is steeper than the comfort limit (half the
    /// limit, at least 3 %) that way, else null; never on steps or a slope risk, which are told apart. What the warnings
    /// and instructions call steep, and what a map draws as steep.
    /// </summary>
    public string? Steep { get; init; }
    /// <summary>The kerb crossed where this segment starts (on the vertex or at the start of a crossing way), if any.</summary>
    public KerbCrossing? KerbAtStart { get; init; }
    /// <summary>A barrier passed where this segment starts (gate, bollard, ...), if any.</summary>
    public BarrierPassage? BarrierAtStart { get; init; }
    public required string? Crossing { get; init; }
    public required bool Elevator { get; init; }
    public required bool Steps { get; init; }
    /// <summary>Steps with a usable ramp for this profile.</summary>
    public required bool Ramp { get; init; }
    public required bool Sidewalk { get; init; }
    /// <summary>Facts this profile cares about that the map does not know, on this segment.</summary>
    public required UnknownFacts Unknown { get; init; }
}

public sealed record KerbCrossing(string Kind, Fact<int?> HeightCm, long? OsmNodeId, GeoPoint Location);

public sealed record BarrierPassage(string Kind, int? WidthCm, long OsmNodeId, GeoPoint Location);

public sealed record RouteSummary
{
    /// <summary>Share (0..1) of the distance that rests on at least one unknown fact the profile cares about.</summary>
    public required double UnknownShare { get; init; }
    /// <summary>Share of the distance per unknown fact (surface, smoothness, width, incline, kerb, barrier).</summary>
    public required IReadOnlyDictionary<string, double> UnknownShareByFact { get; init; }
    public required int KerbsCrossed { get; init; }
    public required int Crossings { get; init; }
    public required int Elevators { get; init; }
    /// <summary>The profile values that were applied: the preset with the request's constraints.</summary>
    public required ProfileSettings Profile { get; init; }
    /// <summary>Length of the <c>foot</c> preset's route between the same points, metres; null when walking finds none.</summary>
    public double? WalkingDistanceM { get; init; }
    /// <summary>Set when this route is a detour against <see cref="WalkingDistanceM"/>, with the reasons.</summary>
    public Detour? Detour { get; init; }
}

/// <summary>One turn-by-turn step, written in the request's language.</summary>
/// <param name="Type">Stable machine name: depart, continue, turn_left, turn_right, slight_left, slight_right, sharp_left, sharp_right, cross (with the kerb there, if any), kerb, elevator, ramp, steps, steep, via, arrive.</param>
/// <param name="DistanceM">Distance from this instruction to the next.</param>
public sealed record Instruction(string Type, string Text, double DistanceM, GeoPoint Location, int SegmentIndex, string? Name);

/// <param name="Type">Stable machine name: unknown_surface, unknown_width, unknown_incline, unknown_kerb, steep, slope_risk (a terrain estimate with a material chance of being beyond the limit: where, how long, how likely), rough_surface, narrow, steps, kerb_near_limit, reported_barrier (a verified report on the route), unverified_barrier (a report awaiting verification near the route).</param>
public sealed record RouteWarning(string Type, string Message, int? SegmentIndex, GeoPoint? Location);
