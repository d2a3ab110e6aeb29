using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Import;

/// <summary>
/// Cuts walkable ways into edges. A node becomes a vertex when two ways meet there (or a way revisits it), at a
/// way's ends, or when the node carries facts of its own (kerb, barrier, elevator, crossing); the plain nodes in
/// between become the edge's shape.
/// </summary>
internal sealed class WaySplitter
{
    private readonly OsmImporter.Extract _extract;
    private readonly GraphBuilder _builder;
    private readonly GreenAreas _greenAreas;
    /// <summary>How many times walkable ways pass each node (saturating at 2: only "shared or not" matters).</summary>
    private readonly byte[] _passes;
    private readonly int[] _vertexOfNode;
    private readonly List<int> _shapeLat = [];
    private readonly List<int> _shapeLon = [];
    /// <summary>Per elevator node without a <c>level</c> of its own, the levels of the ways that pass it.</summary>
    private readonly Dictionary<int, SortedSet<float>> _elevatorLevelsFromWays = [];
    /// <summary>Elevator nodes that a way without a <c>level</c> passes: the levels they serve are not all known.</summary>
    private readonly HashSet<int> _elevatorsOnUnleveledWays = [];

    /// <param name="greenAreas">The parks, gardens, cemeteries and woods each new edge is looked up in.</param>
    public WaySplitter(OsmImporter.Extract extract, GraphBuilder builder, GreenAreas greenAreas)
    {
        _extract = extract;
        _builder = builder;
        _greenAreas = greenAreas;
        int nodes = extract.Nodes.Count;
        _passes = new byte[nodes];
        _vertexOfNode = new int[nodes];
        Array.Fill(_vertexOfNode, -1);
        foreach (int[] wayNodes in extract.WayNodes)
        {
            foreach (int index in wayNodes)
            {
                if (_passes[index] < 2)
                {
                    _passes[index]++;
                }
            }
        }
    }

    /// <param name="nodes">The way's nodes as the extract resolved them (<see cref="OsmImporter.Extract.WayNodes"/>).</param>
    public void Split(OsmImporter.PendingWay way, int[] nodes)
    {
        if (nodes.Length < 2)
        {
            return;
        }
        CollectElevatorLevels(nodes, way.Levels);
        int start = 0;
        for (int i = 1; i < nodes.Length; i++)
        {
            if (i < nodes.Length - 1 && !IsSplitPoint(nodes[i]))
            {
                continue;
            }
            AddEdge(way, nodes, start, i, KerbFor(way.Facts, start == 0, i == nodes.Length - 1));
            start = i;
        }
    }

    /// <summary>
    /// Gives each elevator node without a <c>level</c> of its own the levels of the ways it joins: an elevator mapped as
    /// the node where a footway on level -1 meets one on level 0 serves -1 and 0. Only when every way it joins has a
    /// level: one way without leaves a level unknown, and a partial list would make a level it serves look foreign.
    /// Call once every way is split.
    /// </summary>
    public void AddElevatorLevelsFromWays()
    {
        foreach (var (node, levels) in _elevatorLevelsFromWays)
        {
            if (_vertexOfNode[node] >= 0 && !_elevatorsOnUnleveledWays.Contains(node))
            {
                _builder.AddVertexLevels(_vertexOfNode[node], [.. levels]);
            }
        }
    }

    private void CollectElevatorLevels(int[] nodes, float[] levels)
    {
        foreach (int node in nodes)
        {
            long id = _extract.Nodes.IdAt(node);
            if (!_extract.NodeFacts.TryGetValue(id, out var facts) || !facts.Has(NodeFlags.Elevator) || _extract.NodeLevels.ContainsKey(id))
            {
                continue;
            }
            if (levels.Length == 0)
            {
                _elevatorsOnUnleveledWays.Add(node);
            }
            else if (_elevatorLevelsFromWays.TryGetValue(node, out var collected))
            {
                collected.UnionWith(levels);
            }
            else
            {
                _elevatorLevelsFromWays[node] = [.. levels];
            }
        }
    }

    /// <summary>Adds straight edges across a pedestrian area between its entries; returns how many.</summary>
    public int AddAreaCrossings(OsmImporter.PendingWay area, int[] ring)
    {
        if (ring.Length < 4 || ring[0] != ring[^1])
        {
            return 0; // not a closed outline
        }
        var lat = new int[ring.Length];
        var lon = new int[ring.Length];
        var entries = new List<int>();
        for (int i = 0; i < ring.Length; i++)
        {
            lat[i] = _extract.Nodes.LatE7At(ring[i]);
            lon[i] = _extract.Nodes.LonE7At(ring[i]);
            // An entry is where another way joins the outline; the closing point repeats the first.
            if (i < ring.Length - 1 && _passes[ring[i]] >= 2 && _vertexOfNode[ring[i]] >= 0)
            {
                entries.Add(i);
            }
        }
        var facts = area.Facts.Class with { Flags = area.Facts.Class.Flags | EdgeFlags.AreaCrossing };
        var pairs = PedestrianAreaCrossings.VisiblePairs(lat, lon, entries);
        foreach (var (a, b) in pairs)
        {
            _builder.AddEdge(_vertexOfNode[ring[a]], _vertexOfNode[ring[b]], facts, area.WayId, area.Name, [], []);
        }
        return pairs.Count;
    }

    private bool IsSplitPoint(int node) => _passes[node] >= 2 || _vertexOfNode[node] >= 0 || _extract.NodeFacts.ContainsKey(_extract.Nodes.IdAt(node));

    private int VertexOf(int node)
    {
        if (_vertexOfNode[node] < 0)
        {
            long id = _extract.Nodes.IdAt(node);
            _vertexOfNode[node] = _builder.AddVertex(id, _extract.Nodes.LatE7At(node), _extract.Nodes.LonE7At(node),
                _extract.NodeFacts.GetValueOrDefault(id));
            if (_extract.NodeLevels.TryGetValue(id, out float[]? levels))
            {
                _builder.AddVertexLevels(_vertexOfNode[node], levels);
            }
        }
        return _vertexOfNode[node];
    }

    /// <summary>Adds the edge over nodes[from..to]; a loop back to its own start is cut in two at its middle point.</summary>
    private int AddEdge(OsmImporter.PendingWay way, int[] nodes, int from, int to, EdgeClass facts)
    {
        if (nodes[from] == nodes[to])
        {
            if (to - from < 2)
            {
                return -1;
            }
            int middle = (from + to) / 2;
            AddEdge(way, nodes, from, middle, facts);
            return AddEdge(way, nodes, middle, to, facts);
        }
        _shapeLat.Clear();
        _shapeLon.Clear();
        for (int i = from + 1; i < to; i++)
        {
            _shapeLat.Add(_extract.Nodes.LatE7At(nodes[i]));
            _shapeLon.Add(_extract.Nodes.LonE7At(nodes[i]));
        }
        int edge = _builder.AddEdge(VertexOf(nodes[from]), VertexOf(nodes[to]), facts, way.WayId, way.Name,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_shapeLat),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_shapeLon));
        if (facts.IsElevator)
        {
            _builder.AddEdgeLevels(edge, way.Levels);
        }
        _greenAreas.Assign(_builder, edge, _extract.Nodes, nodes.AsSpan(from, to - from + 1));
        return edge;
    }

    /// <summary>
    /// The way's facts for one of its edges: kerbs tagged on the way's start or end (<c>kerb:start</c>, <c>kerb:end</c>)
    /// belong to the first or last edge only. An edge that is both keeps the worse kerb: the higher one, and a kerb of
    /// unknown height over any known one, because unknown may be high.
    /// </summary>
    private static EdgeClass KerbFor(WayFacts facts, bool isFirst, bool isLast)
    {
        KerbFacts? kerb = null;
        if (isFirst && facts.KerbAtStart is { } start)
        {
            kerb = start;
        }
        if (isLast && facts.KerbAtEnd is { } end && (kerb is null || Higher(end, kerb.Value)))
        {
            kerb = end;
        }
        return kerb is { } k
            ? facts.Class with { Kerb = k.Kind, KerbEvidence = k.HeightEvidence, KerbHeightCm = k.HeightCm }
            : facts.Class;
    }

    private static bool Higher(KerbFacts a, KerbFacts b) =>
        b.HeightEvidence != Evidence.Unknown && (a.HeightEvidence == Evidence.Unknown || a.HeightCm > b.HeightCm);
}
