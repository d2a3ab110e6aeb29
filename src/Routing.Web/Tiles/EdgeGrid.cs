using Routing.Graph;

namespace Routing.Web.Tiles;

/// <summary>
/// Edges and vertices by grid cell of <see cref="CellDeg"/> degrees, built once per graph, so that a tile finds its
/// edges without scanning the whole graph. An edge is listed in every cell its bounding box touches.
/// </summary>
internal sealed class EdgeGrid
{
    /// <summary>About 550 m × 370 m at Heidelberg's latitude: a zoom-15 tile touches 1 to 4 cells.</summary>
    private const double CellDeg = 0.005;

    private readonly Dictionary<(int X, int Y), List<int>> _edges = [];
    private readonly Dictionary<(int X, int Y), List<int>> _vertices = [];

    public EdgeGrid(RoutingGraph graph)
    {
        Graph = graph;
        var points = new List<(int LatE7, int LonE7)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            points.Clear();
            graph.AppendArcPoints(edge * 2, points);
            int minX = int.MaxValue, minY = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue;
            foreach (var (lat, lon) in points)
            {
                var (x, y) = Cell(lat / 1e7, lon / 1e7);
                (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
            }
            for (int x = minX; x <= maxX; x++)
            {
                for (int y = minY; y <= maxY; y++)
                {
                    ListOf(_edges, (x, y)).Add(edge);
                }
            }
        }
        for (int vertex = 0; vertex < graph.VertexCount; vertex++)
        {
            ListOf(_vertices, Cell(graph.VertexLatE7[vertex] / 1e7, graph.VertexLonE7[vertex] / 1e7)).Add(vertex);
        }
    }

    public RoutingGraph Graph { get; }

    /// <summary>Edges whose bounding box may touch the box (each once, in no particular order).</summary>
    public IEnumerable<int> Edges(double minLon, double minLat, double maxLon, double maxLat) =>
        InCells(_edges, minLon, minLat, maxLon, maxLat).Distinct();

    /// <summary>Vertices inside the cells that touch the box.</summary>
    public IEnumerable<int> Vertices(double minLon, double minLat, double maxLon, double maxLat) =>
        InCells(_vertices, minLon, minLat, maxLon, maxLat);

    private static IEnumerable<int> InCells(Dictionary<(int X, int Y), List<int>> index, double minLon, double minLat, double maxLon, double maxLat)
    {
        var (minX, minY) = Cell(minLat, minLon);
        var (maxX, maxY) = Cell(maxLat, maxLon);
        for (int x = minX; x <= maxX; x++)
        {
            for (int y = minY; y <= maxY; y++)
            {
                if (index.TryGetValue((x, y), out var items))
                {
                    foreach (int item in items)
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static (int X, int Y) Cell(double lat, double lon) => ((int)Math.Floor(lon / CellDeg), (int)Math.Floor(lat / CellDeg));

    private static List<int> ListOf(Dictionary<(int X, int Y), List<int>> index, (int X, int Y) cell)
    {
        if (!index.TryGetValue(cell, out var list))
        {
            list = [];
            index.Add(cell, list);
        }
        return list;
    }
}
