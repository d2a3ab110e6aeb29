using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Snapping;

/// <summary>
/// Finds where a requested point joins the network: the nearest edge a profile may use, projected onto the edge's
/// shape, so routes start and end inside edges and not only at vertices.
/// <para>
/// A uniform grid of cells of about <see cref="CellSizeM"/> metres (the longitude step is corrected by the cosine of
/// the graph's middle latitude) covers the bounds of all vertices and shape points. Every segment of every edge's
/// shape is registered in each cell it passes through; the cells store (edge, segment index) pairs in flat CSR
/// arrays. A query visits the cells within its radius and projects the point onto each registered segment in a
/// local equirectangular projection centred on the point (errors below a millimetre at snapping distances).
/// </para>
/// <para>
/// Islands (<see cref="ProfileNetwork"/>): a point should start where the profile can get somewhere. The ways the
/// profile may use within the radius are of three kinds: on the profile's main network; on an island of the profile's
/// own rules (in the main network's component of the graph, cut off by steps or slopes); on a static island, another
/// component of the graph (it shares no node with the network: a gap in the map, like an area outlined apart from the
/// pavement it borders). The nearest main-network way is taken unless an island way of the profile is nearer and the
/// main-network way is farther than <see cref="NearM"/> and than <see cref="MainFactor"/> times the island way: then
/// the point stays on the island way, and a
/// refusal says where to move (<see cref="MoveSuggestions"/>), because a point on a pavement between two flights of
/// steps is where the user is, and a route from a street three times as far would hide the steps. A static island is
/// taken only when no way of the other two kinds lies within the radius. The radius is never exceeded: it is the
/// request's own bound.
/// </para>
/// Built once per graph; immutable and thread-safe afterwards. A query allocates nothing but its result.
/// </summary>
public sealed class SnapIndex
{
    /// <summary>Edge length of a grid cell: about a typical snap radius, so a query reads few cells.</summary>
    public const double CellSizeM = 100;

    /// <summary>How far the second search looks when nothing usable lies within the requested radius.</summary>
    public const double WiderSearchRadiusM = 1000;

    /// <summary>
    /// A way on the main network wins over a nearer island way of the profile while it is at most this many times as
    /// far (measured on Heidelberg, see README "Snapping: where a route can start").
    /// </summary>
    public const double MainFactor = 3;

    /// <summary>
    /// A way on the main network this close wins over any nearer island way: a point is seldom placed more precisely
    /// than this (a phone's position, a tap on a map), so 4 m against 1 m says nothing about where the user is.
    /// </summary>
    public const double NearM = 10;

    /// <summary>The sphere <see cref="Coordinates.DistanceM(double, double, double, double)"/> uses, so both agree.</summary>
    private const double MetresPerDegree = Coordinates.MetresPerDegree;

    private readonly RoutingGraph _graph;

    // Points of every edge, ends included, in forward order: edge e owns _pointLatE7[FirstPoint(e) .. FirstPoint(e + 1)],
    // with FirstPoint(e) = EdgeFirstShapePoint[e] + 2e. Copied once so the query loop needs no case for ends.
    private readonly int[] _pointLatE7;
    private readonly int[] _pointLonE7;

    // The grid: cell (row, col) is row * _grid.Columns + col; its segments are _cellEdge/_cellSegment[_cellStart[cell] ..
    // _cellStart[cell + 1]].
    private readonly GridLayout _grid;
    private readonly int[] _cellStart;
    private readonly int[] _cellEdge;
    private readonly int[] _cellSegment;

    // Bounds of all vertices and shape points (shape points may lie outside the vertices' box), for Covers.
    private readonly bool _isEmpty;
    private readonly double _minLat, _minLon, _maxLat, _maxLon;

    public SnapIndex(RoutingGraph graph)
    {
        _graph = graph;
        (_pointLatE7, _pointLonE7) = EdgePolylines.Flatten(graph);

        _isEmpty = _pointLatE7.Length == 0;
        // One cosine for the whole grid is enough: cells are only a coarse filter, and queries convert their radius
        // with their own, more conservative cosine.
        _grid = GridLayout.Over(_pointLatE7, _pointLonE7, CellSizeM);
        (_minLat, _minLon) = (Coordinates.ToDegrees(_grid.MinLatE7), Coordinates.ToDegrees(_grid.MinLonE7));
        (_maxLat, _maxLon) = (Coordinates.ToDegrees(_grid.MaxLatE7), Coordinates.ToDegrees(_grid.MaxLonE7));

        // Two passes over the segments: count per cell, then fill; the counts become the CSR starts.
        int cellCount = _grid.CellCount;
        _cellStart = new int[cellCount + 1];
        var cursor = new int[cellCount];
        RegisterSegments(cursor, null, null);
        int total = 0;
        for (int cell = 0; cell < cellCount; cell++)
        {
            _cellStart[cell] = total;
            total += cursor[cell];
        }
        _cellStart[cellCount] = total;
        _cellEdge = new int[total];
        _cellSegment = new int[total];
        Array.Copy(_cellStart, cursor, cellCount);
        RegisterSegments(cursor, _cellEdge, _cellSegment);
    }

    public RoutingGraph Graph => _graph;

    /// <summary>(edge, segment) references stored in the grid; a segment counts once per cell it passes through.</summary>
    public int CellEntryCount => _cellEdge.Length;

    /// <summary>
    /// Whether the point lies within the bounds of the graph grown by <see cref="WiderSearchRadiusM"/>: false means
    /// the point is outside the map (a point in the sea, another city), not merely away from usable ways.
    /// </summary>
    public bool Covers(GeoPoint point) => Covers(point, WiderSearchRadiusM);

    /// <summary>Whether the point lies within the bounds of the graph grown by <paramref name="marginM"/>.</summary>
    public bool Covers(GeoPoint point, double marginM)
    {
        if (_isEmpty || !double.IsFinite(point.Lat) || !double.IsFinite(point.Lon))
        {
            return false;
        }
        double marginLat = marginM / MetresPerDegree;
        double marginLon = marginM / (MetresPerDegree * CosineAtMost(Math.Max(Math.Abs(_minLat), Math.Abs(_maxLat)) + marginLat));
        return point.Lat >= _minLat - marginLat && point.Lat <= _maxLat + marginLat
               && point.Lon >= _minLon - marginLon && point.Lon <= _maxLon + marginLon;
    }

    /// <summary>
    /// The nearest edge that <paramref name="profile"/> (compiled for this graph) may use, within
    /// <paramref name="radiusM"/> of <paramref name="point"/>, avoiding islands as described on the class. When there
    /// is none, the result tells how far the nearest usable edge is, if it lies within <see cref="WiderSearchRadiusM"/>.
    /// </summary>
    public SnapResult Snap(GeoPoint point, double radiusM, CompiledProfile profile)
    {
        if (!double.IsFinite(point.Lat) || !double.IsFinite(point.Lon) || Math.Abs(point.Lat) > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "the point must be a finite WGS 84 position");
        }
        if (!double.IsFinite(radiusM) || radiusM < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusM), radiusM, "the snap radius must be a finite number of metres, 0 or more");
        }

        var (main, island, detached) = Candidates(point, radiusM, profile);
        var chosen = (island is { } onIsland && KeepsIsland(onIsland.DistanceM, main?.DistanceM, NearM, MainFactor) ? island : main) ?? detached;
        if (chosen is { } snapped)
        {
            return new SnapResult(snapped, null);
        }
        if (radiusM >= WiderSearchRadiusM)
        {
            return new SnapResult(null, null);
        }
        var wider = Nearest(point, WiderSearchRadiusM, profile, network: null, out _, out _);
        return new SnapResult(null, wider.IsFound ? ToSnapPoint(point, wider).DistanceM : null);
    }

    /// <summary>
    /// The nearest point on a way of the profile's main network within <paramref name="radiusM"/>, whatever lies nearer:
    /// where a point left on an island could move to get a route. Null when there is none that close.
    /// </summary>
    public SnapPoint? NearestOnMain(GeoPoint point, double radiusM, CompiledProfile profile) => Candidates(point, radiusM, profile).Main;

    /// <summary>
    /// The ways the rule on the class chooses between, the nearest usable one of each kind within the radius: on the
    /// profile's main network, on an island of the profile's own rules, on a static island.
    /// </summary>
    internal (SnapPoint? Main, SnapPoint? Island, SnapPoint? Detached) Candidates(GeoPoint point, double radiusM, CompiledProfile profile)
    {
        var main = Nearest(point, radiusM, profile, profile.Network, out var island, out var detached);
        return (Found(main), Found(island), Found(detached));

        SnapPoint? Found(in Candidate candidate) => candidate.IsFound ? ToSnapPoint(point, candidate) : null;
    }

    /// <summary>
    /// Whether a point whose nearest usable way on an island of the profile's rules is <paramref name="islandM"/> away
    /// stays there rather than going to the main network's way <paramref name="mainM"/> away (null: none within the radius).
    /// </summary>
    public static bool KeepsIsland(double islandM, double? mainM, double nearM, double mainFactor) =>
        mainM is not { } m || m > Math.Max(nearM, mainFactor * islandM);

    /// <summary>
    /// Scans the cells within the radius. With a <paramref name="network"/> the nearest usable edge on its main network
    /// is returned, the nearest on an island of the profile's rules goes to <paramref name="island"/> and the nearest on
    /// a static island to <paramref name="detached"/>; without one, every usable edge counts as main.
    /// </summary>
    private Candidate Nearest(GeoPoint point, double radiusM, CompiledProfile profile, ProfileNetwork? network,
        out Candidate island, out Candidate detached)
    {
        var main = Candidate.None;
        island = Candidate.None;
        detached = Candidate.None;
        if (_isEmpty)
        {
            return main;
        }

        if (!Window(point, radiusM, out var window))
        {
            return main;
        }
        var (latE7, lonE7, metresPerLatE7, metresPerLonE7) = (window.LatE7, window.LonE7, window.MetresPerLatE7, window.MetresPerLonE7);
        var (rowFirst, rowLast, colFirst, colLast) = (window.RowFirst, window.RowLast, window.ColFirst, window.ColLast);

        double radiusSquaredM2 = radiusM * radiusM;
        var firstShapePoint = _graph.EdgeFirstShapePoint;
        var pointLatE7 = _pointLatE7;
        var pointLonE7 = _pointLonE7;
        var cellEdge = _cellEdge;
        var cellSegment = _cellSegment;
        // The cells of one row are contiguous in the CSR arrays, so each row of the window is one run of entries. A
        // segment registered in several cells is simply measured again, which is cheaper than remembering it.
        for (int row = rowFirst; row <= rowLast; row++)
        {
            int rowCell = row * _grid.Columns;
            for (int entry = _cellStart[rowCell + colFirst], end = _cellStart[rowCell + colLast + 1]; entry < end; entry++)
            {
                int edge = cellEdge[entry];
                if (!profile.IsUsable(_graph, edge))
                {
                    continue;
                }
                int a = firstShapePoint[edge] + (2 * edge) + cellSegment[entry]; // EdgePolylines.FirstPoint, with the span hoisted
                double ax = (pointLonE7[a] - lonE7) * metresPerLonE7;
                double ay = (pointLatE7[a] - latE7) * metresPerLatE7;
                double ex = ((pointLonE7[a + 1] - lonE7) * metresPerLonE7) - ax;
                double ey = ((pointLatE7[a + 1] - latE7) * metresPerLatE7) - ay;
                double lengthSquaredM2 = (ex * ex) + (ey * ey);
                double t = lengthSquaredM2 > 0 ? Math.Clamp(-((ax * ex) + (ay * ey)) / lengthSquaredM2, 0, 1) : 0;
                double cx = ax + (t * ex);
                double cy = ay + (t * ey);
                double distanceSquaredM2 = (cx * cx) + (cy * cy);
                if (distanceSquaredM2 > radiusSquaredM2)
                {
                    continue;
                }
                var found = new Candidate(edge, cellSegment[entry], t, distanceSquaredM2);
                if (network is null || network.IsOnMain(edge))
                {
                    main = distanceSquaredM2 < main.DistanceSquaredM2 ? found : main;
                }
                else if (network.IsStaticIsland(_graph, edge))
                {
                    detached = distanceSquaredM2 < detached.DistanceSquaredM2 ? found : detached;
                }
                else
                {
                    island = distanceSquaredM2 < island.DistanceSquaredM2 ? found : island;
                }
            }
        }
        return main;
    }

    /// <summary>
    /// The named way an unnamed one runs along at <paramref name="point"/>, where it heads along <paramref name="direction"/>
    /// (any vector in degrees of longitude and latitude): the nearest edge with a name within <paramref name="radiusM"/>
    /// whose shape there runs within <paramref name="maxAngleDeg"/> of that heading, either way; -1 when none does. A
    /// sidewalk carries no name of its own (OSM <c>footway=sidewalk</c>), but the street beside it does. Any named edge
    /// counts, usable by a profile or not: a pavement runs along a main road nobody on foot may take.
    /// </summary>
    internal int NamedEdgeAlong(GeoPoint point, GeoPoint direction, double radiusM, double maxAngleDeg)
    {
        if (_isEmpty || !Window(point, radiusM, out var window))
        {
            return -1;
        }
        double dx = direction.Lon * Coordinates.E7 * window.MetresPerLonE7, dy = direction.Lat * Coordinates.E7 * window.MetresPerLatE7;
        double headingM = Math.Sqrt((dx * dx) + (dy * dy));
        if (headingM == 0)
        {
            return -1;
        }
        double maxSine = Math.Sin(maxAngleDeg * (Math.PI / 180));
        double radiusSquaredM2 = radiusM * radiusM, nearestSquaredM2 = double.PositiveInfinity;
        int nearest = -1;
        var nameId = _graph.EdgeNameId;
        var firstShapePoint = _graph.EdgeFirstShapePoint;
        for (int row = window.RowFirst; row <= window.RowLast; row++)
        {
            int rowCell = row * _grid.Columns;
            for (int entry = _cellStart[rowCell + window.ColFirst], end = _cellStart[rowCell + window.ColLast + 1]; entry < end; entry++)
            {
                int edge = _cellEdge[entry];
                if (nameId[edge] == 0)
                {
                    continue;
                }
                int a = firstShapePoint[edge] + (2 * edge) + _cellSegment[entry];
                double ax = (_pointLonE7[a] - window.LonE7) * window.MetresPerLonE7;
                double ay = (_pointLatE7[a] - window.LatE7) * window.MetresPerLatE7;
                double ex = ((_pointLonE7[a + 1] - window.LonE7) * window.MetresPerLonE7) - ax;
                double ey = ((_pointLatE7[a + 1] - window.LatE7) * window.MetresPerLatE7) - ay;
                double lengthSquaredM2 = (ex * ex) + (ey * ey);
                // Parallel either way: the sine of the angle between the two headings is small.
                if (lengthSquaredM2 == 0 || Math.Abs((ex * dy) - (ey * dx)) > maxSine * headingM * Math.Sqrt(lengthSquaredM2))
                {
                    continue;
                }
                double t = Math.Clamp(-((ax * ex) + (ay * ey)) / lengthSquaredM2, 0, 1);
                double cx = ax + (t * ex), cy = ay + (t * ey);
                double distanceSquaredM2 = (cx * cx) + (cy * cy);
                if (distanceSquaredM2 <= radiusSquaredM2 && distanceSquaredM2 < nearestSquaredM2)
                {
                    (nearest, nearestSquaredM2) = (edge, distanceSquaredM2);
                }
            }
        }
        return nearest;
    }

    /// <summary>
    /// The cells a query within <paramref name="radiusM"/> of <paramref name="point"/> reads, and the local
    /// equirectangular projection centred on the point (metres per E7 unit). The window uses the smallest cosine within
    /// the radius so that it is never narrower than the circle it must contain, and one extra metre so that rounding in
    /// the rasterisation cannot drop a segment that touches a cell's border. False when no cell lies within it.
    /// </summary>
    private bool Window(GeoPoint point, double radiusM, out CellWindow window)
    {
        double metresPerLatE7 = MetresPerDegree / Coordinates.E7;
        double metresPerLonE7 = metresPerLatE7 * Math.Cos(point.Lat * (Math.PI / 180));
        double windowM = radiusM + 1;
        double windowLatDeg = windowM / MetresPerDegree;
        double windowLonDeg = windowM / (MetresPerDegree * CosineAtMost(Math.Abs(point.Lat) + windowLatDeg));
        double latE7 = point.Lat * Coordinates.E7;
        double lonE7 = point.Lon * Coordinates.E7;
        bool any = CellRange(latE7 - (windowLatDeg * Coordinates.E7), latE7 + (windowLatDeg * Coordinates.E7), _grid.MinLatE7, _grid.CellLatE7, _grid.Rows, out int rowFirst, out int rowLast)
            & CellRange(lonE7 - (windowLonDeg * Coordinates.E7), lonE7 + (windowLonDeg * Coordinates.E7), _grid.MinLonE7, _grid.CellLonE7, _grid.Columns, out int colFirst, out int colLast);
        window = new CellWindow(latE7, lonE7, metresPerLatE7, metresPerLonE7, rowFirst, rowLast, colFirst, colLast);
        return any;
    }

    /// <summary>Rows and columns of cells a query reads, and its projection: see <see cref="Window"/>.</summary>
    private readonly record struct CellWindow(double LatE7, double LonE7, double MetresPerLatE7, double MetresPerLonE7,
        int RowFirst, int RowLast, int ColFirst, int ColLast);

    /// <summary>
    /// Turns a candidate into a snap point: the offset sums the haversine lengths of the preceding segments, as the
    /// builder summed them into EdgeLengthCm, so offsets and edge lengths agree to the centimetre.
    /// </summary>
    private SnapPoint ToSnapPoint(GeoPoint requested, Candidate candidate)
    {
        int first = EdgePolylines.FirstPoint(_graph, candidate.Edge);
        int a = first + candidate.Segment;
        double offsetM = 0;
        for (int i = first; i < a; i++)
        {
            offsetM += Coordinates.DistanceM(_pointLatE7[i], _pointLonE7[i], _pointLatE7[i + 1], _pointLonE7[i + 1]);
        }
        offsetM += candidate.T * Coordinates.DistanceM(_pointLatE7[a], _pointLonE7[a], _pointLatE7[a + 1], _pointLonE7[a + 1]);
        offsetM = Math.Clamp(offsetM, 0, _graph.EdgeLengthCm[candidate.Edge] / 100.0);

        // Linear interpolation in degrees is exact for the equirectangular projection the candidate was found in.
        double lat = (_pointLatE7[a] + (candidate.T * (_pointLatE7[a + 1] - _pointLatE7[a]))) / Coordinates.E7;
        double lon = (_pointLonE7[a] + (candidate.T * (_pointLonE7[a + 1] - _pointLonE7[a]))) / Coordinates.E7;
        double distanceM = Coordinates.DistanceM(requested.Lat, requested.Lon, lat, lon);
        return new SnapPoint(candidate.Edge, offsetM, new GeoPoint(lat, lon), distanceM);
    }

    /// <summary>Visits every segment of every edge and registers it in the cells it passes through.</summary>
    private void RegisterSegments(int[] cursor, int[]? cellEdge, int[]? cellSegment)
    {
        var firstShapePoint = _graph.EdgeFirstShapePoint;
        for (int edge = 0; edge < _graph.EdgeCount; edge++)
        {
            int first = EdgePolylines.FirstPoint(_graph, edge);
            int segments = firstShapePoint[edge + 1] - firstShapePoint[edge] + 1;
            for (int segment = 0; segment < segments; segment++)
            {
                int a = first + segment;
                Rasterise(
                    (_pointLonE7[a] - _grid.MinLonE7) / _grid.CellLonE7, (_pointLatE7[a] - _grid.MinLatE7) / _grid.CellLatE7,
                    (_pointLonE7[a + 1] - _grid.MinLonE7) / _grid.CellLonE7, (_pointLatE7[a + 1] - _grid.MinLatE7) / _grid.CellLatE7,
                    edge, segment, cursor, cellEdge, cellSegment);
            }
        }
    }

    /// <summary>
    /// Registers a segment given in cell units in every cell it crosses: row by row, the part of the segment inside
    /// the row spans a run of columns. Counts when <paramref name="cellEdge"/> is null, fills otherwise.
    /// </summary>
    private void Rasterise(double x0, double y0, double x1, double y1, int edge, int segment, int[] cursor, int[]? cellEdge, int[]? cellSegment)
    {
        if (y0 > y1)
        {
            (x0, y0, x1, y1) = (x1, y1, x0, y0);
        }
        int rowFirst = Math.Clamp((int)Math.Floor(y0), 0, _grid.Rows - 1);
        int rowLast = Math.Clamp((int)Math.Floor(y1), 0, _grid.Rows - 1);
        double dy = y1 - y0;
        for (int row = rowFirst; row <= rowLast; row++)
        {
            double xa = x0, xb = x1;
            if (rowFirst != rowLast)
            {
                // dy > 0 here: the segment spans more than one row.
                xa = x0 + ((x1 - x0) * ((Math.Max(y0, row) - y0) / dy));
                xb = x0 + ((x1 - x0) * ((Math.Min(y1, row + 1) - y0) / dy));
            }
            int colFirst = Math.Clamp((int)Math.Floor(Math.Min(xa, xb)), 0, _grid.Columns - 1);
            int colLast = Math.Clamp((int)Math.Floor(Math.Max(xa, xb)), 0, _grid.Columns - 1);
            for (int col = colFirst; col <= colLast; col++)
            {
                int position = cursor[(row * _grid.Columns) + col]++;
                if (cellEdge is not null && cellSegment is not null)
                {
                    cellEdge[position] = edge;
                    cellSegment[position] = segment;
                }
            }
        }
    }

    /// <summary>The cells overlapping [low, high] along one axis, clamped to the grid; false when none do.</summary>
    private static bool CellRange(double lowE7, double highE7, double originE7, double cellE7, int count, out int first, out int last)
    {
        double low = Math.Floor((lowE7 - originE7) / cellE7);
        double high = Math.Floor((highE7 - originE7) / cellE7);
        if (high < 0 || low >= count)
        {
            first = last = 0;
            return false;
        }
        first = (int)Math.Max(low, 0);
        last = (int)Math.Min(high, count - 1);
        return true;
    }

    /// <summary>The cosine of a latitude in degrees, kept away from 0 near the poles so that divisions stay finite.</summary>
    private static double CosineAtMost(double absLatDeg) => Math.Max(1e-6, Math.Cos(Math.Min(90, absLatDeg) * (Math.PI / 180)));

    /// <summary>The nearest segment found so far; <see cref="None"/> has an infinite distance.</summary>
    private readonly record struct Candidate(int Edge, int Segment, double T, double DistanceSquaredM2)
    {
        public static Candidate None => new(-1, 0, 0, double.PositiveInfinity);

        public bool IsFound => Edge >= 0;
    }
}
