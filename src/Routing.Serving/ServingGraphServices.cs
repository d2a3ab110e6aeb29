using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Routing.Engine;

namespace Routing.Serving;

/// <summary>
/// Registers the holder and makes the serving graph a per-request snapshot: <see cref="ServingGraph"/>,
/// <see cref="Router"/>, <see cref="LoadedGraph"/> and every per-graph part are scoped services, all resolved from the one snapshot the request
/// took first. Endpoints keep asking for <c>Router router</c> as they did when it was a singleton.
/// </summary>
public static class ServingGraphServices
{
    public static IServiceCollection AddServingGraph(this IServiceCollection services)
    {
        services.TryAddSingleton<GraphHolder>();
        services.TryAddSingleton<ServingGraphFactory>();
        services.TryAddScoped(sp => sp.GetRequiredService<GraphHolder>().Current);
        services.TryAddScoped(sp => sp.GetRequiredService<ServingGraph>().Router);
        services.TryAddScoped(sp => sp.GetRequiredService<ServingGraph>().Source);
        return services;
    }

    /// <summary>
    /// A part built once per graph (when it is loaded, before it serves) and resolved per request from the request's
    /// snapshot, so that it always belongs to the same graph as the request's router.
    /// </summary>
    public static IServiceCollection AddGraphPart<T>(this IServiceCollection services, Func<GraphPartContext, T> create) where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        services.AddServingGraph();
        services.AddSingleton(new GraphPart(typeof(T), context => create(context)));
        services.AddScoped(sp => sp.GetRequiredService<ServingGraph>().Part<T>());
        return services;
    }
}
