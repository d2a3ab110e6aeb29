using Microsoft.Extensions.Options;
using Routing.Api.Hosting;

namespace Routing.Api.GraphUpdates;

/// <summary>
/// Reloads the graph when its file changes: any write, creation or rename onto the file's name starts a quiet period
/// of <see cref="GraphUpdateOptions.DebounceMs"/>; when it passes without a further change, the file is reloaded.
/// The safe way to publish a graph is to write it beside the old one and rename it over it (one event, never half a file).
/// </summary>
internal sealed partial class GraphFileWatcher(
    DataPaths paths, GraphReloader reloader, IOptions<GraphUpdateOptions> options, ILogger<GraphFileWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchFile)
        {
            return;
        }
        using var watcher = Watch();
        if (watcher is null)
        {
            return;
        }
        var quiet = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.DebounceMs));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                // Wait until the file has been left alone for the quiet period; every further event restarts it.
                while (await _changed.WaitAsync(quiet, stoppingToken))
                {
                }
                await reloader.ReloadAsync("file", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private FileSystemWatcher? Watch()
    {
        string? directory = Path.GetDirectoryName(paths.GraphPath);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            LogNotWatched(logger, paths.GraphPath, "its folder does not exist");
            return null;
        }
        var watcher = new FileSystemWatcher(directory, Path.GetFileName(paths.GraphPath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => _changed.Release();
        watcher.Created += (_, _) => _changed.Release();
        watcher.Renamed += (_, e) =>
        {
            if (string.Equals(e.FullPath, paths.GraphPath, StringComparison.Ordinal))
            {
                _changed.Release();
            }
        };
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (IOException ex)
        {
            // Typically the system's limit of inotify instances: the admin endpoint still reloads.
            watcher.Dispose();
            LogNotWatched(logger, paths.GraphPath, ex.Message);
            return null;
        }
    }

    public override void Dispose()
    {
        // The watcher (the only one to release it) is gone once ExecuteAsync has returned.
        base.Dispose();
        _changed.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changes to the graph file {GraphPath} are not watched ({Reason}); POST /v1/admin/graph/reload still reloads it")]
    private static partial void LogNotWatched(ILogger logger, string graphPath, string reason);
}
