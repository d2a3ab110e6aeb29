using System.Text;

namespace Routing.Graph;

/// <summary>
/// Collects vertices and edges, deduplicates their fact classes and produces an immutable <see cref="RoutingGraph"/>:
/// vertices in Hilbert-curve order (neighbours on the map are neighbours in memory, which keeps the search's memory
/// accesses local), edges sorted by their first vertex, lengths from the shape, CSR adjacency and connected components.
/// </summary>
public sealed class GraphBuilder
{
    private readonly List<int> _vertexLatE7 = [];
    private readonly List<int> _vertexLonE7 = [];
    private readonly List<long> _vertexOsmNodeId = [];
    private readonly List<int> _vertexNodeClass = [];
    private readonly List<int> _edgeFrom = [];
    private readonly List<int> _edgeTo = [];
    private readonly List<int> _edgeClass = [];
    private readonly List<long> _edgeOsmWayId = [];
    private readonly List<int> _edgeNameId = [];
    private readonly List<int> _edgeFirstShapePoint = [0];
    private readonly List<int> _shapeLatE7 = [];
    private readonly List<int> _shapeLonE7 = [];
    private readonly Dictionary<EdgeClass, int> _edgeClassIds = [];
    private readonly List<EdgeClass> _edgeClasses = [];
    private readonly Dictionary<NodeClass, int> _nodeClassIds = new() { [default] = 0 };
    private readonly List<NodeClass> _nodeClasses = [default];
    // A street is split into many edges (and many OSM ways): each name is stored once, name 0 being "no name".
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<int> _nameOffsets = [0, 0];
    private readonly List<byte> _nameBytes = [];
    private readonly List<Place> _places = [];
    private readonly List<ElementLevel> _vertexLevels = [];
    private readonly List<ElementLevel> _edgeLevels = [];
    private readonly List<GreenArea> _greenAreas = [];
    private readonly List<int> _edgeGreenArea = [];

    public int VertexCount => _vertexLatE7.Count;
    public int EdgeCount => _edgeFrom.Count;

    public int AddVertex(long osmNodeId, int latE7, int lonE7, NodeClass facts)
    {
        if (!_nodeClassIds.TryGetValue(facts, out int classId))
        {
            classId = _nodeClasses.Count;
            _nodeClassIds.Add(facts, classId);
            _nodeClasses.Add(facts);
        }
        _vertexLatE7.Add(latE7);
        _vertexLonE7.Add(lonE7);
        _vertexOsmNodeId.Add(osmNodeId);
        _vertexNodeClass.Add(classId);
        return _vertexLatE7.Count - 1;
    }

    /// <summary>
    /// Adds an edge between two vertices; the shape holds only the points between them, in forward order.
    /// <paramref name="name"/> is the street name, null or empty when the edge has none.
    /// </summary>
    public int AddEdge(int from, int to, EdgeClass facts, long osmWayId, string? name, ReadOnlySpan<int> shapeLatE7, ReadOnlySpan<int> shapeLonE7)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)from, (uint)VertexCount, nameof(from));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)to, (uint)VertexCount, nameof(to));
        if (shapeLatE7.Length != shapeLonE7.Length)
        {
            throw new ArgumentException("shape latitude and longitude counts differ", nameof(shapeLonE7));
        }
        if (!_edgeClassIds.TryGetValue(facts, out int classId))
        {
            classId = _edgeClasses.Count;
            _edgeClassIds.Add(facts, classId);
            _edgeClasses.Add(facts);
        }
        _edgeFrom.Add(from);
        _edgeTo.Add(to);
        _edgeClass.Add(classId);
        _edgeOsmWayId.Add(osmWayId);
        _edgeNameId.Add(NameId(name ?? ""));
        _edgeGreenArea.Add(GreenArea.None);
        _shapeLatE7.AddRange(shapeLatE7);
        _shapeLonE7.AddRange(shapeLonE7);
        _edgeFirstShapePoint.Add(_shapeLatE7.Count);
        return _edgeFrom.Count - 1;
    }

    /// <summary>Adds a point of interest; <paramref name="name"/> is "" for one found by its kind only (unnamed toilets).</summary>
    public void AddPlace(long osmNodeId, int latE7, int lonE7, string name, PlaceKind kind, Facts.WheelchairTag wheelchair)
    {
        _places.Add(new Place { OsmNodeId = osmNodeId, LatE7 = latE7, LonE7 = lonE7, NameId = NameId(name), Kind = kind, Wheelchair = wheelchair });
    }

    /// <summary>Adds a park, garden, cemetery or wood that edges lie in (<see cref="SetGreenArea"/>); returns its index.</summary>
    /// <param name="name">Null or empty for an unnamed area.</param>
    public int AddGreenArea(string? name, GreenAreaKind kind)
    {
        _greenAreas.Add(new GreenArea(NameId(name ?? ""), kind));
        return _greenAreas.Count - 1;
    }

    /// <summary>Edge <paramref name="edge"/> lies in area <paramref name="area"/> (from <see cref="AddGreenArea"/>).</summary>
    public void SetGreenArea(int edge, int area)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)edge, (uint)EdgeCount, nameof(edge));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)area, (uint)_greenAreas.Count, nameof(area));
        _edgeGreenArea[edge] = area;
    }

    /// <summary>The levels an elevator vertex serves (OSM <c>level</c>); repeats are dropped.</summary>
    public void AddVertexLevels(int vertex, ReadOnlySpan<float> levels)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)vertex, (uint)VertexCount, nameof(vertex));
        AddLevels(_vertexLevels, vertex, levels);
    }

    /// <summary>The levels an elevator edge serves (its way's <c>level</c>); repeats are dropped.</summary>
    public void AddEdgeLevels(int edge, ReadOnlySpan<float> levels)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)edge, (uint)EdgeCount, nameof(edge));
        AddLevels(_edgeLevels, edge, levels);
    }

    private static void AddLevels(List<ElementLevel> list, int element, ReadOnlySpan<float> levels)
    {
        foreach (float level in levels)
        {
            if (!float.IsFinite(level))
            {
                throw new ArgumentException($"level {level} is not a finite number", nameof(levels));
            }
            list.Add(new ElementLevel(element, level));
        }
    }

    /// <summary>The entries with their elements renumbered, sorted by element and level, each once: the file's order.</summary>
    private static ElementLevel[] Renumbered(List<ElementLevel> levels, int[] newOfOld)
    {
        var renumbered = new ElementLevel[levels.Count];
        for (int i = 0; i < renumbered.Length; i++)
        {
            renumbered[i] = levels[i] with { Element = newOfOld[levels[i].Element] };
        }
        Array.Sort(renumbered, static (a, b) => a.Element != b.Element ? a.Element.CompareTo(b.Element) : a.Level.CompareTo(b.Level));
        return [.. renumbered.Distinct()];
    }

    private int NameId(string name)
    {
        if (!_nameIds.TryGetValue(name, out int id))
        {
            id = _nameIds.Count;
            _nameIds.Add(name, id);
            _nameBytes.AddRange(Encoding.UTF8.GetBytes(name));
            _nameOffsets.Add(_nameBytes.Count);
        }
        return id;
    }

    public RoutingGraph Build(GraphMetadata metadata)
    {
        int vertices = VertexCount;
        int edges = EdgeCount;
        int[] newOfOldVertex = HilbertOrder(vertices, out int[] oldOfNewVertex);

        var lat = new int[vertices];
        var lon = new int[vertices];
        var osm = new long[vertices];
        var nodeClass = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            int old = oldOfNewVertex[v];
            lat[v] = _vertexLatE7[old];
            lon[v] = _vertexLonE7[old];
            osm[v] = _vertexOsmNodeId[old];
            nodeClass[v] = _vertexNodeClass[old];
        }

        // Edges sorted by their (renumbered) first vertex, so that an edge's data sits near its vertex's data.
        var edgeOrder = new int[edges];
        var edgeSortKey = new int[edges];
        for (int e = 0; e < edges; e++)
        {
            edgeOrder[e] = e;
            edgeSortKey[e] = newOfOldVertex[_edgeFrom[e]];
        }
        Array.Sort(edgeSortKey, edgeOrder);

        var from = new int[edges];
        var to = new int[edges];
        var lengthCm = new int[edges];
        var edgeClass = new int[edges];
        var wayId = new long[edges];
        var nameId = new int[edges];
        var greenArea = new int[edges];
        var firstShape = new int[edges + 1];
        var shapeLat = new int[_shapeLatE7.Count];
        var shapeLon = new int[_shapeLonE7.Count];
        int shapeCursor = 0;
        for (int e = 0; e < edges; e++)
        {
            int old = edgeOrder[e];
            from[e] = newOfOldVertex[_edgeFrom[old]];
            to[e] = newOfOldVertex[_edgeTo[old]];
            edgeClass[e] = _edgeClass[old];
            wayId[e] = _edgeOsmWayId[old];
            nameId[e] = _edgeNameId[old];
            greenArea[e] = _edgeGreenArea[old];
            firstShape[e] = shapeCursor;
            double lengthM = 0;
            int prevLat = lat[from[e]], prevLon = lon[from[e]];
            for (int i = _edgeFirstShapePoint[old]; i < _edgeFirstShapePoint[old + 1]; i++)
            {
                shapeLat[shapeCursor] = _shapeLatE7[i];
                shapeLon[shapeCursor] = _shapeLonE7[i];
                lengthM += Coordinates.DistanceM(prevLat, prevLon, _shapeLatE7[i], _shapeLonE7[i]);
                prevLat = _shapeLatE7[i];
                prevLon = _shapeLonE7[i];
                shapeCursor++;
            }
            lengthM += Coordinates.DistanceM(prevLat, prevLon, lat[to[e]], lon[to[e]]);
            lengthCm[e] = (int)Math.Round(lengthM * 100);
        }
        firstShape[edges] = shapeCursor;
        var newOfOldEdge = new int[edges];
        for (int e = 0; e < edges; e++)
        {
            newOfOldEdge[edgeOrder[e]] = e;
        }

        var (firstArc, arcs) = BuildAdjacency(vertices, from, to);
        var (component, componentSize) = ConnectedComponents(vertices, from, to);

        var arrays = new GraphArrays
        {
            VertexLatE7 = lat,
            VertexLonE7 = lon,
            VertexOsmNodeId = osm,
            VertexNodeClass = nodeClass,
            VertexComponent = component,
            ComponentSize = componentSize,
            FirstArc = firstArc,
            Arcs = arcs,
            EdgeFrom = from,
            EdgeTo = to,
            EdgeLengthCm = lengthCm,
            EdgeClass = edgeClass,
            EdgeOsmWayId = wayId,
            EdgeNameId = nameId,
            EdgeFirstShapePoint = firstShape,
            ShapeLatE7 = shapeLat,
            ShapeLonE7 = shapeLon,
            // Elevations come from a terrain model afterwards (RoutingGraph.WithTerrain), if there is one.
            VertexElevationM = NaNs(vertices),
            ShapeElevationM = NaNs(shapeLat.Length),
            EdgeClasses = [.. _edgeClasses],
            NodeClasses = [.. _nodeClasses],
            NameOffsets = [.. _nameOffsets],
            NameBytes = [.. _nameBytes],
            Places = [.. _places],
            VertexLevels = Renumbered(_vertexLevels, newOfOldVertex),
            EdgeLevels = Renumbered(_edgeLevels, newOfOldEdge),
            GreenAreas = [.. _greenAreas],
            EdgeGreenArea = greenArea,
        };
        return new RoutingGraph(arrays, metadata);
    }

    private static float[] NaNs(int count)
    {
        var values = new float[count];
        Array.Fill(values, float.NaN);
        return values;
    }

    private int[] HilbertOrder(int vertices, out int[] oldOfNew)
    {
        var box = BoundingBox.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_vertexLatE7),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_vertexLonE7));
        double latSpan = Math.Max(box.MaxLat - box.MinLat, 1e-9);
        double lonSpan = Math.Max(box.MaxLon - box.MinLon, 1e-9);
        var keys = new long[vertices];
        oldOfNew = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            uint x = (uint)((Coordinates.ToDegrees(_vertexLonE7[v]) - box.MinLon) / lonSpan * 65535);
            uint y = (uint)((Coordinates.ToDegrees(_vertexLatE7[v]) - box.MinLat) / latSpan * 65535);
            keys[v] = HilbertIndex(x, y);
            oldOfNew[v] = v;
        }
        Array.Sort(keys, oldOfNew);
        var newOfOld = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            newOfOld[oldOfNew[v]] = v;
        }
        return newOfOld;
    }

    /// <summary>Position of (x, y) on a Hilbert curve over a 2^16 x 2^16 grid.</summary>
    private static long HilbertIndex(uint x, uint y)
    {
        long index = 0;
        for (uint s = 1u << 15; s > 0; s >>= 1)
        {
            uint rx = (x & s) > 0 ? 1u : 0u;
            uint ry = (y & s) > 0 ? 1u : 0u;
            index += (long)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                (x, y) = (y, x);
            }
        }
        return index;
    }

    private static (int[] FirstArc, int[] Arcs) BuildAdjacency(int vertices, int[] from, int[] to)
    {
        var firstArc = new int[vertices + 1];
        for (int e = 0; e < from.Length; e++)
        {
            firstArc[from[e] + 1]++;
            firstArc[to[e] + 1]++;
        }
        for (int v = 0; v < vertices; v++)
        {
            firstArc[v + 1] += firstArc[v];
        }
        var arcs = new int[2 * from.Length];
        var cursor = firstArc[..vertices];
        for (int e = 0; e < from.Length; e++)
        {
            arcs[cursor[from[e]]++] = 2 * e;
            arcs[cursor[to[e]]++] = 2 * e + 1;
        }
        return (firstArc, arcs);
    }

    /// <summary>Union-find over all edges; components are numbered by falling size so that 0 is the main network.</summary>
    private static (int[] Component, int[] Size) ConnectedComponents(int vertices, int[] from, int[] to)
    {
        var parent = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            parent[v] = v;
        }
        for (int e = 0; e < from.Length; e++)
        {
            int a = Root(parent, from[e]), b = Root(parent, to[e]);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        var sizeOfRoot = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            sizeOfRoot[Root(parent, v)]++;
        }
        var roots = new List<int>();
        for (int v = 0; v < vertices; v++)
        {
            if (parent[v] == v)
            {
                roots.Add(v);
            }
        }
        roots.Sort((a, b) => sizeOfRoot[b] != sizeOfRoot[a] ? sizeOfRoot[b].CompareTo(sizeOfRoot[a]) : a.CompareTo(b));
        var componentOfRoot = new int[vertices];
        var size = new int[roots.Count];
        for (int c = 0; c < roots.Count; c++)
        {
            componentOfRoot[roots[c]] = c;
            size[c] = sizeOfRoot[roots[c]];
        }
        var component = new int[vertices];
        for (int v = 0; v < vertices; v++)
        {
            component[v] = componentOfRoot[Root(parent, v)];
        }
        return (component, size);
    }

    private static int Root(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
