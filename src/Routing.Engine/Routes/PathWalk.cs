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
    /// <summary>The steps in travel order, for <c>foreach</c>; a path that breaks the conventions throws when walked.</summary>
    public static PathSteps Steps(RoutingGraph graph, SearchPath path) => new(graph, path);

    internal static double LengthM(RoutingGraph graph, int edge) => graph.EdgeLengthCm[edge] / 100.0;

    /// <summary>The metres a path travels, as a route assembled from it counts them.</summary>
    public static double TravelledM(RoutingGraph graph, SearchPath path)
    {
        double metres = 0;
        foreach (var step in Steps(graph, path))
        {
            metres += step.IsVertex ? 0 : Profiles.CompiledProfile.TravelledM(step.LengthM);
        }
        return metres;
    }

    internal static double Offset(RoutingGraph graph, in SnapPoint point) => Math.Clamp(point.OffsetM, 0, LengthM(graph, point.Edge));
}

/// <summary>
/// The walk itself, one step per <see cref="MoveNext"/>: route assembly walks every leg once, and a list of its steps
/// (some 40 bytes each, two per arc) was about a tenth of what assembling a route allocated.
/// </summary>
internal struct PathSteps(RoutingGraph graph, SearchPath path)
{
    private Stage _stage;
    private int _at;
    private int _arc;

    private enum Stage { Start, FirstVertex, Arc, VertexAfterArc, Done }

    public PathStep Current { get; private set; }

    public readonly PathSteps GetEnumerator() => this;

    public bool MoveNext()
    {
        switch (_stage)
        {
            case Stage.Start:
                Current = path.StaysOnOneEdge ? OnlyPart() : StartPart();
                _stage = path.StaysOnOneEdge ? Stage.Done : Stage.FirstVertex;
                return true;
            case Stage.FirstVertex:
                _at = path.FirstVertex;
                Current = PathStep.AtVertex(_at);
                _stage = Stage.Arc;
                return true;
            case Stage.Arc when _arc < path.Arcs.Count:
                Current = ArcPart(path.Arcs[_arc++]);
                _stage = Stage.VertexAfterArc;
                return true;
            case Stage.Arc:
                Current = EndPart();
                _stage = Stage.Done;
                return true;
            case Stage.VertexAfterArc:
                Current = PathStep.AtVertex(_at);
                _stage = Stage.Arc;
                return true;
            default:
                return false;
        }
    }

    private readonly PathStep OnlyPart()
    {
        var (from, to) = (path.From, path.To);
        if (from.Edge != to.Edge)
        {
            throw Malformed(path, $"A path without vertices must stay on one edge, but goes from edge {from.Edge} to edge {to.Edge}.");
        }
        double fromM = PathWalk.Offset(graph, from), toM = PathWalk.Offset(graph, to);
        return new(-1, from.Edge, toM < fromM, fromM, toM, true);
    }

    private readonly PathStep StartPart()
    {
        int startEdge = path.From.Edge;
        bool startForward = path.FirstVertex == graph.EdgeTo[startEdge];
        if (!startForward && path.FirstVertex != graph.EdgeFrom[startEdge])
        {
            throw Malformed(path, $"First vertex {path.FirstVertex} is not an end of start edge {startEdge}.");
        }
        return new(-1, startEdge, !startForward, PathWalk.Offset(graph, path.From), startForward ? PathWalk.LengthM(graph, startEdge) : 0, true);
    }

    private PathStep ArcPart(int arc)
    {
        if (graph.ArcTail(arc) != _at)
        {
            throw Malformed(path, $"Arc {arc} does not start at vertex {_at}, where the path has arrived.");
        }
        int edge = arc >> 1;
        bool backward = (arc & 1) == 1;
        double lengthM = PathWalk.LengthM(graph, edge);
        _at = graph.ArcHead(arc);
        return new(-1, edge, backward, backward ? lengthM : 0, backward ? 0 : lengthM, false);
    }

    /// <summary>Thrown as it is found while walking: a path that breaks the conventions is the caller's mistake.</summary>
    private static ArgumentException Malformed(SearchPath path, string message) => new(message, nameof(path));

    private readonly PathStep EndPart()
    {
        if (_at != path.LastVertex)
        {
            throw Malformed(path, $"The arcs end at vertex {_at}, not at the last vertex {path.LastVertex}.");
        }
        int endEdge = path.To.Edge;
        bool endForward = path.LastVertex == graph.EdgeFrom[endEdge];
        if (!endForward && path.LastVertex != graph.EdgeTo[endEdge])
        {
            throw Malformed(path, $"Last vertex {path.LastVertex} is not an end of end edge {endEdge}.");
        }
        return new(-1, endEdge, !endForward, endForward ? 0 : PathWalk.LengthM(graph, endEdge), PathWalk.Offset(graph, path.To), true);
    }
}
