using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.Preprocess;

/// <summary><c>info GRAPH [--json]</c>: header and statistics of a graph file.</summary>
internal static class InfoCommand
{
    public static int Run(string graphPath, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!GraphFiles.TryRead(graphPath, stderr, out var graph))
        {
            return ExitCodes.BadInput;
        }
        var statistics = GraphStatistics.Of(graph);
        if (json)
        {
            GraphReport.WriteJson(stdout, graphPath, graph, statistics);
        }
        else
        {
            stdout.WriteLine($"{"file",-34} {graphPath}");
            stdout.WriteLine($"{"format version",-34} {GraphFormat.Version}");
            GraphReport.WriteText(stdout, graph, statistics);
        }
        return ExitCodes.Ok;
    }
}
