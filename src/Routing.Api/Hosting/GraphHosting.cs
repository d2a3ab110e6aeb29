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
            var router = app.Services.GetRequiredService<Router>();
            _ = LogHierarchyAsync(router, app.Logger);
            return true;
        }
        catch (GraphStartupException ex)
        {
            LogCannotStart(app.Logger, ex.Message);
            return false;
        }
    }

    /// <summary>The hierarchy is built in the background after start-up; say what it cost, or that routes stay on ALT.</summary>
    private static async Task LogHierarchyAsync(Router router, ILogger logger)
    {
        try
        {
            if (await router.HierarchyReadyAsync() is { } summary)
            {
                LogHierarchyReady(logger, summary.ShortcutCount, summary.BuildTime.TotalSeconds, summary.PresetCustomizationTime.TotalSeconds);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogHierarchyFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presets now search on the contraction hierarchy: {Shortcuts} shortcuts, ordered and contracted in {BuildSeconds:F2} s, presets customized in {CustomizeSeconds:F2} s")]
    private static partial void LogHierarchyReady(ILogger logger, int shortcuts, double buildSeconds, double customizeSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The contraction hierarchy could not be built; every profile searches with ALT (exact, slower)")]
    private static partial void LogHierarchyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
