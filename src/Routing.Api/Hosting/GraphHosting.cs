using Microsoft.Extensions.Options;
using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Api.Hosting;

/// <summary>Registers the graph and the router as singletons, and loads the graph once at start-up.</summary>
internal static partial class GraphHosting
{
    public static IServiceCollection AddRoutingGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingDataOptions>(configuration.GetSection(RoutingDataOptions.Section));
        services.AddSingleton(sp => DataPaths.Resolve(
            sp.GetRequiredService<IOptions<RoutingDataOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => GraphLoader.LoadOrBuild(
            sp.GetRequiredService<DataPaths>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Routing.Api.Graph")));
        services.AddSingleton(ProfileCatalog.Default);
        services.AddSingleton(sp => new Router(sp.GetRequiredService<LoadedGraph>().Graph, sp.GetRequiredService<ProfileCatalog>()));
        return services;
    }

    /// <summary>
    /// Loads (or first builds) the graph and creates the router before the service listens. On failure logs one
    /// critical line that says what is wrong and what to do, and returns false.
    /// </summary>
    public static bool LoadRoutingGraph(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<Router>();
            return true;
        }
        catch (GraphStartupException ex)
        {
            LogCannotStart(app.Logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
