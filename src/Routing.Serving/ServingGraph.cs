using Routing.Engine;

namespace Routing.Serving;

/// <summary>
/// One graph as the service answers from it: the router (graph, snap index, landmarks, barrier overlay) and every
/// part a feature builds per graph (tile index, place index, ...). Immutable apart from the router's overlay, so a
/// request that took this snapshot finishes on it even when a newer graph is swapped in meanwhile.
/// </summary>
public sealed class ServingGraph
{
    private readonly Dictionary<Type, object> _parts;

    internal ServingGraph(Router router, LoadedGraph source, Dictionary<Type, object> parts)
    {
        Router = router;
        Source = source;
        _parts = parts;
    }

    public Router Router { get; }

    public LoadedGraph Source { get; }

    /// <summary>The part of type <typeparamref name="T"/> built for this graph (registered with <see cref="ServingGraphServices.AddGraphPart{T}"/>).</summary>
    public T Part<T>() where T : class =>
        _parts.TryGetValue(typeof(T), out object? part)
            ? (T)part
            : throw new InvalidOperationException($"No per-graph part {typeof(T).Name} is registered; register it with AddGraphPart.");
}
