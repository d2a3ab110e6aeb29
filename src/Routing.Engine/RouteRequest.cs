using Routing.Engine.Barriers;
using Routing.Engine.Profiles;

namespace Routing.Engine;

/// <summary>What a caller asks the <see cref="Router"/> for.</summary>
/// <param name="Waypoints">From, any via points, to: at least two.</param>
/// <param name="Language">"en" or "de", for instructions and warnings.</param>
public sealed record RouteRequest(IReadOnlyList<GeoPoint> Waypoints, ProfileSettings Profile, double SnapRadiusM = RouteRequest.DefaultSnapRadiusM, string Language = "en")
{
    public const double DefaultSnapRadiusM = 50;

    /// <summary>
    /// Polygons (outer rings) this request's route must not enter: their ways are blocked for this request only, pinned
    /// as a <c>blocked_path</c> report would be, so the route stays exact. Empty for most requests.
    /// </summary>
    public IReadOnlyList<BarrierGeometry> AvoidAreas { get; init; } = [];

    /// <summary>
    /// Whether to write turn-by-turn instructions (<see cref="Routes.Route.Instructions"/> is empty without): a client
    /// that asks for none saves their work. Everything else is always assembled (the summary's ascent needs the
    /// elevation profile, warnings need the segments).
    /// </summary>
    public bool Instructions { get; init; } = true;
}
