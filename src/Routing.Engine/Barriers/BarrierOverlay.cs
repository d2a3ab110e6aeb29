using Routing.Graph;

namespace Routing.Engine.Barriers;

/// <summary>A verified report with what it was pinned to: graph edges and vertices (indices of <see cref="BarrierOverlay.Graph"/>).</summary>
public sealed record PinnedBarrier(ReportedBarrier Report, BarrierPin Pin, IReadOnlyList<int> Edges, IReadOnlyList<int> Vertices);

/// <summary>
/// Barrier reports laid over one read-only graph: an immutable snapshot that a background refresher rebuilds and the
/// <see cref="Router"/> swaps in atomically (DESIGN.md, "Reported barriers are an overlay").
/// <para>
/// Verified reports are pinned to edges and vertices (<see cref="BarrierPinning"/>) and change what profiles make of
/// them; unverified reports only make routes that pass close by warn. The overlay says nothing about costs itself:
/// each profile judges a report when it is compiled with the overlay (<see cref="BarrierEffects"/>), and only ever
/// adds cost, so the search's lower bounds stay valid.
/// </para>
/// <para>
/// How the search sees it: the overlay holds its own copies of the graph's per-edge and per-vertex class arrays in
/// which each overlaid edge or vertex points to an extra class after the graph's own (one per distinct combination
/// of original class and reports). A profile compiled with the overlay prices those extra classes, and the search
/// reads the class arrays from the profile: an overlay costs the search loop no extra work at all.
/// </para>
/// </summary>
public sealed class BarrierOverlay
{
    private static long s_lastVersion;

    private readonly int[]? _edgeClassIds;
    private readonly int[]? _vertexNodeClasses;

    private BarrierOverlay(long version, long costVersion, RoutingGraph? graph, IReadOnlyList<PinnedBarrier> active, IReadOnlyList<ReportedBarrier> unverified,
        int[]? edgeClassIds, int[]? vertexNodeClasses, OverlayClass[] edgeClasses, OverlayClass[] nodeClasses)
    {
        Version = version;
        CostVersion = costVersion;
        Graph = graph;
        Active = active;
        Unverified = unverified;
        _edgeClassIds = edgeClassIds;
        _vertexNodeClasses = vertexNodeClasses;
        EdgeClasses = edgeClasses;
        NodeClasses = nodeClasses;
    }

    /// <summary>No reports, for any graph: version 0.</summary>
    public static BarrierOverlay Empty { get; } = new(0, 0, null, [], [], null, null, [], []);

    /// <summary>Increases with every overlay built in this process.</summary>
    public long Version { get; }

    /// <summary>
    /// The <see cref="Version"/> of the first overlay with the same verified reports pinned the same way: overlays that
    /// differ only in reports awaiting verification price every edge alike, so compiled profiles and customized
    /// hierarchies are kept by this. A citizen's report therefore costs no new customization.
    /// </summary>
    public long CostVersion { get; }

    /// <summary>The graph the reports are pinned to; null only for <see cref="Empty"/>.</summary>
    public RoutingGraph? Graph { get; }

    /// <summary>The verified reports, in the order given, each with what it was pinned to (possibly nothing).</summary>
    public IReadOnlyList<PinnedBarrier> Active { get; }

    /// <summary>The reports that wait for verification: they change no cost, routes passing near them warn.</summary>
    public IReadOnlyList<ReportedBarrier> Unverified { get; }

    public bool IsEmpty => Active.Count == 0 && Unverified.Count == 0;

    /// <summary>Edges under at least one verified report.</summary>
    public int OverlaidEdgeCount { get; private init; }

    /// <summary>Vertices under at least one verified report.</summary>
    public int OverlaidVertexCount { get; private init; }

    /// <summary>The unverified reports (in the order of <see cref="Unverified"/>) simplified and indexed for routes' warnings.</summary>
    internal PendingReportIndex PendingIndex { get; private init; } = PendingReportIndex.Empty;

    /// <summary>The extra edge classes after the graph's own: original class and the reports on it.</summary>
    internal OverlayClass[] EdgeClasses { get; }

    /// <summary>The extra node classes after the graph's own.</summary>
    internal OverlayClass[] NodeClasses { get; }

    /// <summary>Per edge its class: the graph's, or for an overlaid edge an extra one; null when no edge is overlaid.</summary>
    internal int[]? EdgeClassIds => _edgeClassIds;

    /// <summary>Per vertex its node class: the graph's, or an extra one; null when no vertex is overlaid.</summary>
    internal int[]? VertexNodeClasses => _vertexNodeClasses;

    /// <summary>
    /// Pins every verified report to <paramref name="graph"/> and lays them over it; unverified reports are kept for
    /// warnings. Reports that pin to nothing have no effect. Thread-safe; takes about a millisecond per thousand point
    /// reports on a city graph (the spatial index is built once per graph, on the first call). A report that
    /// <paramref name="previous"/> (an overlay of the same graph) already holds, as the same object, keeps its pin,
    /// so that the refresh after one change pins one report, not all of them; the same pending reports keep their index.
    /// </summary>
    public static BarrierOverlay Build(RoutingGraph graph, IEnumerable<ReportedBarrier> reports, BarrierOverlay? previous = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(reports);
        var index = BarrierGeometryIndex.Of(graph);
        var pinnedBefore = previous is not null && ReferenceEquals(previous.Graph, graph)
            ? previous.Active.ToDictionary<PinnedBarrier, ReportedBarrier>(a => a.Report, ReferenceEqualityComparer.Instance)
            : [];
        var active = new List<PinnedBarrier>();
        var unverified = new List<ReportedBarrier>();
        var onEdge = new Dictionary<int, List<ReportedBarrier>>();
        var onVertex = new Dictionary<int, List<ReportedBarrier>>();
        foreach (var report in reports)
        {
            ArgumentNullException.ThrowIfNull(report, nameof(reports));
            if (!report.Verified)
            {
                unverified.Add(report);
                continue;
            }
            if (!pinnedBefore.TryGetValue(report, out var pinned))
            {
                var elements = BarrierPinning.Pin(index, report.Geometry, report.Kind, live: report.Live is not null);
                pinned = new PinnedBarrier(report, elements.ToPin(graph), elements.Edges, elements.Vertices);
            }
            active.Add(pinned);
            foreach (int edge in pinned.Edges)
            {
                Add(onEdge, edge, report);
            }
            foreach (int vertex in pinned.Vertices)
            {
                Add(onVertex, vertex, report);
            }
        }

        long version = Interlocked.Increment(ref s_lastVersion);
        if (previous is not null && (previous.Graph is null || ReferenceEquals(previous.Graph, graph))
            && previous.Active.SequenceEqual(active, ReferenceEqualityComparer.Instance))
        {
            // The same verified reports with the same pins (or none, after the empty overlay): the same prices, so the
            // same classes and cost version.
            return new BarrierOverlay(version, previous.CostVersion, graph, previous.Active, unverified, previous._edgeClassIds,
                previous._vertexNodeClasses, previous.EdgeClasses, previous.NodeClasses)
            {
                OverlaidEdgeCount = previous.OverlaidEdgeCount,
                OverlaidVertexCount = previous.OverlaidVertexCount,
                PendingIndex = PendingIndexFor(graph, unverified, previous),
            };
        }
        var (edgeClassIds, edgeClasses) = Remap(graph.EdgeClassId, graph.EdgeClasses.Length, onEdge);
        var (vertexNodeClasses, nodeClasses) = Remap(graph.VertexNodeClass, graph.NodeClasses.Length, onVertex);
        return new BarrierOverlay(version, version, graph, active, unverified, edgeClassIds, vertexNodeClasses, edgeClasses, nodeClasses)
        {
            OverlaidEdgeCount = onEdge.Count,
            OverlaidVertexCount = onVertex.Count,
            PendingIndex = PendingIndexFor(graph, unverified, previous),
        };
    }

    private static PendingReportIndex PendingIndexFor(RoutingGraph graph, List<ReportedBarrier> unverified, BarrierOverlay? previous) =>
        previous is not null && ReferenceEquals(previous.Graph, graph) && previous.Unverified.SequenceEqual(unverified, ReferenceEqualityComparer.Instance)
            ? previous.PendingIndex
            : PendingReportIndex.Build(graph, unverified,
                previous is not null && ReferenceEquals(previous.Graph, graph) ? (previous.PendingIndex, previous.Unverified) : null);

    /// <summary>What a geometry would be pinned to for a report of this kind.</summary>
    public static BarrierPin Pin(RoutingGraph graph, BarrierGeometry? geometry, ReportedBarrierKind kind)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return BarrierPinning.Pin(BarrierGeometryIndex.Of(graph), geometry, kind).ToPin(graph);
    }

    /// <summary>
    /// The elevator node or way an equipment at <paramref name="point"/> on <paramref name="level"/> (null: unknown)
    /// stands for, among those within <paramref name="radiusM"/> (<see cref="ElevatorLevelRule"/>: level, then distance);
    /// null when there is none: where a live feed's equipment is matched to the graph. Its pin's
    /// <see cref="BarrierPin.PinnedPoint"/> is the point a <see cref="LiveElevator"/> report then stands at.
    /// </summary>
    public static ElevatorMatch? MatchElevator(RoutingGraph graph, GeoPoint point, double radiusM, double? level)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return BarrierPinning.NearestElevator(BarrierGeometryIndex.Of(graph), point, radiusM, level) is var (pinned, agreement, levels)
            ? new ElevatorMatch(pinned.ToPin(graph), agreement, [.. levels.Select(l => (double)l.Level)])
            : null;
    }

    /// <summary>The verified reports pinned to an edge (empty for most).</summary>
    public IReadOnlyList<ReportedBarrier> ReportsOnEdge(int edge) =>
        _edgeClassIds is { } ids && Graph is { } graph && ids[edge] >= graph.EdgeClasses.Length
            ? EdgeClasses[ids[edge] - graph.EdgeClasses.Length].Reports
            : [];

    /// <summary>The verified reports pinned to a vertex (empty for most).</summary>
    public IReadOnlyList<ReportedBarrier> ReportsAtVertex(int vertex) =>
        _vertexNodeClasses is { } ids && Graph is { } graph && ids[vertex] >= graph.NodeClasses.Length
            ? NodeClasses[ids[vertex] - graph.NodeClasses.Length].Reports
            : [];

    /// <summary>
    /// Adds the report to the element's list once. A report adds all its elements before the next report adds any, so
    /// a repeat can only be the last entry: comparing with it keeps this constant time when thousands of reports
    /// share an element.
    /// </summary>
    private static void Add(Dictionary<int, List<ReportedBarrier>> map, int element, ReportedBarrier report)
    {
        if (!map.TryGetValue(element, out var list))
        {
            map[element] = list = [];
        }
        if (list.Count == 0 || !ReferenceEquals(list[^1], report))
        {
            list.Add(report);
        }
    }

    /// <summary>
    /// Copies the graph's class array and points each overlaid element to an extra class, shared by all elements with
    /// the same original class and the same reports; null and no classes when nothing is overlaid.
    /// </summary>
    private static (int[]? ClassIds, OverlayClass[] Classes) Remap(ReadOnlySpan<int> graphClassIds, int graphClassCount,
        Dictionary<int, List<ReportedBarrier>> reportsByElement)
    {
        if (reportsByElement.Count == 0)
        {
            return (null, []);
        }
        var classIds = graphClassIds.ToArray();
        var classes = new List<OverlayClass>();
        var byKey = new Dictionary<(int BaseClass, string Reports), int>();
        var reportIndex = new Dictionary<ReportedBarrier, int>(ReferenceEqualityComparer.Instance);
        foreach (var (element, reports) in reportsByElement.OrderBy(pair => pair.Key))
        {
            int baseClass = classIds[element];
            string key = string.Join(',', reports.Select(r => reportIndex.TryGetValue(r, out int i) ? i : reportIndex[r] = reportIndex.Count));
            if (!byKey.TryGetValue((baseClass, key), out int extra))
            {
                extra = classes.Count;
                byKey[(baseClass, key)] = extra;
                classes.Add(new OverlayClass(baseClass, [.. reports]));
            }
            classIds[element] = graphClassCount + extra;
        }
        return (classIds, [.. classes]);
    }
}

/// <summary>An extra class of an overlay: the element's own class in the graph and the verified reports on it.</summary>
internal sealed record OverlayClass(int BaseClass, ReportedBarrier[] Reports);

/// <summary>A box in degrees; NaN bounds never overlap anything.</summary>
internal readonly record struct GeoBounds(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public static GeoBounds None => new(double.NaN, double.NaN, double.NaN, double.NaN);

    public static GeoBounds Of(BarrierGeometry? geometry)
    {
        var points = geometry?.Points;
        if (points is null || points.Count == 0)
        {
            return None;
        }
        double minLat = double.PositiveInfinity, minLon = double.PositiveInfinity, maxLat = double.NegativeInfinity, maxLon = double.NegativeInfinity;
        foreach (var p in points)
        {
            if (!double.IsFinite(p.Lat) || !double.IsFinite(p.Lon) || Math.Abs(p.Lat) > 89)
            {
                return None;
            }
            (minLat, minLon, maxLat, maxLon) = (Math.Min(minLat, p.Lat), Math.Min(minLon, p.Lon), Math.Max(maxLat, p.Lat), Math.Max(maxLon, p.Lon));
        }
        return new(minLat, minLon, maxLat, maxLon);
    }

    public static GeoBounds Of(IReadOnlyList<GeoPoint> points)
    {
        double minLat = double.PositiveInfinity, minLon = double.PositiveInfinity, maxLat = double.NegativeInfinity, maxLon = double.NegativeInfinity;
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            (minLat, minLon, maxLat, maxLon) = (Math.Min(minLat, p.Lat), Math.Min(minLon, p.Lon), Math.Max(maxLat, p.Lat), Math.Max(maxLon, p.Lon));
        }
        return new(minLat, minLon, maxLat, maxLon);
    }

    /// <summary>Whether the boxes come within the margins (degrees) of each other; false for NaN bounds.</summary>
    public bool Near(in GeoBounds other, double marginLat, double marginLon) =>
        MinLat <= other.MaxLat + marginLat && MaxLat >= other.MinLat - marginLat
        && MinLon <= other.MaxLon + marginLon && MaxLon >= other.MinLon - marginLon;
}
