using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Analysis;

/// <summary>Something that blocks a profile and could be mended: a staircase, a kerb, a barrier, a measured slope.</summary>
/// <param name="Edge">The blocking edge, or -1 for a vertex.</param>
/// <param name="Vertex">The blocking vertex, or -1 for an edge.</param>
/// <param name="Fix">What mending means: a ramp or lift, a lowered kerb, a passable barrier, a gentler way.</param>
public sealed record FixCandidate(int Edge, int Vertex, Violation Violation, string Fix, GeoPoint Location, long? OsmWayId, long? OsmNodeId);

/// <summary>What an active barrier report takes from the origins' reach: the length reachable without it and not with it.</summary>
public sealed record ReportImpact(long ReportId, ReportedBarrierKind Kind, double LostM, int OriginsLosing);

/// <summary>A candidate and the network length it would open to the origins, summed over them.</summary>
public sealed record RankedFix(FixCandidate Candidate, double GainM, int OriginsGaining);

/// <summary>
/// Which barrier to fix first: the network length reachable within a budget from many origins (public-transport
/// stops), and for each candidate what mending it would add. The baseline is one search per origin; a candidate is
/// searched again only from the origins whose baseline reach touches it, which keeps a whole city to seconds.
/// </summary>
public sealed class FixImpact
{
    private readonly RoutingGraph _graph;
    private readonly CompiledProfile _profile;
    private readonly double _limitS;
    private readonly List<SnapPoint> _origins = [];
    private readonly List<double> _baselineM = [];
    private readonly Dictionary<int, List<int>> _originsAtVertex = [];
    private readonly OneToManySearch _search;

    internal FixImpact(RoutingGraph graph, CompiledProfile profile, IEnumerable<SnapPoint> origins, double limitS,
        CancellationToken cancellationToken = default)
    {
        _graph = graph;
        _profile = profile;
        _limitS = limitS;
        _search = new OneToManySearch(graph);
        foreach (var origin in origins)
        {
            _search.Run(profile, origin, ReachMetric.CostS, limitS, cancellationToken: cancellationToken);
            int index = _origins.Count;
            _origins.Add(origin);
            _baselineM.Add(_search.ReachedLengthM(limitS));
            foreach (int vertex in _search.Settled)
            {
                if (!_originsAtVertex.TryGetValue(vertex, out var list))
                {
                    _originsAtVertex[vertex] = list = [];
                }
                list.Add(index);
            }
        }
    }

    /// <summary>
    /// For each report in <paramref name="overlay"/> (the one this reach was computed with): the reach it removes, as
    /// the reach with every other report minus the reach with all, from the origins whose reach touches the report
    /// (no other origin can change). One overlay and one compiled profile per report.
    /// </summary>
    public IReadOnlyList<ReportImpact> ReportImpacts(BarrierOverlay overlay, Func<BarrierOverlay, CompiledProfile> compile,
        CancellationToken cancellationToken = default)
    {
        var impacts = new List<ReportImpact>();
        var reports = overlay.Active.Select(a => a.Report).Concat(overlay.Unverified).ToList();
        foreach (var pinned in overlay.Active)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var withoutIt = compile(BarrierOverlay.Build(_graph, reports.Where(r => r.ReportId != pinned.Report.ReportId)));
            var touched = new SortedSet<int>();
            foreach (int vertex in pinned.Edges.SelectMany(e => (int[])[_graph.EdgeFrom[e], _graph.EdgeTo[e]])
                         .Concat(pinned.Vertices.SelectMany(Neighbours)))
            {
                if (_originsAtVertex.TryGetValue(vertex, out var list))
                {
                    touched.UnionWith(list);
                }
            }
            double lostM = 0;
            int losing = 0;
            foreach (int origin in touched)
            {
                _search.Run(withoutIt, _origins[origin], ReachMetric.CostS, _limitS, cancellationToken: cancellationToken);
                double less = _search.ReachedLengthM(_limitS) - _baselineM[origin];
                if (less > 0.5)
                {
                    lostM += less;
                    losing++;
                }
            }
            impacts.Add(new ReportImpact(pinned.Report.ReportId, pinned.Report.Kind, lostM, losing));
        }
        return impacts;
    }

    /// <summary>Origins that could be placed on the network.</summary>
    public int OriginCount => _origins.Count;

    /// <summary>The network length every origin reaches today, summed, metres.</summary>
    public double BaselineM => _baselineM.Sum();

    /// <summary>
    /// Every edge and vertex the profile's own rules block for one of these reasons: steps without a usable ramp, a
    /// slope beyond the limit that is measured or vouched for, a kerb above the limit, a blocking barrier.
    /// </summary>
    public IReadOnlyList<FixCandidate> Candidates()
    {
        var graph = _graph;
        var candidates = new List<FixCandidate>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            var violation = _profile.EdgeVerdict(graph, edge, backward: false).Violation ?? _profile.EdgeVerdict(graph, edge, backward: true).Violation;
            string? fix = violation?.Constraint switch
            {
                Constraint.Steps => "ramp or lift beside the steps",
                Constraint.InclineUp or Constraint.InclineDown => "a gentler ramp or way",
                _ => null,
            };
            if (fix is not null)
            {
                candidates.Add(new FixCandidate(edge, -1, violation!.Value, fix, EdgeShape.PointAt(graph, edge, graph.EdgeLengthCm[edge] / 200.0),
                    graph.EdgeOsmWayId[edge], null));
            }
        }
        for (int vertex = 0; vertex < graph.VertexCount; vertex++)
        {
            var violation = _profile.VertexVerdict(graph, vertex).Violation;
            string? fix = violation?.Constraint switch
            {
                Constraint.Kerb => "lower the kerb",
                Constraint.Barrier => "make the barrier passable",
                _ => null,
            };
            if (fix is not null)
            {
                candidates.Add(new FixCandidate(-1, vertex, violation!.Value, fix,
                    new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex])),
                    null, graph.VertexOsmNodeId[vertex]));
            }
        }
        return candidates;
    }

    /// <summary>What mending <paramref name="candidate"/> would add to the origins' reach, metres, and for how many origins.</summary>
    public RankedFix Gain(FixCandidate candidate, CancellationToken cancellationToken = default)
    {
        var touched = new SortedSet<int>();
        foreach (int vertex in Around(candidate))
        {
            if (_originsAtVertex.TryGetValue(vertex, out var list))
            {
                touched.UnionWith(list);
            }
        }
        double gainM = 0;
        int gaining = 0;
        foreach (int origin in touched)
        {
            _search.Run(_profile, _origins[origin], ReachMetric.CostS, _limitS, fixedEdge: candidate.Edge, fixedVertex: candidate.Vertex,
                cancellationToken: cancellationToken);
            double more = _search.ReachedLengthM(_limitS, candidate.Edge) - _baselineM[origin];
            if (more > 0.5)
            {
                gainM += more;
                gaining++;
            }
        }
        return new RankedFix(candidate, gainM, gaining);
    }

    /// <summary>The vertices from which a search would step onto the candidate: an edge's ends, a vertex's neighbours.</summary>
    private IEnumerable<int> Around(FixCandidate candidate)
    {
        if (candidate.Edge >= 0)
        {
            yield return _graph.EdgeFrom[candidate.Edge];
            yield return _graph.EdgeTo[candidate.Edge];
            yield break;
        }
        foreach (int neighbour in Neighbours(candidate.Vertex))
        {
            yield return neighbour;
        }
    }

    private IEnumerable<int> Neighbours(int vertex)
    {
        for (int i = _graph.FirstArc[vertex]; i < _graph.FirstArc[vertex + 1]; i++)
        {
            yield return _graph.ArcHead(_graph.Arcs[i]);
        }
    }
}
