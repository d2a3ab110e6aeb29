using Routing.Engine;

namespace Routing.Serving;

/// <summary>What a per-graph part is made from.</summary>
public sealed record GraphPartContext(Router Router, LoadedGraph Source, IServiceProvider Services);

/// <summary>How to make one per-graph part (registered with <see cref="ServingGraphServices.AddGraphPart{T}"/>).</summary>
public sealed record GraphPart(Type Type, Func<GraphPartContext, object> Create);

/// <summary>Builds a <see cref="ServingGraph"/>: the router plus every registered part, all before anyone can use it.</summary>
public sealed class ServingGraphFactory(IEnumerable<GraphPart> parts, IServiceProvider services)
{
    public ServingGraph Create(Router router, LoadedGraph source)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(source);
        var context = new GraphPartContext(router, source, services);
        var built = new Dictionary<Type, object>();
        foreach (var part in parts)
        {
            built[part.Type] = part.Create(context);
        }
        return new ServingGraph(router, source, built);
    }
}
