using Microsoft.Extensions.Configuration;
using Routing.Warmup;

namespace Routing.Routes.Http;

/// <summary>What the route door needs besides its endpoints: its metrics, and the warm-up of its pipeline.</summary>
internal static class RouteHosting
{
    /// <param name="readyTag">The readiness checks' tag: the service is not ready until routes for every preset have run
    /// through the whole pipeline (settings <c>Warmup:*</c>).</param>
    public static IServiceCollection AddRoutes(this IServiceCollection services, IConfiguration configuration, string readyTag)
    {
        services.AddSingleton<RouteMetrics>();
        services.AddWarmup<RouteWarmupRequests>(configuration, readyTag);
        return services;
    }
}
