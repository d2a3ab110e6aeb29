using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Search;

/// <summary>
/// Plain unidirectional Dijkstra from the start point to the end point: the reference every faster search is checked
/// against. Deliberately simple and independent of the fast search's machinery (its own arrays, the framework's
/// priority queue with stale entries), so that a bug there cannot hide in both. Allocates per call; not for serving.
/// </summary>
internal static class DijkstraSearch
{
    public static SearchPath? Find(RoutingGraph graph, CompiledProfile profile, SnapPoint from, SnapPoint to)
    {
        int vertexCount = graph.VertexCount;
        var costS = new double[vertexCount];
        Array.Fill(costS, double.PositiveInfinity);
        var parentArc = new int[vertexCount];
        Array.Fill(parentArc, -1);
        var settled = new bool[vertexCount];
        var queue = new PriorityQueue<int, double>();

        // The best complete path so far: directly along a shared edge (lastVertex -1) or ending at lastVertex.
        double bestS = SearchCosts.SameEdge(graph, profile, from, to);
        int bestLastVertex = -1;

        foreach (int start in (ReadOnlySpan<int>)[graph.EdgeFrom[from.Edge], graph.EdgeTo[from.Edge]])
        {
            double c = SearchCosts.Start(graph, profile, from, start);
            if (c < costS[start])
            {
                costS[start] = c;
                queue.Enqueue(start, c);
            }
        }

        int endA = graph.EdgeFrom[to.Edge], endB = graph.EdgeTo[to.Edge];
        int settledCount = 0;
        while (queue.TryDequeue(out int u, out double key))
        {
            if (settled[u] || key > costS[u])
            {
                continue; // stale entry
            }
            if (key >= bestS)
            {
                break; // every path still open costs at least key
            }
            settled[u] = true;
            settledCount++;
            if (u == endA || u == endB)
            {
                double total = key + SearchCosts.End(graph, profile, to, u);
                if (total < bestS)
                {
                    bestS = total;
                    bestLastVertex = u;
                }
            }
            for (int i = graph.FirstArc[u]; i < graph.FirstArc[u + 1]; i++)
            {
                int arc = graph.Arcs[i];
                int v = graph.ArcHead(arc);
                double c = key + SearchCosts.Blocked(profile.ArcCost(graph, arc));
                if (!settled[v] && c < costS[v])
                {
                    costS[v] = c;
                    parentArc[v] = arc;
                    queue.Enqueue(v, c);
                }
            }
        }

        if (double.IsPositiveInfinity(bestS))
        {
            return null;
        }
        if (bestLastVertex < 0)
        {
            return new SearchPath(from, to, -1, [], -1, bestS, settledCount);
        }
        var arcs = new List<int>();
        int vertex = bestLastVertex;
        while (parentArc[vertex] >= 0)
        {
            arcs.Add(parentArc[vertex]);
            vertex = graph.ArcTail(parentArc[vertex]);
        }
        arcs.Reverse();
        return new SearchPath(from, to, vertex, arcs, bestLastVertex, bestS, settledCount);
    }
}
