using System.Diagnostics;
using Routing.Engine.Profiles;
using Routing.Engine.Search;

namespace Routing.Engine.Hierarchy;

/// <summary>
/// A <see cref="ContractionHierarchy"/> weighted for one compiled profile: for every shortcut the cost up (tail to
/// head) and down (head to tail), and how each is made, either one graph arc or two shortcuts through a lower vertex.
/// The basic customization of Dibbelt, Strasser and Wagner: each shortcut starts as the cheapest graph arc it stands
/// for (with <see cref="CompiledProfile.ArcCost"/>, so the costs are the ones every search uses), then the vertices are
/// taken in rank order and each lower triangle offers a way round through its lowest vertex. After that, every
/// shortcut costs what the cheapest path between its ends through lower vertices costs, which is all an
/// elimination-tree query needs to be exact.
/// <para>
/// Blocked arcs cost +infinity and stay so unless a way round exists; relaxed profiles carry their penalties like any
/// other cost. Immutable once built; one per profile and overlay (<see cref="CompiledProfile.Hierarchy"/>).
/// </para>
/// </summary>
internal sealed class CustomizedHierarchy
{
    private CustomizedHierarchy(ContractionHierarchy topology, double[] up, double[] down, int[] upHow, int[] downHow, TimeSpan time)
    {
        Topology = topology;
        Up = up;
        Down = down;
        UpHow = upHow;
        DownHow = downHow;
        CustomizationTime = time;
    }

    public ContractionHierarchy Topology { get; }

    /// <summary>Cost from the shortcut's tail to its head.</summary>
    public double[] Up { get; }

    /// <summary>Cost from the shortcut's head to its tail.</summary>
    public double[] Down { get; }

    /// <summary>How <see cref="Up"/> is made: a middle rank (≥ 0), or a graph arc a encoded as <c>-(a + 1)</c>.</summary>
    public int[] UpHow { get; }

    /// <summary>How <see cref="Down"/> is made, encoded as <see cref="UpHow"/>.</summary>
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

        // Lower triangles (v, u, w) with v below u below w: u → v → w may beat the shortcut u → w, and w → v → u the
        // one back. By the time v is taken, all of v's own shortcuts are final: their triangles lie lower still.
        var upFirst = topology.UpFirst;
        var upHead = topology.UpHead;
        for (int v = 0; v < upFirst.Length - 1; v++)
        {
            int end = upFirst[v + 1];
            for (int vu = upFirst[v]; vu < end; vu++)
            {
                int u = upHead[vu];
                double uToV = down[vu], vToU = up[vu];
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
                        double viaUp = uToV + up[vw];
                        if (viaUp < up[uw])
                        {
                            (up[uw], upHow[uw]) = (viaUp, v);
                        }
                        double viaDown = down[vw] + vToU;
                        if (viaDown < down[uw])
                        {
                            (down[uw], downHow[uw]) = (viaDown, v);
                        }
                        vw++;
                        uw++;
                    }
                }
            }
        }
        return new CustomizedHierarchy(topology, up, down, upHow, downHow, clock.Elapsed);
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
            int vu = topology.Shortcut(how, topology.Tail[next.Shortcut]);
            int vw = topology.Shortcut(how, topology.UpHead[next.Shortcut]);
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
