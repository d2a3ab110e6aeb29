using Routing.Graph;

namespace Routing.Osm.Import;

/// <summary>
/// The parks, gardens, cemeteries and woods of the extract as polygons (<see cref="Tags.GreenAreaTagRules"/>), and which
/// of them each edge lies in: the one its middle lies in (half its length along its shape). A path whose middle is in
/// the park runs through it; one that only clips a corner, or ends at the gate, has its middle outside. Where areas nest
/// (a garden in a park, a wood in a cemetery) the smallest holds the edge: it is the one the traveller sees around the
/// path. Polygons are kept as plain arrays of rings (a closed way is one ring; a multipolygon's outer and inner rings
/// together, read by the even-odd rule so holes are outside) and found through a grid of cells over their bounding
/// boxes, so a lookup tests only the few polygons near the point.
/// </summary>
internal sealed class GreenAreas
{
    /// <summary>A cell of about 700 m by 1.1 km at Heidelberg's latitude: a city's parks touch a few cells each.</summary>
    private const int CellE7 = 100_000;

    /// <summary>Grids wider than this grow their cells instead, so a country's grid stays a few megabytes.</summary>
    private const int MaxCellsPerSide = 1024;

    private readonly OsmImporter.PendingGreenArea[] _areas;
    /// <summary>Polygon a's rings are <c>_firstRing[a] .. _firstRing[a + 1]</c>; ring r's points <c>_firstPoint[r] .. _firstPoint[r + 1]</c>.</summary>
    private readonly int[] _firstRing;
    private readonly int[] _firstPoint;
    private readonly int[] _latE7;
    private readonly int[] _lonE7;
    /// <summary>Per polygon: south, west, north, east (E7).</summary>
    private readonly int[] _box;
    /// <summary>Polygons whose box touches grid cell c are <c>_cellPolygons[_firstInCell[c] .. _firstInCell[c + 1]]</c>.</summary>
    private readonly int[] _firstInCell;
    private readonly int[] _cellPolygons;
    private readonly int _south, _west, _cellE7, _columns, _rows;
    /// <summary>The builder's index of each polygon's area, added when an edge first lies in it; -1 before.</summary>
    private readonly int[] _builderArea;

    public GreenAreas(IReadOnlyList<OsmImporter.PendingGreenArea> areas, NodeStore nodes)
    {
        var kept = new List<OsmImporter.PendingGreenArea>();
        var firstRing = new List<int> { 0 };
        var firstPoint = new List<int> { 0 };
        var lat = new List<int>();
        var lon = new List<int>();
        foreach (var area in areas)
        {
            int rings = 0;
            foreach (long[] ring in area.Rings)
            {
                if (AddRing(ring, nodes, lat, lon))
                {
                    firstPoint.Add(lat.Count);
                    rings++;
                }
            }
            if (rings > 0)
            {
                kept.Add(area);
                firstRing.Add(firstPoint.Count - 1);
            }
        }
        _areas = [.. kept];
        _firstRing = [.. firstRing];
        _firstPoint = [.. firstPoint];
        _latE7 = [.. lat];
        _lonE7 = [.. lon];
        _builderArea = new int[_areas.Length];
        Array.Fill(_builderArea, -1);
        _box = new int[_areas.Length * 4];
        int south = int.MaxValue, west = int.MaxValue, north = int.MinValue, east = int.MinValue;
        for (int a = 0; a < _areas.Length; a++)
        {
            int s = int.MaxValue, w = int.MaxValue, n = int.MinValue, e = int.MinValue;
            for (int p = _firstPoint[_firstRing[a]]; p < _firstPoint[_firstRing[a + 1]]; p++)
            {
                (s, w, n, e) = (Math.Min(s, _latE7[p]), Math.Min(w, _lonE7[p]), Math.Max(n, _latE7[p]), Math.Max(e, _lonE7[p]));
            }
            (_box[4 * a], _box[(4 * a) + 1], _box[(4 * a) + 2], _box[(4 * a) + 3]) = (s, w, n, e);
            (south, west, north, east) = (Math.Min(south, s), Math.Min(west, w), Math.Max(north, n), Math.Max(east, e));
        }
        (_south, _west) = _areas.Length == 0 ? (0, 0) : (south, west);
        long span = _areas.Length == 0 ? 0 : Math.Max((long)north - south, (long)east - west);
        _cellE7 = (int)Math.Max(CellE7, (span / MaxCellsPerSide) + 1);
        _rows = _areas.Length == 0 ? 0 : (int)(((long)north - south) / _cellE7) + 1;
        _columns = _areas.Length == 0 ? 0 : (int)(((long)east - west) / _cellE7) + 1;
        (_firstInCell, _cellPolygons) = Cells();
    }

    /// <summary>How many areas have a usable polygon (every node of a ring in the extract).</summary>
    public int Count => _areas.Length;

    /// <summary>Appends the ring's coordinates; false (and nothing appended) when the extract lacks one of its nodes.</summary>
    private static bool AddRing(long[] ring, NodeStore nodes, List<int> lat, List<int> lon)
    {
        int start = lat.Count;
        foreach (long id in ring)
        {
            int index = nodes.IndexOf(id);
            if (index < 0)
            {
                lat.RemoveRange(start, lat.Count - start);
                lon.RemoveRange(start, lon.Count - start);
                return false;
            }
            lat.Add(nodes.LatE7At(index));
            lon.Add(nodes.LonE7At(index));
        }
        return true;
    }

    /// <summary>Each polygon listed under every cell its bounding box touches, in compressed rows: a count, then a fill.</summary>
    private (int[] FirstInCell, int[] CellPolygons) Cells()
    {
        var first = new int[(_rows * _columns) + 1];
        EachCell((_, cell) => first[cell + 1]++);
        for (int c = 1; c < first.Length; c++)
        {
            first[c] += first[c - 1];
        }
        var next = (int[])first.Clone();
        var polygons = new int[first[^1]];
        EachCell((polygon, cell) => polygons[next[cell]++] = polygon);
        return (first, polygons);
    }

    private void EachCell(Action<int, int> visit)
    {
        for (int a = 0; a < _areas.Length; a++)
        {
            for (int row = Row(_box[4 * a]); row <= Row(_box[(4 * a) + 2]); row++)
            {
                for (int column = Column(_box[(4 * a) + 1]); column <= Column(_box[(4 * a) + 3]); column++)
                {
                    visit(a, (row * _columns) + column);
                }
            }
        }
    }

    private int Row(int latE7) => (int)(((long)latE7 - _south) / _cellE7);

    private int Column(int lonE7) => (int)(((long)lonE7 - _west) / _cellE7);

    /// <summary>The smallest polygon (by bounding box) the point lies in, or -1.</summary>
    public int PolygonAt(int latE7, int lonE7)
    {
        if (_areas.Length == 0 || latE7 < _south || lonE7 < _west)
        {
            return -1;
        }
        int row = Row(latE7), column = Column(lonE7);
        if (row >= _rows || column >= _columns)
        {
            return -1;
        }
        int cell = (row * _columns) + column;
        int best = -1;
        double bestSize = double.MaxValue;
        for (int i = _firstInCell[cell]; i < _firstInCell[cell + 1]; i++)
        {
            int a = _cellPolygons[i];
            if (latE7 < _box[4 * a] || lonE7 < _box[(4 * a) + 1] || latE7 > _box[(4 * a) + 2] || lonE7 > _box[(4 * a) + 3])
            {
                continue;
            }
            double size = ((double)_box[(4 * a) + 2] - _box[4 * a]) * ((double)_box[(4 * a) + 3] - _box[(4 * a) + 1]);
            if (size < bestSize && Contains(a, latE7, lonE7))
            {
                (best, bestSize) = (a, size);
            }
        }
        return best;
    }

    /// <summary>Even-odd rule over all the polygon's rings: a ray to the east crosses its edges an odd number of times.</summary>
    private bool Contains(int polygon, int latE7, int lonE7)
    {
        bool inside = false;
        for (int r = _firstRing[polygon]; r < _firstRing[polygon + 1]; r++)
        {
            int end = _firstPoint[r + 1];
            for (int i = _firstPoint[r], j = end - 1; i < end; j = i++)
            {
                long latI = _latE7[i], latJ = _latE7[j];
                if ((latI > latE7) != (latJ > latE7))
                {
                    // The longitude where the ring's edge crosses the point's latitude.
                    long lonI = _lonE7[i], lonJ = _lonE7[j];
                    double crossLon = lonI + ((double)(lonJ - lonI) * (latE7 - latI) / (latJ - latI));
                    if (lonE7 < crossLon)
                    {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }

    /// <summary>
    /// Records the area the edge over <paramref name="edgeNodes"/> (node indices, its ends included) lies in, adding the
    /// area to the graph the first time an edge lies in it: areas no edge lies in are not kept.
    /// </summary>
    public void Assign(GraphBuilder builder, int edge, NodeStore nodes, ReadOnlySpan<int> edgeNodes)
    {
        if (_areas.Length == 0)
        {
            return;
        }
        var (latE7, lonE7) = Middle(nodes, edgeNodes);
        int polygon = PolygonAt(latE7, lonE7);
        if (polygon < 0)
        {
            return;
        }
        if (_builderArea[polygon] < 0)
        {
            _builderArea[polygon] = builder.AddGreenArea(_areas[polygon].Name, _areas[polygon].Kind);
        }
        builder.SetGreenArea(edge, _builderArea[polygon]);
    }

    /// <summary>The point half way along the polyline (lengths in a plane, which over one edge differs from the sphere by nothing that matters).</summary>
    private static (int LatE7, int LonE7) Middle(NodeStore nodes, ReadOnlySpan<int> edgeNodes)
    {
        double lonScale = Math.Cos(nodes.LatE7At(edgeNodes[0]) * 1e-7 * (Math.PI / 180));
        double total = 0;
        for (int i = 1; i < edgeNodes.Length; i++)
        {
            total += PieceLength(nodes, edgeNodes[i - 1], edgeNodes[i], lonScale);
        }
        double half = total / 2, walked = 0;
        for (int i = 1; i < edgeNodes.Length; i++)
        {
            double piece = PieceLength(nodes, edgeNodes[i - 1], edgeNodes[i], lonScale);
            if (walked + piece >= half && piece > 0)
            {
                double t = (half - walked) / piece;
                int a = edgeNodes[i - 1], b = edgeNodes[i];
                return ((int)Math.Round(nodes.LatE7At(a) + (t * (nodes.LatE7At(b) - nodes.LatE7At(a)))),
                    (int)Math.Round(nodes.LonE7At(a) + (t * (nodes.LonE7At(b) - nodes.LonE7At(a)))));
            }
            walked += piece;
        }
        return (nodes.LatE7At(edgeNodes[0]), nodes.LonE7At(edgeNodes[0]));
    }

    private static double PieceLength(NodeStore nodes, int a, int b, double lonScale)
    {
        double north = nodes.LatE7At(b) - (double)nodes.LatE7At(a);
        double east = (nodes.LonE7At(b) - (double)nodes.LonE7At(a)) * lonScale;
        return Math.Sqrt((north * north) + (east * east));
    }
}
