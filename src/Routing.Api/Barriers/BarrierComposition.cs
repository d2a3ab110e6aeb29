using Microsoft.Extensions.Options;
using Routing.Api.Hosting;
using Routing.Barriers.Http;

namespace Routing.Api.Barriers;

/// <summary>
/// Composes the barrier room into the host, which knows where data lives: the SQLite file is <c>Barriers:Database</c>
/// resolved like the graph path, or <c>barriers.db</c> beside the graph file when empty.
/// </summary>
internal static class BarrierComposition
{
    public static IServiceCollection AddBarrierReports(this IServiceCollection services, IConfiguration configuration) =>
        BarrierHosting.AddBarrierReports(services, configuration, SqlitePath);

    /// <summary>The SQLite file of the barrier store, which the elevator room's tables share.</summary>
    public static string SqlitePath(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BarrierOptions>>().Value;
        var paths = services.GetRequiredService<DataPaths>();
        string contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            return Path.Combine(Path.GetDirectoryName(paths.GraphPath) ?? contentRoot, "barriers.db");
        }
        string? repositoryRoot = DataPaths.FindRepositoryRoot(contentRoot) ?? DataPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        return DataPaths.ResolvePath(options.Database, "Database", contentRoot, repositoryRoot);
    }
}
