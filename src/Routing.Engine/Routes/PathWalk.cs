using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Routes;

/// <summary>
/// One step of a path in travel order: either a vertex passed (<see cref="Vertex"/> ≥ 0) or a stretch of an edge
/// between two offsets (metres from the edge's <c>EdgeFrom</c>).
/// </summary>
/// <param name="IsPartial">The stretch starts or ends at a snap point rather than covering its whole edge.</param>
internal readonly record struct PathStep(int Vertex, int Edge, bool Backward, double FromOffsetM, double ToOffsetM, bool IsPartial)
{
    public bool IsVertex => Vertex >= 0;

    public double LengthM => Math.Abs(ToOffsetM - FromOffsetM);

    public static PathStep AtVertex(int vertex) => new(vertex, -1, false, 0, 0, false);
}

/// <summary>
/// Unfolds a <see cref="SearchPath"/> into its exact sequence of edge stretches and vertices, with the conventions of
/// <see cref="SearchCosts"/>: the start part runs forwards when the first vertex is the start edge's <c>EdgeTo</c>,
/// the end part forwards when the last vertex is the end edge's <c>EdgeFrom</c>, offsets are clamped to the edge.
/// Route assembly and failure explanation both walk paths this way, so they see the same path the search priced.
/// </summary>
internal static class PathWalk
{
    public static List<PathStep> Steps(RoutingGraph graph, SearchPath path)
    {
        var steps = new List<PathStep>(2 * path.Arcs.Count + 3);
        var from = path.From;
        var to = path.To;
        if (path.StaysOnOneEdge)
        {
            if (from.Edge != to.Edge)
            {
                throw new ArgumentException($"A path without vertices must stay on one edge, but goes from edge {from.Edge} to edge {to.Edge}.", nameof(path));
            }
            double fromM = Offset(graph, from), toM = Offset(graph, to);
            steps.Add(new(-1, from.Edge, toM < fromM, fromM, toM, true));
            return steps;
        }

        int startEdge = from.Edge;
        bool startForward = path.FirstVertex == graph.EdgeTo[startEdge];
        if (!startForward && path.FirstVertex != graph.EdgeFrom[startEdge])
        {
            throw new ArgumentException($"First vertex {path.FirstVertex} is not an end of start edge {startEdge}.", nameof(path));
        }
        steps.Add(new(-1, startEdge, !startForward, Offset(graph, from), startForward ? LengthM(graph, startEdge) : 0, true));
        steps.Add(PathStep.AtVertex(path.FirstVertex));

        int at = path.FirstVertex;
        foreach (int arc in path.Arcs)
        {
            if (graph.ArcTail(arc) != at)
            {
                throw new ArgumentException($"Arc {arc} does not start at vertex {at}, where the path has arrived.", nameof(path));
            }
            int edge = arc >> 1;
            bool backward = (arc & 1) == 1;
            double lengthM = LengthM(graph, edge);
            steps.Add(new(-1, edge, backward, backward ? lengthM : 0, backward ? 0 : lengthM, false));
            at = graph.ArcHead(arc);
            steps.Add(PathStep.AtVertex(at));
        }
        if (at != path.LastVertex)
        {
            throw new ArgumentException($"The arcs end at vertex {at}, not at the last vertex {path.LastVertex}.", nameof(path));
        }

        int endEdge = to.Edge;
        bool endForward = path.LastVertex == graph.EdgeFrom[endEdge];
        if (!endForward && path.LastVertex != graph.EdgeTo[endEdge])
        {
            throw new ArgumentException($"Last vertex {path.LastVertex} is not an end of end edge {endEdge}.", nameof(path));
        }
        steps.Add(new(-1, endEdge, !endForward, endForward ? 0 : LengthM(graph, endEdge), Offset(graph, to), true));
        return steps;
    }

    private static double LengthM(RoutingGraph graph, int edge) => graph.EdgeLengthCm[edge] / 100.0;

    private static double Offset(RoutingGraph graph, in SnapPoint point) => Math.Clamp(point.OffsetM, 0, LengthM(graph, point.Edge));
}
