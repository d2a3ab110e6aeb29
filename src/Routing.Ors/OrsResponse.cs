using System.Text.Json.Nodes;
using Routing.GeoFormats;

namespace Routing.Ors;

/// <summary>ORS's JSON answer: <c>{"bbox", "routes": [...], "metadata"}</c>.</summary>
internal sealed record OrsDirectionsResponse(double[] Bbox, IReadOnlyList<OrsRoute> Routes, OrsMetadata Metadata);

/// <summary>
/// One route. <see cref="Geometry"/> is the encoded polyline (with heights as a third value when elevation was asked);
/// distances are in the request's units, durations in seconds.
/// </summary>
/// <param name="Violations">Only on a least-violating route: which stretches break which limit.</param>
internal sealed record OrsRoute(
    OrsSummary Summary,
    IReadOnlyList<OrsSegment>? Segments,
    double[] Bbox,
    string? Geometry,
    int[] WayPoints,
    IReadOnlyDictionary<string, OrsExtra>? Extras,
    IReadOnlyList<OrsWarning>? Warnings,
    IReadOnlyList<OrsViolation>? Violations = null);

internal sealed record OrsSummary(double Distance, double Duration, double? Ascent = null, double? Descent = null);

/// <summary>One leg between two consecutive coordinates.</summary>
internal sealed record OrsSegment(double Distance, double Duration, IReadOnlyList<OrsStep> Steps, double? Ascent = null, double? Descent = null);

/// <param name="Type">ORS instruction type: 0 left, 1 right, 2 sharp left, 3 sharp right, 4 slight left, 5 slight right, 6 straight, 10 goal, 11 depart.</param>
/// <param name="WayPoints">First and last geometry index of the step.</param>
internal sealed record OrsStep(double Distance, double Duration, int Type, string Instruction, string Name, int[] WayPoints);

/// <summary><c>values</c>: [from index, to index, value] runs; <c>summary</c>: per value its distance and share in percent.</summary>
internal sealed record OrsExtra(IReadOnlyList<long[]> Values, IReadOnlyList<OrsExtraSummary> Summary);

internal sealed record OrsExtraSummary(long Value, double Distance, double Amount);

/// <param name="Type">Our own machine name of the warning (ORS clients read code and message).</param>
internal sealed record OrsWarning(int Code, string Message, string Type);

/// <param name="WayPoints">First and last geometry index of the stretch that breaks the limits.</param>
internal sealed record OrsViolation(int[] WayPoints, string Constraint, double? Actual, double? Limit, string? Unit, string Evidence);

internal sealed record OrsMetadata(string? Id, string Attribution, string Service, long Timestamp, JsonObject Query, OrsEngine Engine);

internal sealed record OrsEngine(string Version, string BuildDate, string GraphDate);

/// <summary>The <c>/geojson</c> answer: a FeatureCollection with one Feature per route and the metadata beside.</summary>
internal sealed record OrsFeatureCollection(string Type, double[] Bbox, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, OrsFeatureProperties>> Features, OrsMetadata Metadata);

internal sealed record OrsFeatureProperties(
    IReadOnlyList<OrsSegment>? Segments,
    IReadOnlyDictionary<string, OrsExtra>? Extras,
    IReadOnlyList<OrsWarning>? Warnings,
    OrsSummary Summary,
    int[] WayPoints);

