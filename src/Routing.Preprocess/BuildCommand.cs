using System.Diagnostics;
using Routing.Graph;
using Routing.Graph.Format;
using Routing.Osm.Import;

namespace Routing.Preprocess;

/// <summary><c>build INPUT -o OUTPUT</c>: import, write atomically, print the summary.</summary>
internal static class BuildCommand
{
    public static int Run(string inputPath, string outputPath, TextWriter stdout, TextWriter stderr)
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
            stdout.WriteLine($"Building {outputPath} from {inputPath}");
            var result = OsmImporter.Import(inputPath, phases);

            phases.PhaseStarted("Writing graph");
            GraphFileWriter.Write(result.Graph, outputPath);
            phases.PhaseFinished($"{new FileInfo(outputPath).Length / 1e6:F1} MB");

            stdout.WriteLine();
            GraphReport.WriteText(stdout, result.Graph, GraphStatistics.Of(result.Graph));
            stdout.WriteLine($"{"build time",-34} {clock.Elapsed.TotalSeconds:F2} s");
            stdout.WriteLine($"{"peak memory",-34} {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return ExitCodes.Ok;
        }
        catch (OsmInputException ex)
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
