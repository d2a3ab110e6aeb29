using System.Diagnostics;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// The metric-independent part of a customizable contraction hierarchy: the graph's vertices ranked by
/// <see cref="NestedDissection"/>, and the chordal supergraph that contracting them in that order yields. Each
/// shortcut joins a lower-ranked vertex (its <see cref="Tail"/>) to a higher-ranked one (its head); all shortcuts of a
/// vertex lead to its ancestors in the elimination tree (<see cref="Parent"/>), so a query only walks two chains of
/// ancestors (<see cref="HierarchySearch"/>). Weights belong to a profile and come from <see cref="Customize"/>.
/// Everything here is indexed by rank, not by vertex. Immutable and thread-safe once built.
/// </summary>
internal sealed class ContractionHierarchy
{
    private ContractionHierarchy(RoutingGraph graph, int[] order, int[] rank, int[] upFirst, int[] upHead, int[] tail,
        int[] parent, int[] edgeShortcut, TimeSpan buildTime)
    {
        Graph = graph;
        Order = order;
        Rank = rank;
        UpFirst = upFirst;
        UpHead = upHead;
        Tail = tail;
        Parent = parent;
        EdgeShortcut = edgeShortcut;
        BuildTime = buildTime;
    }

    public RoutingGraph Graph { get; }

    /// <summary>The vertex of each rank.</summary>
    public int[] Order { get; }

    /// <summary>The rank of each vertex.</summary>
    public int[] Rank { get; }

    /// <summary>The shortcuts of rank r are <c>UpFirst[r] .. UpFirst[r + 1]</c>, sorted by head rank.</summary>
    public int[] UpFirst { get; }

    /// <summary>The higher-ranked end of each shortcut.</summary>
    public int[] UpHead { get; }

    /// <summary>The lower-ranked end of each shortcut.</summary>
    public int[] Tail { get; }

    /// <summary>Each rank's parent in the elimination tree (its lowest-ranked upper neighbour), -1 for a root.</summary>
    public int[] Parent { get; }

    /// <summary>The shortcut each graph edge lies on; -1 for a loop, which no cheapest path between vertices uses.</summary>
    public int[] EdgeShortcut { get; }

    public int ShortcutCount => UpHead.Length;

    /// <summary>How long ordering and contracting took.</summary>
    public TimeSpan BuildTime { get; }

    public static ContractionHierarchy Build(RoutingGraph graph)
    {
        var clock = Stopwatch.StartNew();
        int n = graph.VertexCount;
        int[] order = NestedDissection.Order(graph);
        var rank = new int[n];
        for (int r = 0; r < n; r++)
        {
            rank[order[r]] = r;
        }

        // Contract in rank order: the upper neighbours of a vertex become a clique, which is the same as handing them
        // all to the lowest of them (RoutingKit's construction); that one is the vertex's parent in the elimination tree.
        var upper = new List<int>[n];
        for (int r = 0; r < n; r++)
        {
            upper[r] = [];
        }
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int a = rank[graph.EdgeFrom[edge]], b = rank[graph.EdgeTo[edge]];
            if (a != b)
            {
                upper[Math.Min(a, b)].Add(Math.Max(a, b));
            }
        }
        var parent = new int[n];
        long shortcutCount = 0;
        for (int r = 0; r < n; r++)
        {
            var list = upper[r];
            list.Sort();
            int distinct = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (distinct == 0 || list[distinct - 1] != list[i])
                {
                    list[distinct++] = list[i];
                }
            }
            list.RemoveRange(distinct, list.Count - distinct);
            shortcutCount += distinct;
            parent[r] = distinct == 0 ? -1 : list[0];
            if (distinct > 1)
            {
                upper[list[0]].AddRange(list.Skip(1));
            }
        }

        var upFirst = new int[n + 1];
        var upHead = new int[checked((int)shortcutCount)];
        var tail = new int[upHead.Length];
        int next = 0;
        for (int r = 0; r < n; r++)
        {
            upFirst[r] = next;
            foreach (int head in upper[r])
            {
                tail[next] = r;
                upHead[next++] = head;
            }
            upper[r] = null!; // let the contraction's lists go while the rest is built
        }
        upFirst[n] = next;

        var edgeShortcut = new int[graph.EdgeCount];
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int a = rank[graph.EdgeFrom[edge]], b = rank[graph.EdgeTo[edge]];
            edgeShortcut[edge] = a == b ? -1 : Find(upFirst, upHead, Math.Min(a, b), Math.Max(a, b));
        }
        return new ContractionHierarchy(graph, order, rank, upFirst, upHead, tail, parent, edgeShortcut, clock.Elapsed);
    }

    /// <summary>The shortcut from rank <paramref name="low"/> up to rank <paramref name="high"/>; it must exist.</summary>
    public int Shortcut(int low, int high) => Find(UpFirst, UpHead, low, high);

    private static int Find(int[] upFirst, int[] upHead, int low, int high)
    {
        int found = Array.BinarySearch(upHead, upFirst[low], upFirst[low + 1] - upFirst[low], high);
        if (found < 0)
        {
            throw new InvalidOperationException($"no shortcut from rank {low} to rank {high}: the hierarchy is not chordal");
        }
        return found;
    }

    /// <summary>The number of ranks on the way from <paramref name="rank"/> to its root: what a query walks per end.</summary>
    public int Depth(int rank)
    {
        int depth = 0;
        for (int r = rank; r >= 0; r = Parent[r])
        {
            depth++;
        }
        return depth;
    }

    /// <summary>Weights for one compiled profile (with its overlay), exact for every cheapest path.</summary>
    public CustomizedHierarchy Customize(CompiledProfile profile) => CustomizedHierarchy.Customize(this, profile);
}
