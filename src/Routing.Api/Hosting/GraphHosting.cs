using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Routing.Api.GraphUpdates;
using Routing.BaseMap;
using Routing.Engine.Profiles;
using Routing.Serving;

namespace Routing.Api.Hosting;

/// <summary>
/// Registers the serving graph (held by <see cref="GraphHolder"/>, one snapshot per request) and what replaces it,
/// and loads the first graph before the service listens.
/// </summary>
internal static partial class GraphHosting
{
    public static IServiceCollection AddRoutingGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingDataOptions>(configuration.GetSection(RoutingDataOptions.Section));
        services.AddSingleton(sp => DataPaths.Resolve(
            sp.GetRequiredService<IOptions<RoutingDataOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(ProfileCatalog.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.AddServingGraph();
        services.AddSingleton<ServingGraphBuilder>();
        services.AddGraphUpdates();
        return services;
    }

    /// <summary>
    /// Loads (or first builds) the graph and makes it the serving graph before the service listens. On failure logs one
    /// critical line that says what is wrong and what to do, and returns false.
    /// </summary>
    public static bool LoadRoutingGraph(this WebApplication app)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var paths = app.Services.GetRequiredService<DataPaths>();
            var (graph, builtOnStart) = GraphLoader.LoadOrBuild(paths, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Routing.Api.Graph"));
            var serving = app.Services.GetRequiredService<ServingGraphBuilder>().Build(graph, paths.GraphPath, builtOnStart);
            app.Services.GetRequiredService<GraphHolder>().Swap(serving);
            app.Services.GetRequiredService<Operations.GraphMetrics>().Loaded(clock.Elapsed);
            return true;
        }
        catch (GraphStartupException ex)
        {
            LogCannotStart(app.Logger, ex.Message);
            return false;
        }
        catch (BaseMapFileException ex)
        {
            LogCannotStart(app.Logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
