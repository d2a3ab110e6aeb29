using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Analysis;

/// <summary>Part of an edge reached within a limit, from <see cref="FromOffsetM"/> to <see cref="ToOffsetM"/> along it.</summary>
public readonly record struct ReachedStretch(int Edge, double FromOffsetM, double ToOffsetM)
{
    public double LengthM => ToOffsetM - FromOffsetM;
}

/// <summary>
/// Everything reachable from one point within a limit, for one profile: the vertices the search settled and, for any
/// limit up to the one searched, the reached stretches of edges, partly reached edges cut where the budget ends.
/// </summary>
public sealed class ReachTree
{
    private readonly OneToManySearch _search;
    private readonly RoutingGraph _graph;

    internal ReachTree(OneToManySearch search, RoutingGraph graph, double limit, GeoPoint snappedOrigin)
    {
        _search = search;
        _graph = graph;
        Limit = limit;
        SnappedOrigin = snappedOrigin;
    }

    /// <summary>The largest limit the tree answers for.</summary>
    public double Limit { get; }

    public ReachMetric Metric => _search.Metric;

    /// <summary>Where the origin was placed on the network.</summary>
    public GeoPoint SnappedOrigin { get; }

    /// <summary>
    /// The reached parts of every edge within <paramref name="limit"/>: from each reached end as far as the remaining
    /// budget goes at the edge's own cost per metre (after its fixed cost), and on the origin's edge from the origin both
    /// ways. Edges reached from both ends far enough are whole.
    /// </summary>
    public IReadOnlyList<ReachedStretch> Stretches(double limit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Limit);
        var profile = _search.Profile!;
        var graph = _graph;
        var stretches = new List<ReachedStretch>();
        var origin = _search.Origin;
        double originOffsetM = SearchCosts.OffsetM(graph, origin);
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            double lengthM = SearchCosts.EdgeLengthM(graph, edge);
            double forwardM = Reachable(profile, edge, backward: false, limit - _search.KeyOf(graph.EdgeFrom[edge]));
            double backwardM = Reachable(profile, edge, backward: true, limit - _search.KeyOf(graph.EdgeTo[edge]));
            if (edge == origin.Edge)
            {
                // From the origin itself, both ways along its edge.
                double onwardM = Reachable(profile, edge, backward: false, limit);
                double backM = Reachable(profile, edge, backward: true, limit);
                AddMerged(stretches, edge, lengthM,
                    [(0, forwardM), (lengthM - backwardM, lengthM), (originOffsetM - backM, originOffsetM + onwardM)]);
            }
            else if (forwardM > 0 || backwardM > 0)
            {
                AddMerged(stretches, edge, lengthM, [(0, forwardM), (lengthM - backwardM, lengthM)]);
            }
        }
        return stretches;
    }

    /// <summary>The reached network length within <paramref name="limit"/>, metres.</summary>
    public double ReachedLengthM(double limit) => Stretches(limit).Sum(s => s.LengthM);

    /// <summary>The stretch's points, from <see cref="ReachedStretch.FromOffsetM"/> to <see cref="ReachedStretch.ToOffsetM"/>.</summary>
    public IReadOnlyList<GeoPoint> PointsOf(in ReachedStretch stretch) => EdgeShape.Part(_graph, stretch.Edge, stretch.FromOffsetM, stretch.ToOffsetM);

    private double Reachable(CompiledProfile profile, int edge, bool backward, double budget) =>
        OneToManySearch.ReachableM(_graph, profile, Metric, edge, backward, budget);

    private static void AddMerged(List<ReachedStretch> stretches, int edge, double lengthM, Span<(double From, double To)> parts)
    {
        parts.Sort((a, b) => a.From.CompareTo(b.From));
        double from = double.NaN, to = double.NaN;
        foreach (var (partFrom, partTo) in parts)
        {
            double a = Math.Clamp(partFrom, 0, lengthM), b = Math.Clamp(partTo, 0, lengthM);
            if (b - a < CompiledProfile.NegligibleM)
            {
                continue;
            }
            if (!double.IsNaN(to) && a <= to)
            {
                to = Math.Max(to, b);
                continue;
            }
            if (!double.IsNaN(from))
            {
                stretches.Add(new ReachedStretch(edge, from, to));
            }
            (from, to) = (a, b);
        }
        if (!double.IsNaN(from))
        {
            stretches.Add(new ReachedStretch(edge, from, to));
        }
    }
}
