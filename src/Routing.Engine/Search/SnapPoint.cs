namespace Routing.Engine.Search;

/// <summary>
/// A position on an edge: where a route starts or ends. <see cref="OffsetM"/> is measured along the edge's shape from
/// its first vertex (<c>EdgeFrom</c>), so 0 is at the first vertex and the edge length at the last.
/// </summary>
/// <param name="Point">The projected position on the edge.</param>
/// <param name="DistanceM">How far the requested point was from <paramref name="Point"/>.</param>
public readonly record struct SnapPoint(int Edge, double OffsetM, GeoPoint Point, double DistanceM);
