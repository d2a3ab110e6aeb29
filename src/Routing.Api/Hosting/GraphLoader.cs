using System.Diagnostics;
using Routing.Build;
using Routing.Graph;
using Routing.Graph.Format;
using Routing.Osm.Import;
using Routing.Terrain;

namespace Routing.Api.Hosting;

/// <summary>
/// Loads the graph file; when it is missing, builds it from the OSM extract first (and says so), writes it
/// atomically and loads what was written. Every failure becomes a <see cref="GraphStartupException"/> whose message
/// names the file and the remedy.
/// </summary>
internal static partial class GraphLoader
{
    /// <summary>
    /// The graph at <see cref="DataPaths.GraphPath"/>, and whether this process built it first: when it is missing, or
    /// when an earlier version of this program wrote it in an older format and the extract is there to build it anew
    /// (a pull of a newer version then starts as the first start did).
    /// </summary>
    public static (RoutingGraph Graph, bool BuiltOnStart) LoadOrBuild(DataPaths paths, ILogger logger)
    {
        bool built = false;
        if (!File.Exists(paths.GraphPath))
        {
            Build(paths, logger);
            built = true;
        }
        try
        {
            return (Read(paths, logger), built);
        }
        catch (GraphFileException ex) when (ex.OlderVersion && !built && File.Exists(paths.OsmPath))
        {
            LogOlderVersion(logger, paths.GraphPath, ex.Message);
            Build(paths, logger);
            return (Read(paths, logger), true);
        }
        catch (GraphFileException ex)
        {
            throw new GraphStartupException(
                $"The graph file {paths.GraphPath} cannot be used: {Sentence(ex.Message)} " +
                $"Delete it to have it rebuilt from {paths.OsmPath} on the next start, or point {RoutingDataOptions.Section}:Graph at a good graph file.",
                ex);
        }
    }

    private static RoutingGraph Read(DataPaths paths, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        var graph = GraphFileReader.Read(paths.GraphPath);
        LogLoaded(logger, paths.GraphPath, graph.VertexCount, graph.EdgeCount, graph.Metadata.SourceFile, clock.Elapsed.TotalSeconds);
        return graph;
    }

    private static void Build(DataPaths paths, ILogger logger)
    {
        if (!File.Exists(paths.OsmPath))
        {
            throw new GraphStartupException(
                $"The graph file {paths.GraphPath} does not exist, and neither does the OSM extract {paths.OsmPath} to build it from. " +
                $"Set {RoutingDataOptions.Section}:Graph to an existing graph file or {RoutingDataOptions.Section}:Osm to an OSM extract (.osm.pbf or .osm).");
        }

        LogBuilding(logger, paths.GraphPath, paths.OsmPath, paths.ElevationPaths.Count == 0 ? "none" : string.Join(", ", paths.ElevationPaths));
        var clock = Stopwatch.StartNew();
        try
        {
            var graph = GraphBuild.Run(paths.OsmPath, paths.ElevationPaths, new LoggingObserver(logger), paths.ElevationXyzCrs);
            string? directory = Path.GetDirectoryName(paths.GraphPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            GraphFileWriter.Write(graph, paths.GraphPath);
            LogBuilt(logger, paths.GraphPath, graph.VertexCount, graph.EdgeCount, clock.Elapsed.TotalSeconds);
        }
        catch (OsmInputException ex)
        {
            throw new GraphStartupException($"Building the graph from {paths.OsmPath} failed: {Sentence(ex.Message)}", ex);
        }
        catch (TerrainFileException ex)
        {
            throw new GraphStartupException(
                $"The terrain model for {paths.GraphPath} cannot be used: {Sentence(ex.Message)} " +
                $"Fix {RoutingDataOptions.Section}:Elevation (files or folders separated by ';', empty for a graph without inclines).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or GraphFileException)
        {
            throw new GraphStartupException($"The graph built from {paths.OsmPath} could not be written to {paths.GraphPath}: {Sentence(ex.Message)}", ex);
        }
    }

    private static string Sentence(string message) => message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph file {GraphPath} missing or outdated: building it from the OSM extract {OsmPath} and the terrain model {Elevation} first (this takes a few seconds)")]
    private static partial void LogBuilding(ILogger logger, string graphPath, string osmPath, string elevation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph file {GraphPath} was written by an earlier version ({Reason}): building it anew from the OSM extract")]
    private static partial void LogOlderVersion(ILogger logger, string graphPath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built and wrote {GraphPath}: {Nodes} nodes, {Edges} edges in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, string graphPath, int nodes, int edges, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded graph {GraphPath}: {Nodes} nodes, {Edges} edges, built from {Source}, in {Seconds:F2} s")]
    private static partial void LogLoaded(ILogger logger, string graphPath, int nodes, int edges, string source, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building graph: {Phase}")]
    private static partial void LogPhase(ILogger logger, string phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building graph: {Summary}")]
    private static partial void LogPhaseDone(ILogger logger, string summary);

    private sealed class LoggingObserver(ILogger logger) : IImportObserver
    {
        public void PhaseStarted(string phase) => LogPhase(logger, phase);

        public void PhaseFinished(string summary) => LogPhaseDone(logger, summary);
    }
}
