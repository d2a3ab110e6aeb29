using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// The exact query on a customized hierarchy, without a priority queue: the elimination-tree query of Bauer, Columbus,
/// Rutter and Wagner (2016) with pruning. Every shortcut leads to an ancestor in the elimination tree, so the upward
/// search space of a vertex is its chain of ancestors, and in rank order each label is final when its vertex is
/// reached. The four chains (both ends of the start edge forwards, both ends of the end edge backwards) are walked
/// together in rank order; a vertex on a forward and a backward chain offers a meeting, and a label no cheaper than
/// the best meeting so far relaxes nothing.
/// <para>
/// Costs are those of <see cref="SearchCosts"/>: the seeds are the start and end parts along the snap points' edges,
/// the shortcuts sum <see cref="CompiledProfile.ArcCost"/>, and the found path is unpacked into graph arcs and summed
/// again front to back, so it reports exactly what ALT and Dijkstra report for the same path.
/// </para>
/// </summary>
internal static class HierarchySearch
{
    public static SearchPath? Find(CustomizedHierarchy hierarchy, CompiledProfile profile, SearchSpace space, SnapPoint from, SnapPoint to)
    {
        var topology = hierarchy.Topology;
        var graph = topology.Graph;
        var rank = topology.Rank;
        int fromA = graph.EdgeFrom[from.Edge], fromB = graph.EdgeTo[from.Edge];
        int toA = graph.EdgeFrom[to.Edge], toB = graph.EdgeTo[to.Edge];

        space.NextGeneration();
        int generation = space.Generation;
        var forward = space.Forward;
        var backward = space.Backward;
        foreach (int start in (ReadOnlySpan<int>)[fromA, fromB])
        {
            Seed(forward, generation, rank[start], SearchCosts.Start(graph, profile, from, start));
        }
        foreach (int end in (ReadOnlySpan<int>)[toA, toB])
        {
            // A blocked vertex ends no path (every way onto it costs +infinity), as in the other searches.
            if (!double.IsPositiveInfinity(profile.VertexCost(end)))
            {
                Seed(backward, generation, rank[end], SearchCosts.End(graph, profile, to, end));
            }
        }

        double bestS = SearchCosts.SameEdge(graph, profile, from, to);
        int meeting = -1;
        int settled = 0;
        var parent = topology.Parent;
        var forwardArcs = hierarchy.Forward;
        var backwardArcs = hierarchy.Backward;
        int forwardA = rank[fromA], forwardB = rank[fromB], backwardA = rank[toA], backwardB = rank[toB];
        while (true)
        {
            // The lowest rank left on any chain; a finished chain is -1, the largest unsigned value.
            uint lowest = Math.Min(Math.Min((uint)forwardA, (uint)forwardB), Math.Min((uint)backwardA, (uint)backwardB));
            if (lowest == uint.MaxValue)
            {
                break;
            }
            int v = (int)lowest;
            bool onForward = forwardA == v || forwardB == v;
            bool onBackward = backwardA == v || backwardB == v;
            if (forwardA == v) forwardA = parent[v];
            if (forwardB == v) forwardB = parent[v];
            if (backwardA == v) backwardA = parent[v];
            if (backwardB == v) backwardB = parent[v];
            settled++;

            double forwardS = onForward && forward[v].Stamp == generation ? forward[v].CostS : double.PositiveInfinity;
            double backwardS = onBackward && backward[v].Stamp == generation ? backward[v].CostS : double.PositiveInfinity;
            if (forwardS + backwardS < bestS)
            {
                bestS = forwardS + backwardS;
                meeting = v;
            }
            if (forwardS < bestS)
            {
                Relax(forward, generation, v, forwardS, forwardArcs);
            }
            if (backwardS < bestS)
            {
                Relax(backward, generation, v, backwardS, backwardArcs);
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
        return Assemble(hierarchy, profile, space, from, to, meeting, settled);
    }

    private static void Seed(SearchSpace.Label[] labels, int generation, int rank, double costS)
    {
        if (!(costS < double.PositiveInfinity))
        {
            return;
        }
        ref var label = ref labels[rank];
        if (label.Stamp != generation || costS < label.CostS)
        {
            label = new SearchSpace.Label { CostS = costS, ParentArc = -1, Stamp = generation };
        }
    }

    private static void Relax(SearchSpace.Label[] labels, int generation, int v, double costS, QueryArcs queryArcs)
    {
        var arcs = queryArcs.Arcs;
        int end = queryArcs.First[v + 1];
        for (int i = queryArcs.First[v]; i < end; i++)
        {
            ref readonly var arc = ref arcs[i];
            double reached = costS + arc.CostS;
            ref var label = ref labels[arc.Head];
            if (label.Stamp != generation || reached < label.CostS)
            {
                label = new SearchSpace.Label { CostS = reached, ParentArc = arc.Shortcut, Stamp = generation };
            }
        }
    }

    /// <summary>Unpacks the shortcuts from the start up to the meeting rank and from there down to the end into graph arcs.</summary>
    private static SearchPath Assemble(CustomizedHierarchy hierarchy, CompiledProfile profile, SearchSpace space, SnapPoint from, SnapPoint to,
        int meeting, int settled)
    {
        var topology = hierarchy.Topology;
        var graph = topology.Graph;
        var arcs = space.HierarchyArcs;
        var pending = space.HierarchyPending;
        arcs.Clear();

        // The forward branch is recorded from the meeting down; its shortcuts are unpacked from the start up.
        var upwards = space.PathScratch;
        int count = 0;
        int first = meeting;
        for (int shortcut = space.Forward[first].ParentArc; shortcut >= 0; shortcut = space.Forward[first].ParentArc)
        {
            upwards[count++] = shortcut;
            first = topology.Tail[shortcut];
        }
        for (int i = count - 1; i >= 0; i--)
        {
            hierarchy.Unpack(upwards[i], goingUp: true, arcs, pending);
        }
        int last = meeting;
        for (int shortcut = space.Backward[last].ParentArc; shortcut >= 0; shortcut = space.Backward[last].ParentArc)
        {
            hierarchy.Unpack(shortcut, goingUp: false, arcs, pending);
            last = topology.Tail[shortcut];
        }

        int firstVertex = topology.Order[first], lastVertex = topology.Order[last];
        int[] pathArcs = [.. arcs];
        double costS = SearchCosts.Path(graph, profile, from, to, firstVertex, pathArcs, lastVertex);
        return new SearchPath(from, to, firstVertex, pathArcs, lastVertex, costS, settled);
    }
}
