using Routing.Engine.Snapping;
using System.Runtime.CompilerServices;
using Routing.Graph;

namespace Routing.Engine.Barriers;

/// <summary>
/// Which edges and vertices lie near a place, whatever any profile makes of them: the lookup that pins barrier reports
/// to the graph. A uniform grid of cells of about <see cref="CellSizeM"/> metres; every edge is registered (once) in
/// each cell that the bounding box of one of its segments touches, every vertex in its cell. Queries return candidates
/// by bounding box; the caller measures exactly. Built once per graph on first use (a few milliseconds for a city),
/// immutable and thread-safe afterwards.
/// </summary>
internal sealed class BarrierGeometryIndex
{
    public const double CellSizeM = 100;

    /// <summary>Bounds the grid's memory for graphs much larger than a city: the cells grow instead.</summary>

    private static readonly ConditionalWeakTable<RoutingGraph, BarrierGeometryIndex> Indexes = [];

    // Points of every edge, ends included, in forward order: edge e owns [FirstPoint(e), FirstPoint(e + 1)).
    private readonly int[] _pointLatE7;
    private readonly int[] _pointLonE7;

    private readonly GridLayout _grid;
    private readonly int[] _edgeCellStart;
    private readonly int[] _edgeCellEntries;
    private readonly int[] _vertexCellStart;
    private readonly int[] _vertexCellEntries;

    private BarrierGeometryIndex(RoutingGraph graph)
    {
        Graph = graph;
        (_pointLatE7, _pointLonE7) = EdgePolylines.Flatten(graph);
        _grid = GridLayout.Over(_pointLatE7, _pointLonE7, CellSizeM);
        int cellCount = _grid.CellCount;

        // Edges: two passes (count, fill); an edge meets a cell once however many of its segments touch it, which
        // the last edge seen per cell tells, because edges are visited in order.
        _edgeCellStart = new int[cellCount + 1];
        var lastEdge = new int[cellCount];
        Array.Fill(lastEdge, -1);
        var cursor = new int[cellCount];
        RegisterEdges(graph, cursor, lastEdge, null);
        _edgeCellEntries = new int[Prefix(cursor, _edgeCellStart)];
        Array.Copy(_edgeCellStart, cursor, cellCount);
        Array.Fill(lastEdge, -1);
        RegisterEdges(graph, cursor, lastEdge, _edgeCellEntries);

        _vertexCellStart = new int[cellCount + 1];
        Array.Clear(cursor);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            cursor[CellOf(graph.VertexLatE7[v], graph.VertexLonE7[v])]++;
        }
        _vertexCellEntries = new int[Prefix(cursor, _vertexCellStart)];
        Array.Copy(_vertexCellStart, cursor, cellCount);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            _vertexCellEntries[cursor[CellOf(graph.VertexLatE7[v], graph.VertexLonE7[v])]++] = v;
        }
    }

    public static BarrierGeometryIndex Of(RoutingGraph graph) => Indexes.GetValue(graph, static g => new BarrierGeometryIndex(g));

    public RoutingGraph Graph { get; }

    /// <summary>Index of an edge's first point (its <c>EdgeFrom</c>) in <see cref="PointLatE7"/>; its last is <c>FirstPoint(e + 1) - 1</c>.</summary>
    public int FirstPoint(int edge) => EdgePolylines.FirstPoint(Graph, edge);

    public ReadOnlySpan<int> PointLatE7 => _pointLatE7;
    public ReadOnlySpan<int> PointLonE7 => _pointLonE7;

    /// <summary>Every edge registered in a cell overlapping the box (degrees), each once, in ascending order.</summary>
    public List<int> EdgesNear(double minLat, double minLon, double maxLat, double maxLon)
    {
        var found = new HashSet<int>();
        if (Window(minLat, minLon, maxLat, maxLon, out int rowFirst, out int rowLast, out int colFirst, out int colLast))
        {
            for (int row = rowFirst; row <= rowLast; row++)
            {
                int rowCell = row * _grid.Columns;
                for (int entry = _edgeCellStart[rowCell + colFirst], end = _edgeCellStart[rowCell + colLast + 1]; entry < end; entry++)
                {
                    found.Add(_edgeCellEntries[entry]);
                }
            }
        }
        var edges = found.ToList();
        edges.Sort();
        return edges;
    }

    /// <summary>Every vertex in a cell overlapping the box (degrees), in ascending order.</summary>
    public List<int> VerticesNear(double minLat, double minLon, double maxLat, double maxLon)
    {
        var vertices = new List<int>();
        if (Window(minLat, minLon, maxLat, maxLon, out int rowFirst, out int rowLast, out int colFirst, out int colLast))
        {
            for (int row = rowFirst; row <= rowLast; row++)
            {
                int rowCell = row * _grid.Columns;
                for (int entry = _vertexCellStart[rowCell + colFirst], end = _vertexCellStart[rowCell + colLast + 1]; entry < end; entry++)
                {
                    vertices.Add(_vertexCellEntries[entry]);
                }
            }
        }
        vertices.Sort();
        return vertices;
    }

    private bool Window(double minLat, double minLon, double maxLat, double maxLon, out int rowFirst, out int rowLast, out int colFirst, out int colLast)
    {
        rowFirst = rowLast = colFirst = colLast = 0;
        return _pointLatE7.Length > 0
               && Range(minLat * Coordinates.E7, maxLat * Coordinates.E7, _grid.MinLatE7, _grid.CellLatE7, _grid.Rows, out rowFirst, out rowLast)
               && Range(minLon * Coordinates.E7, maxLon * Coordinates.E7, _grid.MinLonE7, _grid.CellLonE7, _grid.Columns, out colFirst, out colLast);
    }

    private static bool Range(double lowE7, double highE7, double originE7, double cellE7, int count, out int first, out int last)
    {
        first = last = 0;
        if (!double.IsFinite(lowE7) || !double.IsFinite(highE7))
        {
            return false;
        }
        double low = Math.Floor((lowE7 - originE7) / cellE7);
        double high = Math.Floor((highE7 - originE7) / cellE7);
        if (high < 0 || low >= count)
        {
            return false;
        }
        first = (int)Math.Max(low, 0);
        last = (int)Math.Min(high, count - 1);
        return true;
    }

    private int CellOf(int latE7, int lonE7)
    {
        int row = Math.Clamp((int)Math.Floor((latE7 - _grid.MinLatE7) / _grid.CellLatE7), 0, _grid.Rows - 1);
        int col = Math.Clamp((int)Math.Floor((lonE7 - _grid.MinLonE7) / _grid.CellLonE7), 0, _grid.Columns - 1);
        return (row * _grid.Columns) + col;
    }

    private void RegisterEdges(RoutingGraph graph, int[] cursor, int[] lastEdge, int[]? entries)
    {
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int first = FirstPoint(edge);
            int last = FirstPoint(edge + 1) - 1;
            for (int a = first; a < last; a++)
            {
                int rowA = CellRow(_pointLatE7[a]), rowB = CellRow(_pointLatE7[a + 1]);
                int colA = CellColumn(_pointLonE7[a]), colB = CellColumn(_pointLonE7[a + 1]);
                for (int row = Math.Min(rowA, rowB); row <= Math.Max(rowA, rowB); row++)
                {
                    for (int col = Math.Min(colA, colB); col <= Math.Max(colA, colB); col++)
                    {
                        int cell = (row * _grid.Columns) + col;
                        if (lastEdge[cell] == edge)
                        {
                            continue;
                        }
                        lastEdge[cell] = edge;
                        int position = cursor[cell]++;
                        if (entries is not null)
                        {
                            entries[position] = edge;
                        }
                    }
                }
            }
        }
    }

    private int CellRow(int latE7) => Math.Clamp((int)Math.Floor((latE7 - _grid.MinLatE7) / _grid.CellLatE7), 0, _grid.Rows - 1);

    private int CellColumn(int lonE7) => Math.Clamp((int)Math.Floor((lonE7 - _grid.MinLonE7) / _grid.CellLonE7), 0, _grid.Columns - 1);

    /// <summary>Turns counts into CSR starts (the last one the total), which it returns.</summary>
    private static int Prefix(int[] counts, int[] starts)
    {
        int total = 0;
        for (int cell = 0; cell < counts.Length; cell++)
        {
            starts[cell] = total;
            total += counts[cell];
        }
        starts[counts.Length] = total;
        return total;
    }
}
