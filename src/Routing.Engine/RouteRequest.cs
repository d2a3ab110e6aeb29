using Routing.Engine.Profiles;

namespace Routing.Engine;

/// <summary>What a caller asks the <see cref="Router"/> for.</summary>
/// <param name="Waypoints">From, any via points, to: at least two.</param>
/// <param name="Language">"en" or "de", for instructions and warnings.</param>
public sealed record RouteRequest(IReadOnlyList<GeoPoint> Waypoints, ProfileSettings Profile, double SnapRadiusM = RouteRequest.DefaultSnapRadiusM, string Language = "en")
{
    public const double DefaultSnapRadiusM = 50;
}
