using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// A profile turned into flat cost tables for one graph: per edge class and direction the cost in seconds per
/// metre and a fixed cost, per node class the cost of passing. Compiling takes microseconds (a city has about
/// 1,600 edge classes), so every request compiles its own; the search then costs one array lookup per arc.
/// Blocked arcs and nodes cost +infinity. A relaxed profile turns every block into a large penalty instead: its
/// cheapest path is the one that breaks the fewest limits, which is what a failed request is explained with.
/// </summary>
public sealed class CompiledProfile
{
    /// <summary>What one broken limit costs in a relaxed profile: more than any detour within a city.</summary>
    public const double ViolationPenaltyS = 100_000;

    private readonly ProfileRules _rules;
    private readonly double[] _arcCostPerMetre;
    private readonly double[] _arcFixedCost;
    private readonly double[] _nodeCost;

    private CompiledProfile(ProfileSettings settings, bool relaxed, RoutingGraph graph)
    {
        Settings = settings;
        IsRelaxed = relaxed;
        _rules = new ProfileRules(settings);
        var edgeClasses = graph.EdgeClasses;
        _arcCostPerMetre = new double[edgeClasses.Length * 2];
        _arcFixedCost = new double[edgeClasses.Length * 2];
        for (int c = 0; c < edgeClasses.Length; c++)
        {
            for (int direction = 0; direction < 2; direction++)
            {
                var verdict = _rules.Edge(edgeClasses[c], backward: direction == 1);
                double fixedCost = verdict.FixedDurationS + verdict.PenaltyS;
                double perMetre = verdict.DurationSecondsPerMetre * verdict.CostFactor;
                if (verdict.Violation is not null)
                {
                    perMetre = relaxed ? perMetre : double.PositiveInfinity;
                    fixedCost += relaxed ? ViolationPenaltyS : 0;
                }
                _arcCostPerMetre[(2 * c) + direction] = perMetre;
                _arcFixedCost[(2 * c) + direction] = fixedCost;
            }
        }
        var nodeClasses = graph.NodeClasses;
        _nodeCost = new double[nodeClasses.Length];
        for (int n = 0; n < nodeClasses.Length; n++)
        {
            var verdict = _rules.Node(nodeClasses[n]);
            double cost = verdict.DurationS + verdict.PenaltyS;
            _nodeCost[n] = verdict.Violation is null ? cost : relaxed ? cost + ViolationPenaltyS : double.PositiveInfinity;
        }
        MinCostPerMetre = 1 / settings.SpeedMps;
    }

    public static CompiledProfile Compile(RoutingGraph graph, ProfileSettings settings, bool relaxed = false) =>
        new(settings, relaxed, graph);

    public ProfileSettings Settings { get; }
    public bool IsRelaxed { get; }

    /// <summary>No arc costs less than its length times this: the lower bound that keeps A* exact for every profile.</summary>
    public double MinCostPerMetre { get; }

    /// <summary>Cost per metre of arc kind <c>2 * edgeClass + direction</c>; +infinity when blocked.</summary>
    public ReadOnlySpan<double> ArcCostPerMetre => _arcCostPerMetre;
    public ReadOnlySpan<double> ArcFixedCost => _arcFixedCost;
    /// <summary>Cost of passing a vertex of each node class; +infinity when blocked.</summary>
    public ReadOnlySpan<double> NodeCost => _nodeCost;

    /// <summary>Cost of the whole arc including the vertex it enters; +infinity when blocked.</summary>
    public double ArcCost(RoutingGraph graph, int arc)
    {
        int edge = arc >> 1;
        int kind = (2 * graph.EdgeClassId[edge]) + (arc & 1);
        return (graph.EdgeLengthCm[edge] / 100.0 * _arcCostPerMetre[kind]) + _arcFixedCost[kind]
               + _nodeCost[graph.VertexNodeClass[graph.ArcHead(arc)]];
    }

    /// <summary>Cost of travelling part of an edge (metres) in a direction, without any vertex; +infinity when blocked.</summary>
    public double PartialEdgeCost(RoutingGraph graph, int edge, bool backward, double metres)
    {
        int kind = (2 * graph.EdgeClassId[edge]) + (backward ? 1 : 0);
        return (metres * _arcCostPerMetre[kind]) + _arcFixedCost[kind];
    }

    public bool IsUsable(RoutingGraph graph, int edge) =>
        !double.IsPositiveInfinity(_arcCostPerMetre[2 * graph.EdgeClassId[edge]])
        || !double.IsPositiveInfinity(_arcCostPerMetre[(2 * graph.EdgeClassId[edge]) + 1]);

    /// <summary>The full judgement of an arc, for route details and explanations (not for the search loop).</summary>
    public ArcVerdict EdgeVerdict(RoutingGraph graph, int edge, bool backward) => _rules.Edge(graph.ClassOfEdge(edge), backward);

    public NodeVerdict VertexVerdict(RoutingGraph graph, int vertex) => _rules.Node(graph.ClassOfVertex(vertex));
}
