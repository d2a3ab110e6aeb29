using System.IO.Hashing;
using Microsoft.Extensions.Options;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Serving;

namespace Routing.Api.Hosting;

/// <summary>Makes a read graph ready to serve: its file's identity, the router, and every per-graph part.</summary>
internal sealed partial class ServingGraphBuilder(ServingGraphFactory parts, ProfileCatalog profiles, TimeProvider time,
    IOptions<RoutingDataOptions> options, ILogger<ServingGraphBuilder> logger)
{
    public ServingGraph Build(RoutingGraph graph, string path, bool builtOnStart) =>
        Build(NewRouter(graph), path, FileChecksum(path), builtOnStart);

    public ServingGraph Build(Router router, string path, string checksum, bool builtOnStart)
    {
        _ = LogHierarchyAsync(router);
        return parts.Create(router, new LoadedGraph(path, checksum, builtOnStart, time.GetUtcNow(), router.Graph.Bounds));
    }

    /// <summary>The router for a graph, with the presets on a hierarchy unless <c>Routing:PresetsOnHierarchy</c> is false.</summary>
    public Router NewRouter(RoutingGraph graph) => new(graph, profiles, options.Value.PresetsOnHierarchy);

    /// <summary>The hierarchy is built in the background after the graph loads; say what it cost, or that routes stay on ALT.</summary>
    private async Task LogHierarchyAsync(Router router)
    {
        try
        {
            if (await router.HierarchyReadyAsync().ConfigureAwait(false) is { } summary)
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

    /// <summary>
    /// XxHash3 of the whole file, as 16 hex digits: the graph's identity in metrics, health and reload answers, and how a
    /// reload tells a changed file from a touched one. About 10 ms for Heidelberg's file.
    /// </summary>
    public static string FileChecksum(string path)
    {
        var hash = new XxHash3();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
