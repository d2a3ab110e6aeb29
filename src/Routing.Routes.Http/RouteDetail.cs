namespace Routing.Routes.Http;

/// <summary>How much of the route's line an answer carries (<c>geometry</c>).</summary>
internal enum GeometryDetail
{
    /// <summary>Every point of the route (the default).</summary>
    Full,

    /// <summary>Only the points that keep the line within <see cref="RouteLine.SimplifyToleranceM"/> of the route; every segment keeps its ends.</summary>
    Simplified,

    /// <summary>No line: no <c>geometry</c> and no <c>elevation_profile</c> (one entry per position).</summary>
    None,
}

/// <summary>
/// What the client asked the answer to hold, in the spirit of OSRM's <c>overview</c> and <c>steps</c>: the full answer
/// by default, less on request. What is not asked for is left out of the answer, never written as null (null keeps its
/// meaning: <c>elevation_profile</c> is null on a graph without terrain).
/// </summary>
/// <param name="Instructions">Turn-by-turn instructions (<c>instructions</c>; GPX waypoints).</param>
/// <param name="Elevation">Heights: the third value of each position and <c>elevation_profile</c> (GPX <c>ele</c>).</param>
/// <param name="Segments">The segments with their facts (<c>segments</c>).</param>
internal sealed record RouteDetail(GeometryDetail Geometry, bool Instructions, bool Elevation, bool Segments)
{
    public static RouteDetail Full { get; } = new(GeometryDetail.Full, Instructions: true, Elevation: true, Segments: true);
}
