using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Snapping;

/// <summary>
/// The part of the graph a compiled profile can travel both ways: the largest strongly connected component over the
/// arcs the profile may use (an arc is usable when <see cref="CompiledProfile.ArcCost"/>, which includes the vertex it
/// enters, is finite). From every vertex of it the profile reaches every other, so a route between two points placed
/// on it always exists; everything else is an island of this profile, whether the map leaves it unjoined (a static
/// island: another component of the graph) or the profile's own rules cut it off (a pavement between two flights of
/// steps, for a wheelchair).
/// <para>
/// Tarjan's algorithm, iterative, over plain arrays (scratch rented from the shared pool, so a one-off profile leaves
/// only the two answers behind): linear in vertices and arcs. Made once per compiled profile, on first use
/// (<see cref="CompiledProfile.Network"/>); immutable afterwards.
/// </para>
/// <para>
/// The main network depends only on which arcs and vertices the profile blocks, and most settings a request changes
/// (speed, comfort, what unknown data costs) block nothing new: <see cref="Of"/> shares one network among the profiles
/// of a graph and overlay that block the same, so a request with new settings seldom pays for a search of the whole graph.
/// </para>
/// </summary>
internal sealed class ProfileNetwork
{
    /// <summary>More shared networks than this per graph empty the store: a flood of distinct limits cannot grow it.</summary>
    private const int SharedCapacity = 64;

    private static readonly ConditionalWeakTable<RoutingGraph, ConcurrentDictionary<Blocking, ProfileNetwork>> Shared = new();

    private readonly bool[] _vertexOnMain;
    private readonly bool[] _edgeOnMain;

    /// <summary>The network of the profile: shared with every profile of the graph and overlay that blocks the same.</summary>
    public static ProfileNetwork Of(RoutingGraph graph, CompiledProfile profile)
    {
        var networks = Shared.GetValue(graph, static _ => new ConcurrentDictionary<Blocking, ProfileNetwork>());
        var key = Blocking.Of(profile);
        if (networks.TryGetValue(key, out var network))
        {
            return network;
        }
        if (networks.Count >= SharedCapacity)
        {
            networks.Clear();
        }
        return networks.GetOrAdd(key, new ProfileNetwork(graph, profile));
    }

    public ProfileNetwork(RoutingGraph graph, CompiledProfile profile)
    {
        _vertexOnMain = LargestStrongComponent(graph, profile, out int mainVertices);
        MainVertexCount = mainVertices;
        MainGraphComponent = mainVertices == 0 ? -1 : graph.VertexComponent[Array.IndexOf(_vertexOnMain, true)];
        _edgeOnMain = new bool[graph.EdgeCount];
        var from = graph.EdgeFrom;
        var to = graph.EdgeTo;
        for (int edge = 0; edge < _edgeOnMain.Length; edge++)
        {
            // A point inside the edge leaves it towards an end the edge may be travelled to and arrives from an end it
            // may be travelled from; both must be main vertices.
            bool forward = profile.PartialEdgeCost(graph, edge, backward: false, 1) < double.PositiveInfinity;
            bool backward = profile.PartialEdgeCost(graph, edge, backward: true, 1) < double.PositiveInfinity;
            bool fromMain = _vertexOnMain[from[edge]], toMain = _vertexOnMain[to[edge]];
            _edgeOnMain[edge] = ((forward && toMain) || (backward && fromMain)) && ((forward && fromMain) || (backward && toMain));
        }
    }

    /// <summary>How many vertices the main network has (0 when the profile may use no arc at all).</summary>
    public int MainVertexCount { get; }

    /// <summary>The graph component (<see cref="RoutingGraph.VertexComponent"/>) the main network lies in; -1 when empty.</summary>
    public int MainGraphComponent { get; }

    public bool IsMainVertex(int vertex) => _vertexOnMain[vertex];

    /// <summary>Whether a point inside the edge can reach the main network and be reached from it.</summary>
    public bool IsOnMain(int edge) => _edgeOnMain[edge];

    /// <summary>
    /// Whether the edge lies in another component of the graph than the main network: it shares no vertex with any
    /// way joined to it, which in a city is a gap in the map (an area outlined apart from the pavement it borders)
    /// rather than a place nobody can leave.
    /// </summary>
    public bool IsStaticIsland(RoutingGraph graph, int edge) => graph.VertexComponent[graph.EdgeFrom[edge]] != MainGraphComponent;

    /// <summary>
    /// Marks the vertices of the largest strongly connected component. Iterative Tarjan: <c>order</c> numbers vertices
    /// as the depth-first search reaches them, <c>low</c> is the smallest number reachable from a vertex's subtree
    /// through vertices still on the component stack, and a vertex whose <c>low</c> is its own number closes a component.
    /// </summary>
    private static bool[] LargestStrongComponent(RoutingGraph graph, CompiledProfile profile, out int largestSize)
    {
        int vertices = graph.VertexCount;
        var firstArc = graph.FirstArc;
        var arcs = graph.Arcs;
        var edgeClass = profile.EdgeClassIds;
        var nodeClass = profile.VertexNodeClasses;
        var perMetre = profile.ArcCostPerMetre;
        var fixedCost = profile.ArcFixedCost;
        var nodeCost = profile.NodeCost;
        var pool = ArrayPool<int>.Shared;
        var order = pool.Rent(vertices);          // 0: not reached yet; int.MaxValue: in a closed component; else 1 + the order reached
        var low = pool.Rent(vertices);
        var component = pool.Rent(vertices);
        var nextArc = pool.Rent(vertices);        // the next adjacency position to look at, per vertex on the path
        var componentStack = pool.Rent(vertices);
        var path = pool.Rent(vertices);
        Array.Clear(order, 0, vertices);
        int reached = 0, components = 0, stackSize = 0;
        int largest = -1;
        largestSize = 0;
        for (int root = 0; root < vertices; root++)
        {
            if (order[root] != 0)
            {
                continue;
            }
            int depth = 0;
            for (int enter = root; ;)
            {
                if (enter >= 0)
                {
                    order[enter] = low[enter] = ++reached;
                    nextArc[enter] = firstArc[enter];
                    componentStack[stackSize++] = enter;
                    path[depth++] = enter;
                    enter = -1;
                }
                if (depth == 0)
                {
                    break;
                }
                int v = path[depth - 1];
                if (nextArc[v] < firstArc[v + 1])
                {
                    int arc = arcs[nextArc[v]++];
                    int kind = (2 * edgeClass[arc >> 1]) + (arc & 1);
                    int w = graph.ArcHead(arc);
                    // Usable as CompiledProfile.ArcCost is finite: the arc and the vertex it enters.
                    if (double.IsPositiveInfinity(perMetre[kind]) || double.IsPositiveInfinity(fixedCost[kind])
                        || double.IsPositiveInfinity(nodeCost[nodeClass[w]]))
                    {
                        continue;
                    }
                    if (order[w] == 0)
                    {
                        enter = w;
                    }
                    else
                    {
                        low[v] = Math.Min(low[v], order[w]); // a closed component's order is int.MaxValue: no effect
                    }
                    continue;
                }
                depth--;
                if (depth > 0)
                {
                    int parent = path[depth - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
                if (low[v] == order[v])
                {
                    int size = 0, w;
                    do
                    {
                        w = componentStack[--stackSize];
                        component[w] = components;
                        order[w] = int.MaxValue;
                        size++;
                    }
                    while (w != v);
                    if (size > largestSize)
                    {
                        (largest, largestSize) = (components, size);
                    }
                    components++;
                }
            }
        }

        // A single vertex is a component too, but not a network: with no usable arc there is no main network.
        if (largestSize < 2)
        {
            largestSize = 0;
            largest = -1;
        }
        var onMain = new bool[vertices];
        for (int v = 0; v < vertices; v++)
        {
            onMain[v] = component[v] == largest && largest >= 0;
        }
        foreach (var scratch in (int[][])[order, low, component, nextArc, componentStack, path])
        {
            pool.Return(scratch);
        }
        return onMain;
    }

    /// <summary>
    /// What a profile blocks, the whole of what its main network depends on: one bit per arc kind (blocked when its
    /// cost per metre or its fixed cost is infinite) and per node class, with the overlay whose classes they index.
    /// </summary>
    private sealed class Blocking : IEquatable<Blocking>
    {
        private readonly long _overlayVersion;
        private readonly ulong[] _bits;
        private readonly int _hash;

        private Blocking(long overlayVersion, ulong[] bits)
        {
            _overlayVersion = overlayVersion;
            _bits = bits;
            var hash = new HashCode();
            hash.Add(overlayVersion);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes<ulong>(bits));
            _hash = hash.ToHashCode();
        }

        public static Blocking Of(CompiledProfile profile)
        {
            var perMetre = profile.ArcCostPerMetre;
            var fixedCost = profile.ArcFixedCost;
            var nodeCost = profile.NodeCost;
            var bits = new ulong[((perMetre.Length + nodeCost.Length) >> 6) + 1];
            for (int kind = 0; kind < perMetre.Length; kind++)
            {
                if (double.IsPositiveInfinity(perMetre[kind]) || double.IsPositiveInfinity(fixedCost[kind]))
                {
                    bits[kind >> 6] |= 1UL << (kind & 63);
                }
            }
            for (int node = 0, bit = perMetre.Length; node < nodeCost.Length; node++, bit++)
            {
                if (double.IsPositiveInfinity(nodeCost[node]))
                {
                    bits[bit >> 6] |= 1UL << (bit & 63);
                }
            }
            return new Blocking(profile.Overlay.CostVersion, bits);
        }

        public bool Equals(Blocking? other) =>
            other is not null && other._overlayVersion == _overlayVersion && other._bits.AsSpan().SequenceEqual(_bits);

        public override bool Equals(object? obj) => Equals(obj as Blocking);

        public override int GetHashCode() => _hash;
    }
}
