using System.Text;

namespace Routing.Graph;

/// <summary>
/// The immutable walkable network as struct-of-arrays. Every undirected edge is stored once (from, to, shape in
/// forward order); the adjacency lists vertex arcs in CSR form, where an arc is <c>edge * 2 + direction</c>
/// (direction 0 = forward, 1 = backward). Coordinates are WGS 84 degrees times 10^7.
/// Shared by all requests; nothing here changes after construction.
/// </summary>
public sealed class RoutingGraph
{
    private readonly int[] _vertexLatE7;
    private readonly int[] _vertexLonE7;
    private readonly long[] _vertexOsmNodeId;
    private readonly int[] _vertexNodeClass;
    private readonly int[] _vertexComponent;
    private readonly int[] _componentSize;
    private readonly int[] _firstArc;
    private readonly int[] _arcs;
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    private readonly int[] _edgeLengthCm;
    private readonly int[] _edgeClass;
    private readonly long[] _edgeOsmWayId;
    private readonly int[] _edgeNameId;
    private readonly int[] _edgeFirstShapePoint;
    private readonly int[] _shapeLatE7;
    private readonly int[] _shapeLonE7;
    private readonly float[] _vertexElevationM;
    private readonly float[] _shapeElevationM;
    private readonly EdgeClass[] _edgeClasses;
    private readonly NodeClass[] _nodeClasses;
    private readonly int[] _nameOffsets;
    private readonly byte[] _nameBytes;
    /// <summary>
    /// Names decoded so far: every route segment and instruction names its way, and decoding allocates. Filled as
    /// names are asked for (a race only decodes a name twice), so memory follows the names routes actually use.
    /// </summary>
    private readonly string?[] _decodedNames;
    private readonly Place[] _places;
    private readonly ElementLevel[] _vertexLevels;
    private readonly ElementLevel[] _edgeLevels;
    private readonly GreenArea[] _greenAreas;
    private readonly int[] _edgeGreenArea;

    internal RoutingGraph(GraphArrays arrays, GraphMetadata metadata)
    {
        arrays.Validate();
        _vertexLatE7 = arrays.VertexLatE7;
        _vertexLonE7 = arrays.VertexLonE7;
        _vertexOsmNodeId = arrays.VertexOsmNodeId;
        _vertexNodeClass = arrays.VertexNodeClass;
        _vertexComponent = arrays.VertexComponent;
        _componentSize = arrays.ComponentSize;
        _firstArc = arrays.FirstArc;
        _arcs = arrays.Arcs;
        _edgeFrom = arrays.EdgeFrom;
        _edgeTo = arrays.EdgeTo;
        _edgeLengthCm = arrays.EdgeLengthCm;
        _edgeClass = arrays.EdgeClass;
        _edgeOsmWayId = arrays.EdgeOsmWayId;
        _edgeNameId = arrays.EdgeNameId;
        _edgeFirstShapePoint = arrays.EdgeFirstShapePoint;
        _shapeLatE7 = arrays.ShapeLatE7;
        _shapeLonE7 = arrays.ShapeLonE7;
        _vertexElevationM = arrays.VertexElevationM;
        _shapeElevationM = arrays.ShapeElevationM;
        _edgeClasses = arrays.EdgeClasses;
        _nodeClasses = arrays.NodeClasses;
        _nameOffsets = arrays.NameOffsets;
        _nameBytes = arrays.NameBytes;
        _decodedNames = new string?[Math.Max(_nameOffsets.Length - 1, 0)];
        _places = arrays.Places;
        _vertexLevels = arrays.VertexLevels;
        _edgeLevels = arrays.EdgeLevels;
        _greenAreas = arrays.GreenAreas;
        _edgeGreenArea = arrays.EdgeGreenArea;
        Metadata = metadata;
    }

    public GraphMetadata Metadata { get; }

    public int VertexCount => _vertexLatE7.Length;
    public int EdgeCount => _edgeFrom.Length;

    public ReadOnlySpan<int> VertexLatE7 => _vertexLatE7;
    public ReadOnlySpan<int> VertexLonE7 => _vertexLonE7;
    public ReadOnlySpan<long> VertexOsmNodeId => _vertexOsmNodeId;
    /// <summary>Index into <see cref="NodeClasses"/>; 0 is the plain node.</summary>
    public ReadOnlySpan<int> VertexNodeClass => _vertexNodeClass;
    /// <summary>Connected component of each vertex (ignoring profiles); components are numbered by falling size.</summary>
    public ReadOnlySpan<int> VertexComponent => _vertexComponent;
    public ReadOnlySpan<int> ComponentSize => _componentSize;

    /// <summary>Arcs of vertex v are <c>Arcs[FirstArc[v] .. FirstArc[v + 1]]</c>.</summary>
    public ReadOnlySpan<int> FirstArc => _firstArc;
    public ReadOnlySpan<int> Arcs => _arcs;

    public ReadOnlySpan<int> EdgeFrom => _edgeFrom;
    public ReadOnlySpan<int> EdgeTo => _edgeTo;
    public ReadOnlySpan<int> EdgeLengthCm => _edgeLengthCm;
    public ReadOnlySpan<int> EdgeClassId => _edgeClass;
    public ReadOnlySpan<long> EdgeOsmWayId => _edgeOsmWayId;
    /// <summary>
    /// Street name of each edge as an index into the name table (0 = no name). Names are stored once, so two edges
    /// are on the same street exactly when their ids are equal, without decoding either name.
    /// </summary>
    public ReadOnlySpan<int> EdgeNameId => _edgeNameId;
    /// <summary>Inner shape points of edge e are <c>Shape*[EdgeFirstShapePoint[e] .. EdgeFirstShapePoint[e + 1]]</c>, in forward order.</summary>
    public ReadOnlySpan<int> EdgeFirstShapePoint => _edgeFirstShapePoint;
    public ReadOnlySpan<int> ShapeLatE7 => _shapeLatE7;
    public ReadOnlySpan<int> ShapeLonE7 => _shapeLonE7;
    /// <summary>Ground elevation of each vertex in metres above sea level; NaN where no terrain model covers it.</summary>
    public ReadOnlySpan<float> VertexElevationM => _vertexElevationM;
    /// <summary>Elevation of each shape point in metres (on bridges and in tunnels: between the structure's ends); NaN where unknown.</summary>
    public ReadOnlySpan<float> ShapeElevationM => _shapeElevationM;

    public ReadOnlySpan<EdgeClass> EdgeClasses => _edgeClasses;
    public ReadOnlySpan<NodeClass> NodeClasses => _nodeClasses;

    /// <summary>Distinct names in the name table, counting name 0 (the empty name).</summary>
    public int NameCount => _nameOffsets.Length - 1;

    /// <summary>
    /// The street name of an edge (from OSM <c>name</c>, else <c>ref</c>), or "" when it has none. Decoded on each
    /// call: only route descriptions need names, and keeping them as UTF-8 keeps the graph small and mappable.
    /// </summary>
    public string EdgeName(int edge) => Name(_edgeNameId[edge]);

    /// <summary>Entry <paramref name="name"/> of the name table (streets and places share it); 0 is "".</summary>
    public string Name(int name) =>
        _decodedNames[name] ??= Encoding.UTF8.GetString(_nameBytes, _nameOffsets[name], _nameOffsets[name + 1] - _nameOffsets[name]);

    /// <summary>Named points of interest of the extract (stops, toilets, public buildings, shops ...), for search.</summary>
    public ReadOnlySpan<Place> Places => _places;

    /// <summary>The levels an elevator vertex serves (OSM <c>level</c>), in ascending order; empty when unknown or not an elevator.</summary>
    public ReadOnlySpan<ElementLevel> LevelsOfVertex(int vertex) => ElementLevel.Of(_vertexLevels, vertex);

    /// <summary>The levels an elevator edge serves, in ascending order; empty when unknown or not an elevator.</summary>
    public ReadOnlySpan<ElementLevel> LevelsOfEdge(int edge) => ElementLevel.Of(_edgeLevels, edge);

    /// <summary>The parks, gardens, cemeteries and woods edges lie in (names in the shared name table, <see cref="Name"/>).</summary>
    public ReadOnlySpan<GreenArea> GreenAreas => _greenAreas;

    /// <summary>The index into <see cref="GreenAreas"/> of the area each edge lies in; <see cref="GreenArea.None"/> for none.</summary>
    public ReadOnlySpan<int> EdgeGreenArea => _edgeGreenArea;

    public ref readonly EdgeClass ClassOfEdge(int edge) => ref _edgeClasses[_edgeClass[edge]];
    public ref readonly NodeClass ClassOfVertex(int vertex) => ref _nodeClasses[_vertexNodeClass[vertex]];

    /// <summary>The vertex an arc leads to.</summary>
    public int ArcHead(int arc)
    {
        int edge = arc >> 1;
        return (arc & 1) == 0 ? _edgeTo[edge] : _edgeFrom[edge];
    }

    /// <summary>The vertex an arc starts from.</summary>
    public int ArcTail(int arc)
    {
        int edge = arc >> 1;
        return (arc & 1) == 0 ? _edgeFrom[edge] : _edgeTo[edge];
    }

    /// <summary>Geographic bounds of all vertices, in degrees.</summary>
    public BoundingBox Bounds => BoundingBox.Of(_vertexLatE7, _vertexLonE7);

    /// <summary>Writes the points of an edge (ends included) in the direction of the arc.</summary>
    public void AppendArcPoints(int arc, List<(int LatE7, int LonE7)> points)
    {
        int edge = arc >> 1;
        int from = _edgeFrom[edge];
        int to = _edgeTo[edge];
        int first = _edgeFirstShapePoint[edge];
        int end = _edgeFirstShapePoint[edge + 1];
        if ((arc & 1) == 0)
        {
            points.Add((_vertexLatE7[from], _vertexLonE7[from]));
            for (int i = first; i < end; i++)
            {
                points.Add((_shapeLatE7[i], _shapeLonE7[i]));
            }
            points.Add((_vertexLatE7[to], _vertexLonE7[to]));
        }
        else
        {
            points.Add((_vertexLatE7[to], _vertexLonE7[to]));
            for (int i = end - 1; i >= first; i--)
            {
                points.Add((_shapeLatE7[i], _shapeLonE7[i]));
            }
            points.Add((_vertexLatE7[from], _vertexLonE7[from]));
        }
    }

    /// <summary>The elevations of an edge's points (both ends included) in forward order, as <see cref="AppendArcPoints"/> lists them.</summary>
    public void AppendEdgeElevations(int edge, List<float> elevationsM)
    {
        elevationsM.Add(_vertexElevationM[_edgeFrom[edge]]);
        for (int i = _edgeFirstShapePoint[edge]; i < _edgeFirstShapePoint[edge + 1]; i++)
        {
            elevationsM.Add(_shapeElevationM[i]);
        }
        elevationsM.Add(_vertexElevationM[_edgeTo[edge]]);
    }

    /// <summary>
    /// A copy of this graph placed on a terrain model: the elevation of every vertex and shape point, and the facts of
    /// every edge (this graph's facts with inclines derived from the terrain). Edge classes are deduplicated afresh,
    /// since derived inclines split classes that were equal before.
    /// </summary>
    public RoutingGraph WithTerrain(float[] vertexElevationM, float[] shapeElevationM, ReadOnlySpan<EdgeClass> edgeFacts, GraphMetadata metadata)
    {
        if (edgeFacts.Length != EdgeCount)
        {
            throw new ArgumentException($"expected facts for {EdgeCount} edges, found {edgeFacts.Length}", nameof(edgeFacts));
        }
        var classIds = new Dictionary<EdgeClass, int>();
        var classes = new List<EdgeClass>();
        var edgeClass = new int[EdgeCount];
        for (int e = 0; e < edgeFacts.Length; e++)
        {
            if (!classIds.TryGetValue(edgeFacts[e], out int id))
            {
                id = classes.Count;
                classIds.Add(edgeFacts[e], id);
                classes.Add(edgeFacts[e]);
            }
            edgeClass[e] = id;
        }
        var arrays = ToArrays() with
        {
            EdgeClass = edgeClass,
            EdgeClasses = [.. classes],
            VertexElevationM = vertexElevationM,
            ShapeElevationM = shapeElevationM,
        };
        return new RoutingGraph(arrays, metadata);
    }

    /// <summary>The same graph (arrays shared, not copied) with other metadata.</summary>
    public RoutingGraph WithMetadata(GraphMetadata metadata) => new(ToArrays(), metadata);

    /// <summary>The raw arrays, for the file writer.</summary>
    internal GraphArrays ToArrays() => new()
    {
        VertexLatE7 = _vertexLatE7,
        VertexLonE7 = _vertexLonE7,
        VertexOsmNodeId = _vertexOsmNodeId,
        VertexNodeClass = _vertexNodeClass,
        VertexComponent = _vertexComponent,
        ComponentSize = _componentSize,
        FirstArc = _firstArc,
        Arcs = _arcs,
        EdgeFrom = _edgeFrom,
        EdgeTo = _edgeTo,
        EdgeLengthCm = _edgeLengthCm,
        EdgeClass = _edgeClass,
        EdgeOsmWayId = _edgeOsmWayId,
        EdgeNameId = _edgeNameId,
        EdgeFirstShapePoint = _edgeFirstShapePoint,
        ShapeLatE7 = _shapeLatE7,
        ShapeLonE7 = _shapeLonE7,
        VertexElevationM = _vertexElevationM,
        ShapeElevationM = _shapeElevationM,
        EdgeClasses = _edgeClasses,
        NodeClasses = _nodeClasses,
        NameOffsets = _nameOffsets,
        NameBytes = _nameBytes,
        Places = _places,
        VertexLevels = _vertexLevels,
        EdgeLevels = _edgeLevels,
        GreenAreas = _greenAreas,
        EdgeGreenArea = _edgeGreenArea,
    };
}
