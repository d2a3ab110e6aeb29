using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.Preprocess;

/// <summary>Opening a graph file for a command: the graph, or one "error:" line on stderr that the reader's message fills.</summary>
internal static class GraphFiles
{
    public static bool TryRead(string graphPath, TextWriter stderr, out RoutingGraph graph)
    {
        try
        {
            graph = GraphFileReader.Read(graphPath);
            return true;
        }
        catch (GraphFileException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            graph = null!;
            return false;
        }
    }
}
