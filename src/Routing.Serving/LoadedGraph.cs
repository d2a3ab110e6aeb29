using Routing.Graph;

namespace Routing.Serving;

/// <summary>
/// The graph file a serving graph was loaded from, and the area it covers. Each request resolves the one of its own
/// snapshot (<see cref="ServingGraph.Source"/>).
/// </summary>
/// <param name="Path">The graph file, absolute.</param>
/// <param name="FileChecksum">XxHash3 of the whole file, 16 hex digits: two files with the same checksum hold the same graph.</param>
/// <param name="BuiltOnStart">The file was built from the OSM extract by this process before it was loaded.</param>
/// <param name="LoadedAtUtc">When this process finished reading it.</param>
/// <param name="Bounds">The area the graph covers.</param>
public sealed record LoadedGraph(string Path, string FileChecksum, bool BuiltOnStart, DateTimeOffset LoadedAtUtc, BoundingBox Bounds)
{
    /// <summary>The covered area as problems report it: [min_lon, min_lat, max_lon, max_lat], 7 decimals.</summary>
    public double[] AreaBbox() =>
        [Math.Round(Bounds.MinLon, 7), Math.Round(Bounds.MinLat, 7), Math.Round(Bounds.MaxLon, 7), Math.Round(Bounds.MaxLat, 7)];
}
