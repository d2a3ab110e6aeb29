using System.Diagnostics;
using System.Runtime.CompilerServices;
using Routing.Engine.Profiles;
using Routing.Engine.Search;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// A <see cref="ContractionHierarchy"/> weighted for one compiled profile: for every shortcut how its cost up (tail to
/// head) and down (head to tail) is made, either one graph arc or two shortcuts through a lower vertex, and the arcs a
/// query relaxes. First the basic customization of Dibbelt, Strasser and Wagner: each shortcut starts as the cheapest
/// graph arc it stands for (with <see cref="CompiledProfile.ArcCost"/>, so the costs are the ones every search uses),
/// then the vertices are taken in rank order and each lower triangle offers a way round through its lowest vertex.
/// After that every shortcut costs what the cheapest path between its ends through lower vertices costs, which is all
/// an elimination-tree query needs to be exact.
/// <para>
/// Then their perfect customization, taken in reverse rank order, finds each shortcut direction's true cost, and only
/// the directions whose basic cost equals it become query arcs (<see cref="Forward"/>, <see cref="Backward"/>). That
/// keeps every query exact: on a cheapest up-down path every shortcut costs the true distance between its ends (a
/// part of a cheapest path is a cheapest path), so no shortcut of it is dropped; the dropped ones are those whose
/// cheapest way round leads through a higher vertex, which the query reaches by that way. A third to a half of the
/// directions go (more where a profile blocks much), most of them between the high separator vertices every query
/// passes, and a query relaxes only what is left.
/// </para>
/// <para>
/// Blocked arcs cost +infinity and stay so unless a way round exists; relaxed profiles carry their penalties like any
/// other cost. Immutable once built; one per profile and overlay (<see cref="CompiledProfile.Hierarchy"/>).
/// </para>
/// </summary>
internal sealed class CustomizedHierarchy
{
    private CustomizedHierarchy(ContractionHierarchy topology, QueryArcs forward, QueryArcs backward, int[] upHow, int[] downHow, TimeSpan time)
    {
        Topology = topology;
        Forward = forward;
        Backward = backward;
        UpHow = upHow;
        DownHow = downHow;
        CustomizationTime = time;
    }

    public ContractionHierarchy Topology { get; }

    /// <summary>What a forward search relaxes from each rank: the shortcuts up, at their cost from tail to head.</summary>
    public QueryArcs Forward { get; }

    /// <summary>What a backward search relaxes from each rank: the shortcuts up, at their cost from head to tail.</summary>
    public QueryArcs Backward { get; }

    /// <summary>
    /// How a shortcut's cost up is made: through a lower vertex v, given as the shortcut from v to the tail (≥ 0), or
    /// one graph arc a encoded as <c>-(a + 1)</c>.
    /// </summary>
    public int[] UpHow { get; }

    /// <summary>How a shortcut's cost down is made, encoded as <see cref="UpHow"/>.</summary>
    public int[] DownHow { get; }

    public TimeSpan CustomizationTime { get; }

    /// <summary>What a shortcut direction with no way at all is made of: nothing a found path can contain.</summary>
    private const int Nothing = int.MinValue;

    public static CustomizedHierarchy Customize(ContractionHierarchy topology, CompiledProfile profile)
    {
        if (!ReferenceEquals(profile.Graph, topology.Graph))
        {
            throw new ArgumentException("the profile was compiled for another graph", nameof(profile));
        }
        var clock = Stopwatch.StartNew();
        var graph = topology.Graph;
        int count = topology.ShortcutCount;
        var up = new double[count];
        var down = new double[count];
        var upHow = new int[count];
        var downHow = new int[count];
        Array.Fill(up, double.PositiveInfinity);
        Array.Fill(down, double.PositiveInfinity);
        Array.Fill(upHow, Nothing);
        Array.Fill(downHow, Nothing);

        var rank = topology.Rank;
        var edgeShortcut = topology.EdgeShortcut;
        for (int edge = 0; edge < edgeShortcut.Length; edge++)
        {
            int shortcut = edgeShortcut[edge];
            if (shortcut < 0)
            {
                continue;
            }
            // The arc from the lower-ranked end goes up, the other one down; parallel edges keep the cheaper arc.
            bool forwardGoesUp = rank[graph.EdgeFrom[edge]] < rank[graph.EdgeTo[edge]];
            for (int direction = 0; direction < 2; direction++)
            {
                int arc = (2 * edge) + direction;
                double cost = SearchCosts.Blocked(profile.ArcCost(graph, arc));
                if (forwardGoesUp == (direction == 0))
                {
                    if (cost < up[shortcut])
                    {
                        (up[shortcut], upHow[shortcut]) = (cost, -(arc + 1));
                    }
                }
                else if (cost < down[shortcut])
                {
                    (down[shortcut], downHow[shortcut]) = (cost, -(arc + 1));
                }
            }
        }

        // By the time v is taken, all of v's own shortcuts are final: their lower triangles lie lower still.
        var basic = new BasicTriangle(up, down, upHow, downHow);
        for (int v = 0; v < topology.Rank.Length; v++)
        {
            ForEachTriangle(topology, v, ref basic);
        }

        // By the time v is taken, every shortcut between its upper neighbours has its true cost.
        double[] trueUp = (double[])up.Clone(), trueDown = (double[])down.Clone();
        var perfect = new PerfectTriangle(trueUp, trueDown);
        for (int v = topology.Rank.Length - 1; v >= 0; v--)
        {
            ForEachTriangle(topology, v, ref perfect);
        }
        var forward = QueryArcs.Keep(topology, up, trueUp);
        var backward = QueryArcs.Keep(topology, down, trueDown);
        return new CustomizedHierarchy(topology, forward, backward, upHow, downHow, clock.Elapsed);
    }

    /// <summary>One triangle of ranks v below u below w, by its shortcuts v – u, v – w and u – w.</summary>
    private interface ITriangle
    {
        void Visit(int vu, int vw, int uw);
    }

    /// <summary>Every triangle whose lowest rank is <paramref name="v"/> (v's upper neighbours are a clique).</summary>
    // Fully optimized from the first call: it runs a few times per customization, each time for milliseconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForEachTriangle<T>(ContractionHierarchy topology, int v, ref T triangle) where T : struct, ITriangle
    {
        var upFirst = topology.UpFirst;
        var upHead = topology.UpHead;
        int end = upFirst[v + 1];
        for (int vu = upFirst[v]; vu < end; vu++)
        {
            int u = upHead[vu];
            int vw = vu + 1, uw = upFirst[u], uEnd = upFirst[u + 1];
            while (vw < end && uw < uEnd)
            {
                int w = upHead[vw];
                int other = upHead[uw];
                if (w < other)
                {
                    vw++;
                }
                else if (w > other)
                {
                    uw++;
                }
                else
                {
                    triangle.Visit(vu, vw, uw);
                    vw++;
                    uw++;
                }
            }
        }
    }

    /// <summary>The lowest vertex v offers a way round to the shortcut u – w: u → v → w, and w → v → u back.</summary>
    private readonly struct BasicTriangle(double[] up, double[] down, int[] upHow, int[] downHow) : ITriangle
    {
        public void Visit(int vu, int vw, int uw)
        {
            double viaUp = down[vu] + up[vw];
            if (viaUp < up[uw])
            {
                (up[uw], upHow[uw]) = (viaUp, vu);
            }
            double viaDown = down[vw] + up[vu];
            if (viaDown < down[uw])
            {
                (down[uw], downHow[uw]) = (viaDown, vu);
            }
        }
    }

    /// <summary>
    /// The higher vertices offer ways round to v's shortcuts: v – u through w above both, v – w through u between.
    /// The shortcut u – w is already true, so each of v's shortcuts is true once every triangle of v is seen: a
    /// cheapest path from v leaves it by some shortcut v – x and then costs no less than the true x – u or x – w.
    /// </summary>
    private readonly struct PerfectTriangle(double[] up, double[] down) : ITriangle
    {
        public void Visit(int vu, int vw, int uw)
        {
            up[vu] = Math.Min(up[vu], up[vw] + down[uw]);     // v → w → u
            down[vu] = Math.Min(down[vu], up[uw] + down[vw]); // u → w → v
            up[vw] = Math.Min(up[vw], up[vu] + up[uw]);       // v → u → w
            down[vw] = Math.Min(down[vw], down[uw] + down[vu]); // w → u → v
        }
    }

    /// <summary>
    /// Appends the graph arcs a shortcut direction stands for, in travel order. Iterative (an explicit stack), since a
    /// shortcut near the top may stand for hundreds of arcs.
    /// </summary>
    public void Unpack(int shortcut, bool goingUp, List<int> arcs, Stack<(int Shortcut, bool GoingUp)> pending)
    {
        pending.Clear();
        pending.Push((shortcut, goingUp));
        var topology = Topology;
        while (pending.TryPop(out var next))
        {
            int how = next.GoingUp ? UpHow[next.Shortcut] : DownHow[next.Shortcut];
            if (how < 0)
            {
                Debug.Assert(how != Nothing, "a found path only contains shortcuts with a way");
                arcs.Add(-(how + 1));
                continue;
            }
            // The shortcut u – w through the middle v: u → w is u → v (down v – u) then v → w (up v – w);
            // w → u is w → v (down v – w) then v → u (up v – u). Pushed in reverse, so they pop in travel order.
            int vu = how;
            int vw = topology.Shortcut(topology.Tail[vu], topology.UpHead[next.Shortcut]);
            if (next.GoingUp)
            {
                pending.Push((vw, true));
                pending.Push((vu, false));
            }
            else
            {
                pending.Push((vu, true));
                pending.Push((vw, false));
            }
        }
    }
}

/// <summary>
/// The shortcut directions a query relaxes, per rank <c>First[r] .. First[r + 1]</c> in the order of the hierarchy's
/// shortcuts: each with its head rank, its shortcut (to unpack the path) and its cost. One array of structs, so a
/// relaxation reads one place.
/// </summary>
internal sealed class QueryArcs(int[] first, QueryArc[] arcs)
{
    public int[] First { get; } = first;

    public QueryArc[] Arcs { get; } = arcs;

    /// <summary>How many shortcut directions are kept.</summary>
    public int Count => Arcs.Length;

    /// <summary>The directions whose basic cost is finite and true (equal to the perfect one).</summary>
    public static QueryArcs Keep(ContractionHierarchy topology, double[] basic, double[] perfect)
    {
        int kept = 0;
        for (int shortcut = 0; shortcut < basic.Length; shortcut++)
        {
            if (IsKept(basic[shortcut], perfect[shortcut]))
            {
                kept++;
            }
        }
        var upFirst = topology.UpFirst;
        var upHead = topology.UpHead;
        int ranks = upFirst.Length - 1;
        var first = new int[ranks + 1];
        var arcs = new QueryArc[kept];
        int next = 0;
        for (int r = 0; r < ranks; r++)
        {
            first[r] = next;
            for (int shortcut = upFirst[r]; shortcut < upFirst[r + 1]; shortcut++)
            {
                if (IsKept(basic[shortcut], perfect[shortcut]))
                {
                    arcs[next++] = new QueryArc(upHead[shortcut], shortcut, basic[shortcut]);
                }
            }
        }
        first[ranks] = next;
        return new QueryArcs(first, arcs);
    }

    private static bool IsKept(double basic, double perfect) => basic < double.PositiveInfinity && basic <= perfect;
}

/// <summary>A shortcut direction a query relaxes.</summary>
internal readonly record struct QueryArc(int Head, int Shortcut, double CostS);
