using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Graph.Facts;

namespace Routing.Routes.Http;

/// <summary>The JSON answer of <c>/v1/routes</c>.</summary>
internal sealed record RoutesResponse(IReadOnlyList<RouteDto> Routes);

/// <summary>
/// A GeoJSON LineString; coordinates are [lon, lat], or [lon, lat, elevation_m] when the graph has a terrain model (and
/// the request did not say <c>elevation=false</c>).
/// </summary>
internal sealed record LineStringDto(Positions Coordinates)
{
    [Description("Always LineString."), JsonPropertyOrder(-1)]
    public string Type { get; init; } = "LineString";
}

/// <param name="Bbox">[min_lon, min_lat, max_lon, max_lat] of the geometry.</param>
/// <param name="CostS">The profile's cost of the route: duration plus penalties, seconds. What the search minimises.</param>
internal sealed record RouteDto(
    [property: Description("Length, metres (0.1 m).")] DecimalNumber DistanceM,
    [property: Description("Travel time at the profile's speed, seconds.")] DecimalNumber DurationS,
    [property: Description("The profile's cost: duration plus penalties, seconds. The route minimises it.")] DecimalNumber CostS,
    [property: Description("Total climb, metres; null when the graph has no terrain model here.")] DecimalNumber? AscentM,
    [property: Description("Total descent, metres; null when the graph has no terrain model here.")] DecimalNumber? DescentM,
    [property: Description("[min_lon, min_lat, max_lon, max_lat].")] double[] Bbox,
    [property: Description("The route's line; each position carries its elevation in metres as a third value when known. Left out with geometry=none.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LineStringDto? Geometry,
    [property: Description("[distance_m, elevation_m] at each geometry position; null when the graph has no terrain model here. Left out with elevation=false or geometry=none.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ElevationPositions? ElevationProfile,
    [property: Description("Consecutive stretches with uniform facts; first_point..last_point index geometry.coordinates. Left out with segments=false.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SegmentList? Segments,
    SummaryDto Summary,
    [property: Description("Turn-by-turn instructions. Left out with instructions=false.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InstructionDto[]? Instructions,
    WarningDto[] Warnings,
    [property: Description("Where each requested point (from, via..., to) was placed on the network.")] WaypointDto[] Waypoints,
    [property: Description("Routes the user may prefer: with summary.detour, the walking route judged by this profile, its segments naming the limits they break (violations). Empty otherwise.")]
    RouteDto[] Alternatives);

/// <summary>What the OpenAPI document says about every fact's evidence (written as a name, not an enum, so that
/// the answer's source-generated fast path needs no converter).</summary>
internal static class FactDescriptions
{
    public const string Evidence = "Where the fact comes from: tagged (an OSM tag on the object), derived (another tag, a default of the way kind, or the terrain model) or unknown (value null).";
}

/// <summary>A fact and where it comes from: tagged in OSM, derived from other tags, or unknown (value null). (Facts are
/// structs, written inside their segment without an object of their own.)</summary>
internal readonly record struct TextFact(string? Value, [property: Description(FactDescriptions.Evidence)] string Evidence);

/// <inheritdoc cref="TextFact"/>
internal readonly record struct IntegerFact(int? Value, [property: Description(FactDescriptions.Evidence)] string Evidence);

/// <inheritdoc cref="TextFact"/>
internal readonly record struct NumberFact(double? Value, [property: Description(FactDescriptions.Evidence)] string Evidence);

/// <summary>An incline and how far it can be trusted: the same value, evidence, confidence and chance as a blocker or warning on it.</summary>
/// <param name="Value">Steepest sustained incline (over 30 m) in the direction of travel, percent; negative is downhill: the tag, or the terrain model's estimate.</param>
/// <param name="Average">Rise over the whole stretch divided by its length, percent: "mostly 3 %, briefly 7 %".</param>
/// <param name="Evidence">tagged (OSM incline), derived (terrain model, or the street's own tag for its sidewalk), unknown.</param>
/// <param name="Confidence">measured (a tag), high (a terrain model that resolves the stretch), low (one that cannot); null when unknown.</param>
/// <param name="ChanceBeyondLimit">The chance (0..1) that the true incline is beyond the request's slope limits in the direction of travel: 0 or 1 for a tag, calibrated against tagged inclines for a terrain estimate; null when the incline or every limit is unknown.</param>
internal readonly record struct InclineFact(DecimalNumber? Value, DecimalNumber? Average, [property: Description(FactDescriptions.Evidence)] string Evidence, string? Confidence,
    DecimalNumber? ChanceBeyondLimit = null);

internal sealed record SegmentDto(
    [property: Description("Position of this segment in segments[], also the index of its GeoJSON feature.")] int Index,
    DecimalNumber DistanceM,
    DecimalNumber DurationS,
    [property: Description("Index of the segment's first point in geometry.coordinates.")] int FirstPoint,
    [property: Description("Index of the segment's last point in geometry.coordinates.")] int LastPoint,
    long OsmWayId,
    [property: Description("Street or way name, null when the way has none.")] string? Name,
    [property: Description("Highway kind in OSM spelling: footway, sidewalk, crossing, pedestrian, residential ...")] string Highway,
    [property: Description("OSM surface value.")] TextFact Surface,
    [property: Description("OSM smoothness value.")] TextFact Smoothness,
    IntegerFact WidthCm,
    [property: Description("Incline in the direction of travel, percent, negative downhill: value is the steepest over 30 m (a terrain model's estimate when derived), average the whole stretch's; evidence tagged or derived; confidence measured, high or low; chance_beyond_limit the chance (0..1) that it breaks the request's limit.")] InclineFact InclinePct,
    [property: Description("up or down when only the direction is tagged, else null.")] string? InclineDirection,
    [property: Description("The profile's verdict: up or down where the stretch is steeper than its comfort limit (half the limit, at least 3 %) that way, else null; never on steps or a slope risk. What warnings and instructions call steep.")] string? Steep,
    [property: Description("The kerb crossed where this segment starts, if any.")] KerbDto? KerbAtStart,
    [property: Description("A barrier passed where this segment starts, if any.")] BarrierDto? BarrierAtStart,
    [property: Description("Crossing kind (unmarked, marked, traffic_signals ...) when the segment crosses a road, else null.")] string? Crossing,
    bool Elevator,
    bool Steps,
    [property: Description("Steps with a ramp this profile can use.")] bool Ramp,
    [property: Description("A sidewalk of a road.")] bool Sidewalk,
    [property: Description("Facts this profile cares about that the map does not know here: surface, smoothness, width, incline, kerb, barrier.")] string[] Unknown,
    [property: Description("The limits this stretch breaks: always empty on a route, filled on a no-route answer's least_violating_route.")] ViolationDto[]? Violations = null);

/// <summary>A limit a stretch of a least-violating route breaks.</summary>
internal sealed record ViolationDto(
    [property: Description("steps, surface, smoothness, width, incline_up, incline_down, kerb, barrier, reported, ...")] string Constraint,
    [property: Description("The request field that would lift it, or null.")] string? RequestField,
    double? Actual,
    double? Limit,
    string? Unit,
    string? Detail,
    [property: Description("tagged, derived or reported.")] string Evidence,
    [property: Description("For slopes: measured, high or low.")] string? Confidence,
    [property: Description("For a slope a terrain model estimates: the chance (0..1) that it is beyond the limit; null for facts.")] double? Chance = null);

internal sealed record KerbDto(string Kind, IntegerFact HeightCm, long? OsmNodeId, LatLonDto Location);

internal sealed record BarrierDto(string Kind, int? WidthCm, long OsmNodeId, LatLonDto Location);

internal sealed record SummaryDto(
    [property: Description("Share (0..1) of the distance resting on at least one unknown fact the profile cares about.")] double UnknownShare,
    [property: Description("Share of the distance per unknown fact.")] IReadOnlyDictionary<string, double> UnknownShareByFact,
    int KerbsCrossed,
    int Crossings,
    int Elevators,
    [property: Description("The profile values applied: the preset with the request's constraints.")] ProfileDto Profile,
    [property: Description("Length of the walking route (the foot preset's) between the same points, metres; null when walking finds none.")] DecimalNumber? WalkingDistanceM,
    [property: Description("Present when this route is more than 1.5 times and more than 300 m longer than the walking route: how much longer, and what keeps this profile off the walking route (offered under alternatives).")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DetourDto? Detour);

/// <summary>A route much longer than the walking route, and why.</summary>
internal sealed record DetourDto(
    [property: Description("This route's length over the walking route's.")] DecimalNumber Ratio,
    [property: Description("What on the walking route breaks this profile's limits, in the shape of a refusal's blockers; empty when only comfort (rough ground, gentle slopes, unknown facts) makes it costlier.")] BlockerDto[] Blockers);

/// <param name="Type">Stable machine name: depart, continue, turn_left, turn_right, slight_left, slight_right, sharp_left, sharp_right, cross, kerb, elevator, ramp, steps, via, arrive.</param>
internal sealed record InstructionDto(
    [property: Description("Stable machine name: depart, continue, turn_left, turn_right, slight_left, slight_right, sharp_left, sharp_right, cross, kerb, elevator, ramp, steps, via, arrive.")] string Type,
    [property: Description("The instruction in the request's language.")] string Text,
    [property: Description("Distance from this instruction to the next, metres.")] DecimalNumber DistanceM,
    LatLonDto Location,
    int SegmentIndex,
    string? Name);

internal sealed record WarningDto(
    [property: Description("Stable machine name: unknown_surface, unknown_width, unknown_incline, unknown_kerb, steep, slope_risk (a terrain estimate with a material chance of breaking the limit), rough_surface, narrow, steps, kerb_near_limit.")] string Type,
    [property: Description("The warning in the request's language.")] string Message,
    int? SegmentIndex,
    LatLonDto? Location);

internal sealed record WaypointDto(LatLonDto Requested, LatLonDto Snapped, [property: Description("From the requested to the snapped point, metres.")] DecimalNumber DistanceM, long OsmWayId);
