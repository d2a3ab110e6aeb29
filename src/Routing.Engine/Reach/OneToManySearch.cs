using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Reach;

/// <summary>What a reach search minimises.</summary>
public enum ReachMetric
{
    /// <summary>The profile's cost in seconds, as routes minimise it (duration plus what comfort and unknown data cost).</summary>
    CostS,
    /// <summary>Metres along the shortest way the profile may use.</summary>
    LengthM,
}

/// <summary>
/// Dijkstra from one snapped point to every vertex within a limit, on the profile's own tables (barrier reports
/// included): the search behind isochrones and matrices. Along the tree it also sums the physical duration and the
/// length of each vertex's path, with the same rules the route assembler applies (a negligible partial stretch is not
/// travelled; a vertex's passing time counts when the path passes it), so a matrix entry equals the route's figures.
/// Plain arrays reused from search to search with a generation stamp; one instance per thread.
/// </summary>
internal sealed class OneToManySearch
{
    private readonly RoutingGraph _graph;
    private readonly double[] _key;
    private readonly double[] _durationS;
    private readonly double[] _lengthM;
    private readonly int[] _stamp;
    private readonly QuadHeap _heap;
    private readonly int[] _targetStamp;
    private readonly List<int> _settled = [];
    private readonly int[] _edgeStamp;
    private readonly double[] _edgeReachedM;
    private int _edgeGeneration;
    private int _generation;
    private int _targetGeneration;

    public OneToManySearch(RoutingGraph graph)
    {
        _graph = graph;
        _key = new double[graph.VertexCount];
        _durationS = new double[graph.VertexCount];
        _lengthM = new double[graph.VertexCount];
        _stamp = new int[graph.VertexCount];
        _heap = new QuadHeap(graph.VertexCount);
        _targetStamp = new int[graph.VertexCount];
        _edgeStamp = new int[graph.EdgeCount];
        _edgeReachedM = new double[graph.EdgeCount];
    }

    public CompiledProfile? Profile { get; private set; }
    public SnapPoint Origin { get; private set; }
    public ReachMetric Metric { get; private set; }

    /// <summary>The search's value at a vertex (see <see cref="Metric"/>); +infinity when not reached.</summary>
    public double KeyOf(int vertex) => _stamp[vertex] == _generation ? _key[vertex] : double.PositiveInfinity;

    public double DurationSOf(int vertex) => _durationS[vertex];

    public double LengthMOf(int vertex) => _lengthM[vertex];

    /// <summary>
    /// Settles every vertex whose value is at most <paramref name="limit"/> (+infinity: the whole component), or stops
    /// once every vertex of <paramref name="targets"/> is settled when any are given.
    /// </summary>
    /// <param name="fixedEdge">An edge priced as if mended (level, smooth, unblocked: length over speed), or -1.</param>
    /// <param name="fixedVertex">A vertex priced as if mended (free to pass), or -1.</param>
    /// <param name="cancellationToken">Looked at every <see cref="CancellationCheckInterval"/> settled vertices.</param>
    public void Run(CompiledProfile profile, in SnapPoint origin, ReachMetric metric, double limit, ReadOnlySpan<int> targets = default,
        int fixedEdge = -1, int fixedVertex = -1, CancellationToken cancellationToken = default)
    {
        _settled.Clear();
        Profile = profile;
        Origin = origin;
        Metric = metric;
        _generation++;
        _heap.Clear();
        var graph = _graph;
        var durations = profile.Durations;
        var classIds = profile.EdgeClassIds;
        var nodeClasses = profile.VertexNodeClasses;

        int edge = origin.Edge;
        double offsetM = SearchCosts.OffsetM(graph, origin);
        foreach (int end in (ReadOnlySpan<int>)[graph.EdgeFrom[edge], graph.EdgeTo[edge]])
        {
            bool towardsTo = end == graph.EdgeTo[edge];
            double partM = towardsTo ? SearchCosts.EdgeLengthM(graph, edge) - offsetM : offsetM;
            double cost = SearchCosts.Start(graph, profile, origin, end);
            if (double.IsPositiveInfinity(cost))
            {
                continue;
            }
            double travelledM = CompiledProfile.TravelledM(partM);
            Relax(end, metric == ReachMetric.CostS ? cost : travelledM,
                durations.PartialEdgeS(edge, !towardsTo, partM) + durations.NodeS[nodeClasses[end]], travelledM);
        }

        _targetGeneration++;
        int targetsLeft = 0;
        foreach (int target in targets)
        {
            targetsLeft += _targetStamp[target] == _targetGeneration ? 0 : 1;
            _targetStamp[target] = _targetGeneration;
        }

        while (_heap.Count > 0 && _heap.MinKey <= limit)
        {
            double key = _heap.MinKey;
            int u = _heap.Pop();
            _settled.Add(u);
            if ((_settled.Count & (CancellationCheckInterval - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (_targetStamp[u] == _targetGeneration && --targetsLeft == 0)
            {
                break;
            }
            for (int i = graph.FirstArc[u]; i < graph.FirstArc[u + 1]; i++)
            {
                int arc = graph.Arcs[i];
                int e = arc >> 1;
                int kind = (2 * classIds[e]) + (arc & 1);
                int v = graph.ArcHead(arc);
                if (_stamp[v] == _generation && _heap.WasPopped(v))
                {
                    continue;
                }
                double arcCost = e == fixedEdge || v == fixedVertex ? MendedCost(profile, graph, arc, fixedEdge, fixedVertex)
                    : SearchCosts.Blocked(profile.ArcCost(graph, arc));
                if (double.IsPositiveInfinity(arcCost))
                {
                    continue; // the vertex beyond is blocked
                }
                double metres = graph.EdgeLengthCm[e] / 100.0;
                Relax(v, key + (metric == ReachMetric.CostS ? arcCost : metres),
                    _durationS[u] + (metres * durations.PerMetreS[kind]) + durations.FixedS[kind] + durations.NodeS[nodeClasses[v]],
                    _lengthM[u] + metres);
            }
        }
    }

    /// <summary>
    /// Settled vertices between two looks at the cancellation token (a power of two): well under a millisecond of
    /// search, so a request whose client left stops at once, at no measurable cost to the loop.
    /// </summary>
    public const int CancellationCheckInterval = 1024;

    /// <summary>The vertices settled by the last run, in order.</summary>
    public IReadOnlyList<int> Settled => _settled;

    /// <summary>
    /// The network length reached within <paramref name="limit"/> in metres (see <see cref="ReachMetric"/>): every edge
    /// at a settled vertex counted as far as the rest of the budget goes from each end, the whole edge at most. The
    /// origin's own edge counts from the vertices only; a cheap figure for comparing many reaches, where
    /// the analysis room's reach tree gives the geometry.
    /// </summary>
    public double ReachedLengthM(double limit, int fixedEdge = -1)
    {
        var graph = _graph;
        var profile = Profile!;
        _edgeGeneration++;
        double total = 0;
        foreach (int u in _settled)
        {
            double budget = limit - _key[u];
            if (budget <= 0)
            {
                continue;
            }
            for (int i = graph.FirstArc[u]; i < graph.FirstArc[u + 1]; i++)
            {
                int arc = graph.Arcs[i];
                int e = arc >> 1;
                double lengthM = graph.EdgeLengthCm[e] / 100.0;
                double reachedM = ReachableM(graph, profile, Metric, e, backward: (arc & 1) == 1, budget, fixedEdge);
                if (_edgeStamp[e] != _edgeGeneration)
                {
                    _edgeStamp[e] = _edgeGeneration;
                    _edgeReachedM[e] = 0;
                }
                double before = _edgeReachedM[e];
                _edgeReachedM[e] = Math.Min(lengthM, before + reachedM);
                total += _edgeReachedM[e] - before;
            }
        }
        return total;
    }

    /// <summary>
    /// How far along an edge in a direction a remaining budget goes, metres (at most the edge): what is left after
    /// the edge's fixed cost at its cost per metre, or the budget itself in metres; 0 when blocked or spent. A mended
    /// edge costs its length over the profile's speed.
    /// </summary>
    internal static double ReachableM(RoutingGraph graph, CompiledProfile profile, ReachMetric metric, int edge, bool backward, double budget,
        int mendedEdge = -1)
    {
        if (!(budget > 0))
        {
            return 0;
        }
        int kind = (2 * profile.EdgeClassIds[edge]) + (backward ? 1 : 0);
        if (double.IsPositiveInfinity(profile.ArcCostPerMetre[kind]) && edge != mendedEdge)
        {
            return 0; // blocked, whatever is measured
        }
        double perMetre = metric == ReachMetric.LengthM ? 1 : edge == mendedEdge ? profile.MinCostPerMetre : profile.ArcCostPerMetre[kind];
        double fixedCost = metric == ReachMetric.LengthM || edge == mendedEdge ? 0 : profile.ArcFixedCost[kind];
        return Math.Clamp((budget - fixedCost) / perMetre, 0, graph.EdgeLengthCm[edge] / 100.0);
    }

    /// <summary>An arc with a mended edge or head vertex: the edge at length over the profile's speed, the vertex free.</summary>
    private static double MendedCost(CompiledProfile profile, RoutingGraph graph, int arc, int fixedEdge, int fixedVertex)
    {
        int e = arc >> 1;
        int head = graph.ArcHead(arc);
        int kind = (2 * profile.EdgeClassIds[e]) + (arc & 1);
        double metres = graph.EdgeLengthCm[e] / 100.0;
        double edgeCost = e == fixedEdge ? metres * profile.MinCostPerMetre : (metres * profile.ArcCostPerMetre[kind]) + profile.ArcFixedCost[kind];
        double vertexCost = head == fixedVertex ? 0 : profile.VertexCost(head);
        return SearchCosts.Blocked(edgeCost + vertexCost);
    }

    private void Relax(int vertex, double key, double durationS, double lengthM)
    {
        if (_stamp[vertex] != _generation)
        {
            _stamp[vertex] = _generation;
            (_key[vertex], _durationS[vertex], _lengthM[vertex]) = (key, durationS, lengthM);
            _heap.Push(vertex, key);
        }
        else if (key < _key[vertex])
        {
            (_key[vertex], _durationS[vertex], _lengthM[vertex]) = (key, durationS, lengthM);
            _heap.DecreaseKey(vertex, key);
        }
    }
}
