using Routing.Engine;
using Routing.Graph;

namespace Routing.Api.GraphUpdates;

/// <summary>
/// Before a new graph serves, it must route: a file can pass every checksum and still hold a graph the engine cannot
/// use (written by a broken build, or empty). Tries short walks along sampled ways until one is found.
/// </summary>
internal static class SmokeRoute
{
    private const int SampledWays = 32;

    /// <summary>Null when a route was found; else why the graph is refused.</summary>
    public static string? Check(Router router)
    {
        var graph = router.Graph;
        if (graph.EdgeCount == 0)
        {
            return "the graph holds no ways";
        }
        var profile = router.Profiles.TryGet("foot", out var foot) ? foot : router.Profiles.Presets[0];
        int step = Math.Max(1, graph.EdgeCount / SampledWays);
        for (int edge = 0; edge < graph.EdgeCount; edge += step)
        {
            int from = graph.EdgeFrom[edge], to = graph.EdgeTo[edge];
            if (from != to && router.Route(new RouteRequest([GeoPoint.OfVertex(graph, from), GeoPoint.OfVertex(graph, to)], profile)) is RouteFound)
            {
                return null;
            }
        }
        return $"no route was found for profile {profile.Name} along any of {SampledWays} sampled ways";
    }
}
