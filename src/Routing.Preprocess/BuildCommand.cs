using System.Diagnostics;
using Routing.Build;
using Routing.Graph;
using Routing.Graph.Format;
using Routing.Osm.Import;
using Routing.Terrain;

namespace Routing.Preprocess;

/// <summary><c>build INPUT -o OUTPUT [--elevation FILE|FOLDER]... [--xyz-crs EPSG:N]</c>: import, place on the terrain, write atomically, print the summary.</summary>
internal static class BuildCommand
{
    public static int Run(
        string inputPath, string outputPath, IReadOnlyList<string> elevationPaths, string xyzCrs, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        string? directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is null || !Directory.Exists(directory))
        {
            stderr.WriteLine($"error: cannot write {outputPath}: the directory {directory} does not exist. Create it or choose another output path.");
            return ExitCodes.BadInput;
        }
        if (Directory.Exists(outputPath))
        {
            stderr.WriteLine($"error: cannot write {outputPath}: it is a directory. Give a file name such as {Path.Combine(outputPath, "city.graph")}.");
            return ExitCodes.BadInput;
        }

        try
        {
            var phases = new PhaseWriter(stdout, interactive: ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected);
            stdout.WriteLine(elevationPaths.Count == 0
                ? $"Building {outputPath} from {inputPath} (no terrain model: inclines only where tagged)"
                : $"Building {outputPath} from {inputPath} and {string.Join(", ", elevationPaths)}");
            var graph = GraphBuild.Run(inputPath, elevationPaths, phases, xyzCrs);

            phases.PhaseStarted("Writing graph");
            GraphFileWriter.Write(graph, outputPath);
            phases.PhaseFinished($"{new FileInfo(outputPath).Length / 1e6:F1} MB");

            stdout.WriteLine();
            GraphReport.WriteText(stdout, graph, GraphStatistics.Of(graph));
            stdout.WriteLine($"{"build time",-34} {clock.Elapsed.TotalSeconds:F2} s");
            stdout.WriteLine($"{"peak memory",-34} {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return ExitCodes.Ok;
        }
        catch (OsmInputException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
        }
        catch (TerrainFileException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
        }
        catch (GraphFileException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {outputPath}: {ex.Message} Choose a writable output path.");
        }
        return ExitCodes.BadInput;
    }
}
