using System.Numerics;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Search;

/// <summary>
/// Exact bidirectional A* with landmark potentials (ALT; Goldberg and Harrelson 2005, with the symmetric "average"
/// potentials of Ikeda et al.).
/// <para>
/// Potentials. <c>πt(v)</c> is a lower bound of the walking distance from v to the end point: the landmark bound to
/// either end of the end edge plus the length left along that edge, whichever is smaller; <c>πs(v)</c> likewise to
/// the start point. Each is 1-Lipschitz in edge length (a landmark difference changes by at most the edge's length,
/// and minima and added constants keep that), and no arc costs less than its length times k, the cheapest cost per
/// metre in the profile's table (at least <see cref="CompiledProfile.MinCostPerMetre"/>), so with
/// <c>pf = k·(πt − πs) / 2</c>
/// the reduced cost <c>c(u, v) − pf(u) + pf(v)</c> is never negative, for any profile. Forward keys are
/// <c>gf + pf</c> and backward keys <c>gb − pf</c>: both searches are Dijkstra on the same reduced graph, so the
/// bidirectional Dijkstra stopping rule holds unchanged, <c>topF + topB ≥ μ</c> with μ the best meeting.
/// </para>
/// <para>
/// Labels. <c>gf(v)</c> is the cost from the start point up to and including passing v (its node cost);
/// <c>gb(v)</c> the cost from just after v to the end point. The backward search at v follows each arc <c>a</c>
/// leaving v in reverse: the travelled arc is <c>a ^ 1</c>, which enters v and so carries v's node cost, which
/// <c>gb(v)</c> lacks. A meeting at v costs <c>gf(v) + gb(v)</c>, each cost counted once.
/// </para>
/// The whole loop reads plain arrays; it allocates nothing but the result.
/// </summary>
internal static class BidirectionalAltSearch
{
    /// <summary>
    /// Shrinks the potentials by a millionth, so that rounding in the potentials (products and differences of large
    /// doubles) can never make a reduced cost negative, which would break exactness. It costs nothing measurable in pruning.
    /// </summary>
    private const double RoundingMargin = 1 - 1e-6;

    /// <summary>Checks for cancellation after settling this many vertices: a few hundred microseconds of search.</summary>
    private const int CancellationCheckMask = 4095;

    public static SearchPath? Find(RoutingGraph graph, CompiledProfile profile, Landmarks landmarks, SearchSpace space,
        SnapPoint from, SnapPoint to, CancellationToken cancellationToken)
    {
        var component = graph.VertexComponent;
        int fromA = graph.EdgeFrom[from.Edge], fromB = graph.EdgeTo[from.Edge];
        int toA = graph.EdgeFrom[to.Edge], toB = graph.EdgeTo[to.Edge];
        if (component[fromA] != component[toA])
        {
            return null; // components ignore every profile: nothing connects them
        }

        space.NextGeneration();
        int generation = space.Generation;
        var forward = space.Forward;
        var backward = space.Backward;
        var forwardHeap = space.ForwardHeap;
        var backwardHeap = space.BackwardHeap;
        var potentials = new Potentials(graph, profile, landmarks, space, from, to);

        // μ: the best complete path so far, directly along a shared edge (meeting -1) or meeting at a vertex.
        double bestS = SearchCosts.SameEdge(graph, profile, from, to);
        int meeting = -1;

        foreach (int start in (ReadOnlySpan<int>)[fromA, fromB])
        {
            double c = SearchCosts.Start(graph, profile, from, start);
            Seed(forward, forwardHeap, generation, start, c, c + potentials.Forward(start));
        }
        foreach (int end in (ReadOnlySpan<int>)[toA, toB])
        {
            // A blocked vertex ends no path: every way onto it already costs +infinity.
            if (!double.IsPositiveInfinity(profile.VertexCost(end)))
            {
                double c = SearchCosts.End(graph, profile, to, end);
                Seed(backward, backwardHeap, generation, end, c, c - potentials.Forward(end));
            }
        }
        foreach (int end in (ReadOnlySpan<int>)[toA, toB])
        {
            // The start edge and the end edge may share a vertex: the searches meet before they begin.
            if (forward[end].Stamp == generation && backward[end].Stamp == generation && forward[end].CostS + backward[end].CostS < bestS)
            {
                bestS = forward[end].CostS + backward[end].CostS;
                meeting = end;
            }
        }

        var firstArc = graph.FirstArc;
        var arcs = graph.Arcs;
        var edgeFrom = graph.EdgeFrom;
        var edgeTo = graph.EdgeTo;
        var edgeLengthCm = graph.EdgeLengthCm;
        // Classes come from the profile: with a barrier overlay, overlaid edges and vertices have classes of their own.
        var edgeClass = profile.EdgeClassIds;
        var vertexNodeClass = profile.VertexNodeClasses;
        var costPerMetre = profile.ArcCostPerMetre;
        var fixedCost = profile.ArcFixedCost;
        var nodeCost = profile.NodeCost;

        int settled = 0;
        while (true)
        {
            double topForward = forwardHeap.MinKey;
            double topBackward = backwardHeap.MinKey;
            if (topForward + topBackward >= bestS)
            {
                break; // also when either side is exhausted: its top is +infinity
            }
            if ((++settled & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (topForward <= topBackward)
            {
                int u = forwardHeap.Pop();
                double gu = forward[u].CostS;
                for (int i = firstArc[u]; i < firstArc[u + 1]; i++)
                {
                    int arc = arcs[i];
                    int edge = arc >> 1;
                    int v = (arc & 1) == 0 ? edgeTo[edge] : edgeFrom[edge];
                    int kind = (2 * edgeClass[edge]) + (arc & 1);
                    // CompiledProfile.ArcCost inlined, summed in the same order, so labels are the costs SearchCosts defines.
                    double gv = gu + ((edgeLengthCm[edge] / 100.0 * costPerMetre[kind]) + fixedCost[kind] + nodeCost[vertexNodeClass[v]]);
                    if (!(gv < double.PositiveInfinity))
                    {
                        continue; // blocked (NaN from a blocked arc of length 0 too)
                    }
                    ref var label = ref forward[v];
                    if (label.Stamp != generation)
                    {
                        label = new SearchSpace.Label { CostS = gv, ParentArc = arc, Stamp = generation };
                        forwardHeap.Push(v, gv + potentials.Forward(v));
                    }
                    else if (gv < label.CostS && !forwardHeap.WasPopped(v))
                    {
                        label.CostS = gv;
                        label.ParentArc = arc;
                        forwardHeap.DecreaseKey(v, gv + potentials.Forward(v));
                    }
                    else
                    {
                        continue;
                    }
                    ref var other = ref backward[v];
                    if (other.Stamp == generation && gv + other.CostS < bestS)
                    {
                        bestS = gv + other.CostS;
                        meeting = v;
                    }
                }
            }
            else
            {
                int u = backwardHeap.Pop();
                double gu = backward[u].CostS;
                // Every arc travelled into u pays u's node cost; a blocked u ends nothing.
                double uNodeCost = nodeCost[vertexNodeClass[u]];
                for (int i = firstArc[u]; i < firstArc[u + 1]; i++)
                {
                    int travelled = arcs[i] ^ 1;
                    int edge = travelled >> 1;
                    int v = (travelled & 1) == 0 ? edgeFrom[edge] : edgeTo[edge];
                    int kind = (2 * edgeClass[edge]) + (travelled & 1);
                    double gv = gu + ((edgeLengthCm[edge] / 100.0 * costPerMetre[kind]) + fixedCost[kind] + uNodeCost);
                    if (!(gv < double.PositiveInfinity))
                    {
                        continue;
                    }
                    ref var label = ref backward[v];
                    if (label.Stamp != generation)
                    {
                        label = new SearchSpace.Label { CostS = gv, ParentArc = travelled, Stamp = generation };
                        backwardHeap.Push(v, gv - potentials.Forward(v));
                    }
                    else if (gv < label.CostS && !backwardHeap.WasPopped(v))
                    {
                        label.CostS = gv;
                        label.ParentArc = travelled;
                        backwardHeap.DecreaseKey(v, gv - potentials.Forward(v));
                    }
                    else
                    {
                        continue;
                    }
                    ref var other = ref forward[v];
                    if (other.Stamp == generation && gv + other.CostS < bestS)
                    {
                        bestS = gv + other.CostS;
                        meeting = v;
                    }
                }
            }
        }

        if (double.IsPositiveInfinity(bestS))
        {
            return null;
        }
        if (meeting < 0)
        {
            return new SearchPath(from, to, -1, [], -1, bestS, settled);
        }
        return Assemble(graph, profile, space, from, to, meeting, settled);
    }

    private static void Seed(SearchSpace.Label[] labels, QuadHeap heap, int generation, int vertex, double costS, double key)
    {
        if (!(costS < double.PositiveInfinity))
        {
            return;
        }
        ref var label = ref labels[vertex];
        if (label.Stamp != generation)
        {
            label = new SearchSpace.Label { CostS = costS, ParentArc = -1, Stamp = generation };
            heap.Push(vertex, key);
        }
        else if (costS < label.CostS)
        {
            label.CostS = costS; // both ends of a loop edge: the cheaper way onto it
            heap.DecreaseKey(vertex, key);
        }
    }

    /// <summary>Joins the forward branch (start to meeting vertex) and the backward branch (meeting vertex to end).</summary>
    private static SearchPath Assemble(RoutingGraph graph, CompiledProfile profile, SearchSpace space, SnapPoint from, SnapPoint to,
        int meeting, int settled)
    {
        var scratch = space.PathScratch;
        int forwardCount = 0;
        int first = meeting;
        for (int arc = space.Forward[first].ParentArc; arc >= 0; arc = space.Forward[first].ParentArc)
        {
            scratch[forwardCount++] = arc;
            first = graph.ArcTail(arc);
        }
        scratch.AsSpan(0, forwardCount).Reverse();
        int count = forwardCount;
        int last = meeting;
        for (int arc = space.Backward[last].ParentArc; arc >= 0; arc = space.Backward[last].ParentArc)
        {
            scratch[count++] = arc;
            last = graph.ArcHead(arc);
        }
        int[] pathArcs = scratch.AsSpan(0, count).ToArray();
        // Summed again front to back, so that the reported cost is the one SearchCosts defines for this path,
        // not the meeting sum, which adds the same terms in another order.
        double costS = SearchCosts.Path(graph, profile, from, to, first, pathArcs, last);
        return new SearchPath(from, to, first, pathArcs, last, costS, settled);
    }

    /// <summary>
    /// The forward potential <c>pf(v)</c>, computed when a search first touches v and cached for the rest of the
    /// search (both directions need it). Zero everywhere when the landmarks do not cover the query (an island):
    /// the search is then plain bidirectional Dijkstra, still exact.
    /// </summary>
    private readonly ref struct Potentials
    {
        private readonly ReadOnlySpan<int> _landmarkCm;
        private readonly ReadOnlySpan<int> _reference;
        private readonly SearchSpace.CachedPotential[] _cache;
        private readonly int _generation;
        private readonly int _count;
        private readonly double _halfCostPerCm;
        // How far each reference vertex is from its search end along the edge, in cm: to-edge ends, then from-edge ends.
        private readonly double _toAExtraCm, _toBExtraCm, _fromAExtraCm, _fromBExtraCm;

        public Potentials(RoutingGraph graph, CompiledProfile profile, Landmarks landmarks, SearchSpace space, in SnapPoint from, in SnapPoint to)
        {
            _cache = space.Potential;
            _generation = space.Generation;
            int fromA = graph.EdgeFrom[from.Edge], fromB = graph.EdgeTo[from.Edge];
            int toA = graph.EdgeFrom[to.Edge], toB = graph.EdgeTo[to.Edge];
            _count = landmarks.Reaches(fromA) && landmarks.Reaches(toA) ? landmarks.Count : 0;
            _landmarkCm = landmarks.DistanceCm;
            _halfCostPerCm = CheapestCostPerMetre(profile) / 100 / 2 * RoundingMargin;
            double fromOffsetCm = SearchCosts.OffsetM(graph, from) * 100, toOffsetCm = SearchCosts.OffsetM(graph, to) * 100;
            _toAExtraCm = toOffsetCm;
            _toBExtraCm = graph.EdgeLengthCm[to.Edge] - toOffsetCm;
            _fromAExtraCm = fromOffsetCm;
            _fromBExtraCm = graph.EdgeLengthCm[from.Edge] - fromOffsetCm;
            var reference = space.ReferenceDistanceCm.AsSpan(0, 4 * _count);
            if (_count > 0)
            {
                landmarks.DistanceCm.Slice(toA * _count, _count).CopyTo(reference);
                landmarks.DistanceCm.Slice(toB * _count, _count).CopyTo(reference[_count..]);
                landmarks.DistanceCm.Slice(fromA * _count, _count).CopyTo(reference[(2 * _count)..]);
                landmarks.DistanceCm.Slice(fromB * _count, _count).CopyTo(reference[(3 * _count)..]);
            }
            _reference = reference;
        }

        /// <summary>
        /// No arc costs less per metre than the cheapest entry of the profile's own table, and that is often above
        /// <see cref="CompiledProfile.MinCostPerMetre"/> (1 / speed): a wheelchair pays at least 10 % more on every
        /// edge of Heidelberg. A few thousand entries take a microsecond and tighten every potential.
        /// </summary>
        private static double CheapestCostPerMetre(CompiledProfile profile)
        {
            double cheapest = double.PositiveInfinity;
            foreach (double perMetre in profile.ArcCostPerMetre)
            {
                cheapest = Math.Min(cheapest, perMetre);
            }
            return double.IsFinite(cheapest) ? Math.Max(cheapest, profile.MinCostPerMetre) : profile.MinCostPerMetre;
        }

        public double Forward(int vertex)
        {
            ref var cached = ref _cache[vertex];
            if (cached.Stamp != _generation)
            {
                cached.ValueS = Compute(vertex);
                cached.Stamp = _generation;
            }
            return cached.ValueS;
        }

        private double Compute(int vertex)
        {
            int count = _count;
            if (count == 0)
            {
                return 0;
            }
            // Every vertex the search touches shares the landmarks' component, so no distance here is Unreachable.
            var own = _landmarkCm.Slice(vertex * count, count);
            var toA = _reference[..count];
            var toB = _reference.Slice(count, count);
            var fromA = _reference.Slice(2 * count, count);
            var fromB = _reference.Slice(3 * count, count);
            int boundToA = 0, boundToB = 0, boundFromA = 0, boundFromB = 0;
            int l = 0;
            int width = Vector<int>.Count;
            if (Vector.IsHardwareAccelerated && own.Length >= width)
            {
                // 16 landmarks are two AVX2 vectors: the four bounds take a handful of instructions, not 64 scalar steps.
                Vector<int> maxToA = default, maxToB = default, maxFromA = default, maxFromB = default;
                for (; l <= own.Length - width; l += width)
                {
                    var d = new Vector<int>(own[l..]);
                    maxToA = Vector.Max(maxToA, Vector.Abs(d - new Vector<int>(toA[l..])));
                    maxToB = Vector.Max(maxToB, Vector.Abs(d - new Vector<int>(toB[l..])));
                    maxFromA = Vector.Max(maxFromA, Vector.Abs(d - new Vector<int>(fromA[l..])));
                    maxFromB = Vector.Max(maxFromB, Vector.Abs(d - new Vector<int>(fromB[l..])));
                }
                for (int lane = 0; lane < width; lane++)
                {
                    boundToA = Math.Max(boundToA, maxToA[lane]);
                    boundToB = Math.Max(boundToB, maxToB[lane]);
                    boundFromA = Math.Max(boundFromA, maxFromA[lane]);
                    boundFromB = Math.Max(boundFromB, maxFromB[lane]);
                }
            }
            for (; l < own.Length; l++)
            {
                int d = own[l];
                boundToA = Math.Max(boundToA, Math.Abs(d - toA[l]));
                boundToB = Math.Max(boundToB, Math.Abs(d - toB[l]));
                boundFromA = Math.Max(boundFromA, Math.Abs(d - fromA[l]));
                boundFromB = Math.Max(boundFromB, Math.Abs(d - fromB[l]));
            }
            double toEndCm = Math.Min(boundToA + _toAExtraCm, boundToB + _toBExtraCm);
            double fromStartCm = Math.Min(boundFromA + _fromAExtraCm, boundFromB + _fromBExtraCm);
            return (toEndCm - fromStartCm) * _halfCostPerCm;
        }
    }
}
