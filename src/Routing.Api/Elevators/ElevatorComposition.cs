using Microsoft.Extensions.Options;
using Routing.Api.Barriers;
using Routing.Barriers;
using Routing.Barriers.Http;
using Routing.Elevators.Http;
using Routing.Elevators.Store;

namespace Routing.Api.Elevators;

/// <summary>
/// Composes the elevator room into the host: its store on the barrier store's database (the same provider, file or
/// connection string, so replicas share it as they share reports), and its endpoints under the host's key roles.
/// </summary>
internal static class ElevatorComposition
{
    public static IServiceCollection AddLiveElevators(this IServiceCollection services, IConfiguration configuration) =>
        services.AddElevatorStatus(configuration, OpenStore);

    public static WebApplication MapLiveElevators(this WebApplication app)
    {
        app.MapElevatorEndpoints(anyone: e => e.AllowAnonymousWithValidKey(), planners: e => e.RequireKeyRole(ApiKeyRole.Planner));
        return app;
    }

    private static SqlElevatorStore OpenStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BarrierOptions>>().Value;
        return string.Equals(options.Provider, BarrierStoreProviders.Postgres, StringComparison.OrdinalIgnoreCase)
            ? SqlElevatorStore.OpenPostgresAsync(options.ConnectionString ?? "").GetAwaiter().GetResult()
            : SqlElevatorStore.OpenSqliteAsync(BarrierComposition.SqlitePath(services)).GetAwaiter().GetResult();
    }
}
