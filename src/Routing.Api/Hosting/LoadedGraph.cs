using Routing.Graph;

namespace Routing.Api.Hosting;

/// <summary>The graph the service answers from, loaded once at start-up and shared read-only by every request.</summary>
internal sealed record LoadedGraph(RoutingGraph Graph, string Path, BoundingBox Bounds, bool BuiltOnStart);
