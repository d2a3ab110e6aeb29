using Routing.Engine.Profiles;
using Routing.Engine.Routes;

namespace Routing.Engine;

/// <summary>The answer to a <see cref="RouteRequest"/>: a route, or the precise reason there is none.</summary>
public abstract record RouteOutcome;

public sealed record RouteFound(Route Route) : RouteOutcome;

/// <summary>A requested point lies outside the area the graph covers.</summary>
public sealed record PointOutsideArea(int WaypointIndex, GeoPoint Point) : RouteOutcome;

/// <summary>No way the profile may use lies within the radius of a requested point.</summary>
/// <param name="NearestUsableM">Distance to the nearest way this profile may use, when one exists within a larger search.</param>
public sealed record PointNotOnNetwork(int WaypointIndex, GeoPoint Point, double RadiusM, double? NearestUsableM) : RouteOutcome;

/// <summary>
/// Every path between two consecutive waypoints breaks a limit of the profile. <see cref="Blockers"/> names what the
/// least-bad path breaks, where and by how much.
/// </summary>
/// <param name="LeastViolatingRoute">
/// The whole route with the fewest broken limits (the failing leg from the relaxed search, every other leg strict where
/// it can be; within the climb budget where such a route exists, else the one the request gets once every limit named
/// is lifted), each segment naming the limits it breaks; null when the points are not connected at all.
/// </param>
public sealed record NoRoute(int LegIndex, IReadOnlyList<Blocker> Blockers, Route? LeastViolatingRoute = null) : RouteOutcome
{
    /// <summary>Where to move the failed leg's waypoints that lie off the profile's main network so that it routes.</summary>
    public IReadOnlyList<Snapping.MoveSuggestion> Suggestions { get; init; } = [];
}

/// <summary>One broken limit on the least-bad path: a way (with <see cref="OsmWayId"/>) or a node (with <see cref="OsmNodeId"/>).</summary>
public sealed record Blocker(Violation Violation, string Message, GeoPoint Location, long? OsmWayId, long? OsmNodeId);
