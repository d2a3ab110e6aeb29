using Routing.Graph;

namespace Routing.Api.Hosting;

/// <summary>The graph the service answers from, loaded once at start-up and shared read-only by every request.</summary>
internal sealed record LoadedGraph(RoutingGraph Graph, string Path, BoundingBox Bounds, bool BuiltOnStart)
{
    /// <summary>The covered area as problems report it: [min_lon, min_lat, max_lon, max_lat], 7 decimals.</summary>
    public double[] AreaBbox() =>
        [Math.Round(Bounds.MinLon, 7), Math.Round(Bounds.MinLat, 7), Math.Round(Bounds.MaxLon, 7), Math.Round(Bounds.MaxLat, 7)];
}
