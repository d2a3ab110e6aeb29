using System.Buffers;
using Routing.Engine.Barriers;
using Routing.Engine.Hierarchy;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>
/// A profile turned into flat cost tables for one graph: per edge class and direction the cost in seconds per
/// metre and a fixed cost, per node class the cost of passing. Compiling takes well under a millisecond (each
/// distinct incline and each distinct rest of the facts is judged once, <see cref="EdgeClassGroups"/>), so every
/// request compiles its own; the search then costs one array lookup per arc.
/// Blocked arcs and nodes cost +infinity. A relaxed profile turns every block into a large penalty instead: its
/// cheapest path is the one that breaks the fewest limits, which is what a failed request is explained with.
/// <para>
/// Compiled with a <see cref="BarrierOverlay"/>, the tables grow by the overlay's extra classes (an overlaid edge or
/// vertex has its own class there), each priced as the maximum of the original class's cost and what each report on
/// it does for this profile (<see cref="BarrierEffects"/>), and the profile hands out the overlay's class arrays
/// (<see cref="EdgeClassIds"/>, <see cref="VertexNodeClasses"/>) instead of the graph's. Searches read classes only
/// through the profile, so they see the overlay without any extra work per arc, and since a report only adds cost, no
/// arc costs less per metre than before and the lower bounds of A* still hold.
/// </para>
/// </summary>
public sealed class CompiledProfile
{
    /// <summary>What one broken limit costs in a relaxed profile: more than any detour within a city.</summary>
    public const double ViolationPenaltyS = 100_000;

    private readonly RoutingGraph _graph;
    private readonly ProfileRules _rules;
    private readonly double[] _arcCostPerMetre;
    private readonly double[] _arcFixedCost;
    private readonly double[] _nodeCost;
    private readonly int[]? _edgeClassIds;
    private readonly int[]? _vertexNodeClasses;
    // The full verdicts of the overlay's extra classes (2 per edge class, 1 per node class), for route details and explanations.
    private readonly ArcVerdict[] _overlayArcVerdicts;
    private readonly NodeVerdict[] _overlayNodeVerdicts;

    private CompiledProfile(ProfileSettings settings, bool relaxed, RoutingGraph graph, BarrierOverlay overlay)
    {
        if (overlay.Graph is { } overlaid && !ReferenceEquals(overlaid, graph))
        {
            throw new ArgumentException("the overlay was built for another graph", nameof(overlay));
        }
        _graph = graph;
        Settings = settings;
        IsRelaxed = relaxed;
        Overlay = overlay;
        _rules = new ProfileRules(settings);
        var edgeClasses = graph.EdgeClasses;
        var extraEdgeClasses = overlay.EdgeClasses;
        _arcCostPerMetre = new double[(edgeClasses.Length + extraEdgeClasses.Length) * 2];
        _arcFixedCost = new double[_arcCostPerMetre.Length];
        PriceGraphClasses(graph, relaxed);
        _overlayArcVerdicts = new ArcVerdict[extraEdgeClasses.Length * 2];
        for (int k = 0; k < extraEdgeClasses.Length; k++)
        {
            var extra = extraEdgeClasses[k];
            ref readonly var edgeClass = ref edgeClasses[extra.BaseClass];
            for (int direction = 0; direction < 2; direction++)
            {
                bool backward = direction == 1;
                var own = _rules.Edge(edgeClass, backward);
                double perMetre = _arcCostPerMetre[(2 * extra.BaseClass) + direction];
                double fixedCost = _arcFixedCost[(2 * extra.BaseClass) + direction];
                var broken = own.Broken;
                foreach (var report in extra.Reports)
                {
                    var effect = BarrierEffects.OnArc(_rules, settings, relaxed, edgeClass, backward, own, report);
                    perMetre = Math.Max(perMetre, effect.PerMetre);
                    fixedCost = Math.Max(fixedCost, effect.Fixed);
                    broken = effect.Violation is { } reported ? broken.With(reported) : broken;
                }
                int kind = (2 * (edgeClasses.Length + k)) + direction;
                (_arcCostPerMetre[kind], _arcFixedCost[kind]) = (perMetre, fixedCost);
                _overlayArcVerdicts[(2 * k) + direction] = own with { Broken = broken };
            }
        }

        var nodeClasses = graph.NodeClasses;
        var extraNodeClasses = overlay.NodeClasses;
        _nodeCost = new double[nodeClasses.Length + extraNodeClasses.Length];
        for (int n = 0; n < nodeClasses.Length; n++)
        {
            _nodeCost[n] = Price(_rules.Node(nodeClasses[n]), relaxed);
        }
        _overlayNodeVerdicts = new NodeVerdict[extraNodeClasses.Length];
        for (int k = 0; k < extraNodeClasses.Length; k++)
        {
            var extra = extraNodeClasses[k];
            ref readonly var nodeClass = ref nodeClasses[extra.BaseClass];
            var own = _rules.Node(nodeClass);
            double cost = _nodeCost[extra.BaseClass];
            var broken = own.Broken;
            foreach (var report in extra.Reports)
            {
                var effect = BarrierEffects.OnNode(_rules, settings, relaxed, nodeClass, own, report);
                cost = Math.Max(cost, effect.Cost);
                broken = effect.Violation is { } reported ? broken.With(reported) : broken;
            }
            _nodeCost[nodeClasses.Length + k] = cost;
            _overlayNodeVerdicts[k] = own with { Broken = broken };
        }
        _edgeClassIds = overlay.EdgeClassIds;
        _vertexNodeClasses = overlay.VertexNodeClasses;
        MinCostPerMetre = 1 / settings.SpeedMps;
        _durations = new Lazy<DurationTables>(() => new DurationTables(this, graph));
        _network = new Lazy<ProfileNetwork>(() => ProfileNetwork.Of(graph, this));
    }

    private readonly Lazy<DurationTables> _durations;
    private readonly Lazy<ProfileNetwork> _network;
    private CustomizedHierarchy? _hierarchy;
    private int _uses;

    /// <summary>Counts one more request served by this profile from the cache; returns the count.</summary>
    internal int CountUse() => Interlocked.Increment(ref _uses);

    /// <summary>
    /// This profile's weights on the graph's contraction hierarchy, once <see cref="UseHierarchy"/> made them: searches
    /// then take the hierarchy query instead of ALT. Null for profiles nobody customized (one-off settings, avoid areas).
    /// </summary>
    internal CustomizedHierarchy? Hierarchy => Volatile.Read(ref _hierarchy);

    /// <summary>
    /// Customizes <paramref name="topology"/> with this profile's costs and lets searches use it from now on. Searches
    /// already running finish with what they started with; both give the same cheapest cost.
    /// </summary>
    internal CustomizedHierarchy UseHierarchy(ContractionHierarchy topology)
    {
        var customized = topology.Customize(this);
        Volatile.Write(ref _hierarchy, customized);
        return customized;
    }

    /// <summary>
    /// Physical time per arc kind and node class, from the same verdicts routes report durations from. Made on first
    /// use only: routes do not need them, matrices and reachability do, and judging every class costs milliseconds.
    /// </summary>
    internal DurationTables Durations => _durations.Value;

    /// <summary>Where this profile can go both ways (its main network) and what it cannot leave: made on the first snap.</summary>
    internal ProfileNetwork Network => _network.Value;

    /// <summary>
    /// Fills the tables for the graph's own classes. Each distinct rest of the facts and each distinct incline is
    /// judged once (<see cref="EdgeClassGroups"/>); per class and direction only their parts are multiplied, which is
    /// <see cref="ProfileRules.Combine"/> followed by <see cref="Price(in ArcVerdict, bool)"/> up to rounding in the last
    /// bit: terrain gives Heidelberg 12,800 classes, and this loop is what a request with new settings waits for.
    /// </summary>
    private void PriceGraphClasses(RoutingGraph graph, bool relaxed)
    {
        var groups = EdgeClassGroups.Of(graph);
        // Scratch for this constructor only: pooled, so compiling allocates little beyond the tables it keeps.
        var rests = ArrayPool<PricedPart>.Shared.Rent(groups.Rests.Length * 2);
        var inclines = ArrayPool<PricedPart>.Shared.Rent(groups.Inclines.Length * 2);
        double speedMps = Settings.SpeedMps;
        for (int r = 0; r < groups.Rests.Length; r++)
        {
            for (int direction = 0; direction < 2; direction++)
            {
                var rest = _rules.AllButIncline(groups.Rests[r], backward: direction == 1);
                rests[(2 * r) + direction] = new(rest.CostFactor / (speedMps * rest.SpeedFactor), rest.FixedS + rest.PenaltyS, rest.Unknown, rest.Broken.Count);
            }
        }
        for (int i = 0; i < groups.Inclines.Length; i++)
        {
            for (int direction = 0; direction < 2; direction++)
            {
                var incline = _rules.Incline(groups.Inclines[i], backward: direction == 1);
                inclines[(2 * i) + direction] = new(incline.CostFactor / incline.SpeedFactor, 0, incline.Unknown, incline.Broken.Count);
            }
        }
        Span<double> unknownFactor = stackalloc double[256];
        for (int bits = 0; bits < unknownFactor.Length; bits++)
        {
            unknownFactor[bits] = _rules.UnknownFactor((UnknownFacts)bits);
        }

        var restOfClass = groups.RestOfClass;
        var inclineOfClass = groups.InclineOfClass;
        for (int kind = 0; kind < 2 * restOfClass.Length; kind++)
        {
            int direction = kind & 1;
            ref readonly var rest = ref rests[(2 * restOfClass[kind >> 1]) + direction];
            ref readonly var incline = ref inclines[(2 * inclineOfClass[kind >> 1]) + direction];
            (_arcCostPerMetre[kind], _arcFixedCost[kind]) = Price(
                rest.Scale * incline.Scale * unknownFactor[(int)(rest.Unknown | incline.Unknown)], rest.FixedS, rest.BrokenLimits + incline.BrokenLimits, relaxed);
        }
        ArrayPool<PricedPart>.Shared.Return(rests);
        ArrayPool<PricedPart>.Shared.Return(inclines);
    }

    /// <summary>
    /// A judged part of an arc, reduced to what the tables need: seconds per metre times cost factor (for an incline
    /// only the factors), fixed seconds, unknown facts, and how many limits it breaks.
    /// </summary>
    private readonly record struct PricedPart(double Scale, double FixedS, UnknownFacts Unknown, int BrokenLimits);

    /// <param name="overlay">Barrier reports to respect; null or <see cref="BarrierOverlay.Empty"/> for none.</param>
    public static CompiledProfile Compile(RoutingGraph graph, ProfileSettings settings, bool relaxed = false, BarrierOverlay? overlay = null) =>
        new(settings, relaxed, graph, overlay ?? BarrierOverlay.Empty);

    public ProfileSettings Settings { get; }
    public bool IsRelaxed { get; }

    /// <summary>The barrier reports this profile was compiled with (<see cref="BarrierOverlay.Empty"/> for none).</summary>
    public BarrierOverlay Overlay { get; }

    /// <summary>The graph this profile was compiled for.</summary>
    internal RoutingGraph Graph => _graph;

    /// <summary>No arc costs less than its length times this: the lower bound that keeps A* exact for every profile.</summary>
    public double MinCostPerMetre { get; }

    /// <summary>Cost per metre of arc kind <c>2 * edgeClass + direction</c>; +infinity when blocked.</summary>
    public ReadOnlySpan<double> ArcCostPerMetre => _arcCostPerMetre;
    public ReadOnlySpan<double> ArcFixedCost => _arcFixedCost;
    /// <summary>Cost of passing a vertex of each node class; +infinity when blocked.</summary>
    public ReadOnlySpan<double> NodeCost => _nodeCost;

    /// <summary>
    /// The class of each edge that indexes <see cref="ArcCostPerMetre"/>: the graph's own, or with an overlay the
    /// overlay's copy in which overlaid edges have extra classes. Always read classes through here, never from the graph.
    /// </summary>
    public ReadOnlySpan<int> EdgeClassIds => _edgeClassIds is null ? _graph.EdgeClassId : _edgeClassIds;

    /// <summary>The node class of each vertex that indexes <see cref="NodeCost"/> (see <see cref="EdgeClassIds"/>).</summary>
    public ReadOnlySpan<int> VertexNodeClasses => _vertexNodeClasses is null ? _graph.VertexNodeClass : _vertexNodeClasses;

    /// <summary>Cost of passing a vertex; +infinity when blocked.</summary>
    public double VertexCost(int vertex) => _nodeCost[VertexNodeClasses[vertex]];

    /// <summary>Cost of the whole arc including the vertex it enters; +infinity when blocked.</summary>
    public double ArcCost(RoutingGraph graph, int arc)
    {
        int edge = arc >> 1;
        int kind = (2 * EdgeClassIds[edge]) + (arc & 1);
        return (graph.EdgeLengthCm[edge] / 100.0 * _arcCostPerMetre[kind]) + _arcFixedCost[kind]
               + _nodeCost[VertexNodeClasses[graph.ArcHead(arc)]];
    }

    /// <summary>
    /// A stretch shorter than this (the graph's centimetre precision) is not travelled: a point snapped there sits on
    /// the vertex. It costs nothing, even on a blocked way, and route descriptions leave it out.
    /// </summary>
    public const double NegligibleM = 0.01;

    /// <summary>The metres a route counts for a part of an edge: none when negligible, as route descriptions leave it out.</summary>
    public static double TravelledM(double metres) => metres < NegligibleM ? 0 : metres;

    /// <summary>
    /// Cost of travelling part of an edge (metres) in a direction, without any vertex; +infinity when blocked, 0 for a
    /// <see cref="NegligibleM">negligible</see> part, so that a point on a vertex may leave by any way from it.
    /// </summary>
    public double PartialEdgeCost(RoutingGraph graph, int edge, bool backward, double metres)
    {
        if (metres < NegligibleM)
        {
            return 0;
        }
        int kind = (2 * EdgeClassIds[edge]) + (backward ? 1 : 0);
        return (metres * _arcCostPerMetre[kind]) + _arcFixedCost[kind];
    }

    public bool IsUsable(RoutingGraph graph, int edge)
    {
        int edgeClass = EdgeClassIds[edge];
        return !double.IsPositiveInfinity(_arcCostPerMetre[2 * edgeClass]) || !double.IsPositiveInfinity(_arcCostPerMetre[(2 * edgeClass) + 1]);
    }

    /// <summary>
    /// The full judgement of an arc, for route details and explanations (not for the search loop). Under a report it
    /// is the judgement of the way as mapped, with the report's violation when the report blocks and the way does not.
    /// </summary>
    public ArcVerdict EdgeVerdict(RoutingGraph graph, int edge, bool backward)
    {
        int edgeClass = EdgeClassIds[edge];
        int graphClasses = graph.EdgeClasses.Length;
        return edgeClass >= graphClasses
            ? _overlayArcVerdicts[(2 * (edgeClass - graphClasses)) + (backward ? 1 : 0)]
            : _rules.Edge(graph.EdgeClasses[edgeClass], backward);
    }

    public NodeVerdict VertexVerdict(RoutingGraph graph, int vertex)
    {
        int nodeClass = VertexNodeClasses[vertex];
        int graphClasses = graph.NodeClasses.Length;
        return nodeClass >= graphClasses ? _overlayNodeVerdicts[nodeClass - graphClasses] : _rules.Node(graph.NodeClasses[nodeClass]);
    }

    /// <summary>A verdict as table entries: cost per metre and fixed cost, +infinity per metre (strict) or a penalty per broken limit (relaxed).</summary>
    internal static (double PerMetre, double Fixed) Price(in ArcVerdict verdict, bool relaxed) =>
        Price(verdict.DurationSecondsPerMetre * verdict.CostFactor, verdict.FixedDurationS + verdict.PenaltyS, verdict.Broken.Count, relaxed);

    /// <summary>
    /// The one rule for broken limits: blocked when strict; when relaxed, a penalty on top for each, so that the cheapest
    /// relaxed path breaks the fewest limits and an arc that breaks two is never taken for one that breaks one.
    /// </summary>
    private static (double PerMetre, double Fixed) Price(double perMetre, double fixedCost, int brokenLimits, bool relaxed) =>
        brokenLimits == 0 ? (perMetre, fixedCost)
        : relaxed ? (perMetre, fixedCost + (brokenLimits * ViolationPenaltyS))
        : (double.PositiveInfinity, fixedCost);

    /// <summary>A node verdict as its table entry: +infinity (strict) or a penalty per broken limit (relaxed).</summary>
    internal static double Price(in NodeVerdict verdict, bool relaxed)
    {
        double cost = verdict.DurationS + verdict.PenaltyS;
        return !verdict.Broken.Any ? cost : relaxed ? cost + (verdict.Broken.Count * ViolationPenaltyS) : double.PositiveInfinity;
    }
}
