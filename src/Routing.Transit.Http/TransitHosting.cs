using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Routing.Serving;
using Routing.Transit.Demo;
using Routing.Transit.Gtfs;
using Routing.Transit.Timetables;
using Routing.Transit.Trips;

namespace Routing.Transit.Http;

/// <summary>
/// <c>Transit:Gtfs</c>: GTFS zips or folders separated by <c>;</c>. Empty (the default): the demo feed derived from the
/// extract's route relations, written beside the graph (<c>heidelberg.demo-gtfs.zip</c>) when missing. The timetable
/// is built with each graph the service loads, before that graph serves, and kept in its own file beside the graph
/// (<see cref="TimetableFile"/>) until a feed changes; a broken feed stops the start with the importer's message
/// (file, line, field) and never serves half a timetable. <c>Transit:TransfersAhead</c> (default true): every preset's
/// transfer walks are computed in the background once the graph is loaded, and <c>/health/ready</c> waits for them
/// at start (<see cref="TransfersReadyCheck"/>); false leaves them to the requests (each checks the rows its search
/// reaches), as tests' hosts do that never plan trips.
/// </summary>
public static partial class TransitHosting
{
    public const string GtfsSetting = "Transit:Gtfs";
    public const string TransfersAheadSetting = "Transit:TransfersAhead";

    public static IServiceCollection AddTransit(this IServiceCollection services, IConfiguration configuration, string readyTag)
    {
        string gtfs = configuration[GtfsSetting] ?? "";
        bool ahead = configuration.GetValue(TransfersAheadSetting, defaultValue: true);
        services.AddSingleton(new TransfersAheadState(ahead));
        services.AddHealthChecks().AddCheck<TransfersReadyCheck>("transit-transfers", tags: [readyTag]);
        string osm = configuration["Routing:Osm"] ?? "data/heidelberg.osm.pbf";
        services.AddGraphPart(context =>
        {
            var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Routing.Transit");
            var started = System.Diagnostics.Stopwatch.StartNew();
            string[] paths = gtfs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            bool demo = paths.Length == 0;
            if (demo)
            {
                try
                {
                    paths = [DemoFeed.EnsureBeside(context.Source.Path, OsmBeside(context.Source.Path, osm))];
                }
                catch (Routing.Osm.Import.OsmInputException ex)
                {
                    // A graph served without its extract (copied alone, or reloaded from elsewhere) still routes; only
                    // the demo timetable is missing, and trips say there is no stop. A configured feed never falls back.
                    LogNoDemo(logger, ex.Message);
                }
            }
            var timetable = Stored(TimetableFile.Beside(context.Source.Path), paths, demo, logger);
            LogTimetable(logger, demo ? "demo (derived from OSM route relations, not a real timetable)" : string.Join(';', paths), timetable.StopCount,
                timetable.TripCount, timetable.PatternCount, started.Elapsed.TotalSeconds);
            var planner = new TripPlanner(timetable);
            if (ahead)
            {
                var stopping = context.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                var state = context.Services.GetRequiredService<TransfersAheadState>();
                _ = Task.Run(() => ComputeAhead(planner, context.Router, state, logger, stopping), stopping);
            }
            return planner;
        });
        return services;
    }

    /// <summary>
    /// The timetable file beside the graph when it was built from these very feeds; else the feeds imported and the
    /// file written for the next start. A file that cannot be used (foreign, truncated, corrupt, another format version)
    /// stops the start with what is wrong and what to do, as a broken graph file does; one that cannot be written
    /// (a read-only folder) only costs the next start the import again.
    /// </summary>
    private static Timetable Stored(string file, string[] paths, bool demo, ILogger logger)
    {
        string fingerprint = TimetableFile.Fingerprint(paths, demo);
        if (File.Exists(file))
        {
            try
            {
                var (stored, storedFingerprint) = TimetableFile.Read(file);
                if (storedFingerprint == fingerprint)
                {
                    LogRead(logger, file);
                    return stored;
                }
            }
            catch (TimetableFileException ex)
            {
                throw new TimetableFileException($"The timetable file cannot be used: {ex.Message}. Delete it to have it built from the feeds on the next start.");
            }
        }
        var timetable = GtfsImporter.Import(paths, isDemo: demo);
        try
        {
            TimetableFile.Write(timetable, fingerprint, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, file, ex.Message);
        }
        return timetable;
    }

    /// <summary>Every preset's transfer walks, in the background; a failure leaves them to the requests and says so.</summary>
    private static void ComputeAhead(TripPlanner planner, Engine.Router router, TransfersAheadState state, ILogger logger, CancellationToken stopping)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            planner.ComputeTransfersAhead(router, stopping);
            state.Done();
            LogTransfersAhead(logger, router.Profiles.Presets.Count, started.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping: nothing more to serve
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Failed(ex.Message);
            LogTransfersFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transfer walks computed ahead for {Presets} presets in {Seconds:0.00} s")]
    private static partial void LogTransfersAhead(ILogger logger, int presets, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transfer walks not computed ahead; each request checks the walks its search reaches")]
    private static partial void LogTransfersFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timetable read from {File}, built earlier from the same feeds")]
    private static partial void LogRead(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timetable file {File} not written, the next start imports the feeds again: {Reason}")]
    private static partial void LogNotWritten(ILogger logger, string file, string reason);

    /// <summary>The extract: as configured when that path exists, else the file of that name beside the graph.</summary>
    private static string OsmBeside(string graphPath, string configured)
    {
        if (File.Exists(configured))
        {
            return Path.GetFullPath(configured);
        }
        string beside = Path.Combine(Path.GetDirectoryName(graphPath) ?? ".", Path.GetFileName(configured));
        return File.Exists(beside) ? beside : configured;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No demo timetable, trips will find no stop: {Reason}")]
    private static partial void LogNoDemo(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timetable {Feed}: {Stops} stops, {Trips} trips in {Patterns} patterns, built in {Seconds:0.00} s")]
    private static partial void LogTimetable(ILogger logger, string feed, int stops, int trips, int patterns, double seconds);
}
