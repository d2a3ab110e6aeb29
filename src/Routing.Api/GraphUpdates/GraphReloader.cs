using System.Diagnostics;
using Routing.Barriers.Http;
using Routing.Api.Hosting;
using Routing.Api.Operations;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph.Format;
using Routing.Serving;

namespace Routing.Api.GraphUpdates;

/// <summary>
/// Replaces the serving graph with the graph file as it is now, without a restart: reads and checks the file beside
/// the graph that serves, routes on it once, gives it the current barrier overlay and swaps it in. Requests in flight
/// finish on the graph they started with. A file that fails any step is refused and the old graph keeps serving.
/// One reload at a time.
/// </summary>
internal sealed partial class GraphReloader(
    DataPaths paths, GraphHolder holder, ServingGraphBuilder builder, BarrierOverlayRefresher overlays,
    GraphMetrics metrics, ILogger<GraphReloader> logger) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public void Dispose() => _one.Dispose();

    public async Task<GraphReload> ReloadAsync(string trigger, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            // From here on the reload runs to its end: a client that gives up must not leave half a swap behind.
            return await ReloadNowAsync(trigger);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<GraphReload> ReloadNowAsync(string trigger)
    {
        var current = holder.Current.Source;
        var clock = Stopwatch.StartNew();
        ServingGraph candidate;
        try
        {
            string checksum = ServingGraphBuilder.FileChecksum(paths.GraphPath);
            if (string.Equals(checksum, current.FileChecksum, StringComparison.Ordinal))
            {
                metrics.Reloaded(trigger, "unchanged", null, null);
                return GraphReload.Unchanged(trigger, current);
            }
            var graph = GraphFileReader.Read(paths.GraphPath);
            if (!string.Equals(ServingGraphBuilder.FileChecksum(paths.GraphPath), checksum, StringComparison.Ordinal))
            {
                return Refuse(trigger, current, "the file changed while it was read; the next change to it is read again");
            }
            var router = builder.NewRouter(graph);
            if (SmokeRoute.Check(router) is { } failure)
            {
                return Refuse(trigger, current, failure);
            }
            candidate = builder.Build(router, paths.GraphPath, checksum, builtOnStart: false);
        }
        catch (GraphFileException ex)
        {
            return Refuse(trigger, current, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(trigger, current, $"the file cannot be read: {ex.Message}");
        }
        catch (Exception ex)
        {
            // A file that passes the reader's checks but breaks the engine: whatever it is, the old graph keeps serving.
            LogCandidateFailed(logger, ex, paths.GraphPath);
            return Refuse(trigger, current, $"the graph cannot be served ({ex.GetType().Name})");
        }

        var load = clock.Elapsed;
        clock.Restart();
        await overlays.SwapInAsync(candidate, CancellationToken.None);
        var swap = clock.Elapsed;
        metrics.Reloaded(trigger, "swapped", load, swap);
        LogSwapped(logger, paths.GraphPath, candidate.Source.FileChecksum, candidate.Router.Graph.VertexCount, current.FileChecksum, trigger,
            load.TotalMilliseconds, swap.TotalMilliseconds);
        return new GraphReload("swapped", trigger, candidate.Source, current, load.TotalMilliseconds, swap.TotalMilliseconds, null);
    }

    private GraphReload Refuse(string trigger, LoadedGraph current, string reason)
    {
        metrics.Reloaded(trigger, "refused", null, null);
        LogRefused(logger, paths.GraphPath, reason, current.FileChecksum);
        return new GraphReload("refused", trigger, current, null, null, null, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph {GraphPath} swapped in ({Checksum}, {Vertices} vertices) in place of {Previous} on {Trigger}: loaded and checked in {LoadMs:F0} ms, overlay and swap {SwapMs:F1} ms")]
    private static partial void LogSwapped(ILogger logger, string graphPath, string checksum, int vertices, string previous, string trigger, double loadMs, double swapMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Graph {GraphPath} refused: {Reason}. The graph {Serving} keeps serving")]
    private static partial void LogRefused(ILogger logger, string graphPath, string reason, string serving);

    [LoggerMessage(Level = LogLevel.Error, Message = "Graph {GraphPath} passed the reader but failed while being prepared")]
    private static partial void LogCandidateFailed(ILogger logger, Exception exception, string graphPath);
}

/// <summary>How a reload ended: <c>swapped</c>, <c>unchanged</c> (the file holds the serving graph) or <c>refused</c>.</summary>
/// <param name="Serving">The graph serving after the reload.</param>
/// <param name="Previous">For <c>swapped</c>: the graph it replaced.</param>
/// <param name="Reason">For <c>refused</c>: what is wrong with the file.</param>
internal sealed record GraphReload(string Result, string Trigger, LoadedGraph Serving, LoadedGraph? Previous, double? LoadMs, double? SwapMs, string? Reason)
{
    public static GraphReload Unchanged(string trigger, LoadedGraph serving) => new("unchanged", trigger, serving, null, null, null, null);
}
