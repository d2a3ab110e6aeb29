namespace Routing.Engine.Barriers;

/// <summary>What a barrier report says is wrong (the API's <c>kind</c>, in snake case).</summary>
public enum ReportedBarrierKind
{
    ElevatorOutOfService,
    Construction,
    MissingKerbRamp,
    HighKerb,
    BlockedPath,
    NarrowPassage,
    SteepRamp,
    SurfaceDamage,
    Other,
}

/// <summary>Where a report is: a point, a line (a closed pavement) or a polygon (a construction site), WGS 84.</summary>
public enum BarrierGeometryType
{
    Point,
    LineString,
    Polygon,
}

/// <param name="Points">One point, the line's points, or the polygon's outer ring (closed or not).</param>
public sealed record BarrierGeometry(BarrierGeometryType Type, IReadOnlyList<GeoPoint> Points);

/// <summary>
/// A report as the engine needs it, independent of how reports are stored. Reports are pinned to the graph when the
/// overlay is built (from their geometry, so they survive a rebuilt graph). Only <see cref="Verified"/> reports
/// change routes; unverified ones only warn routes that pass close by.
/// </summary>
/// <param name="KerbHeightCm">Measured kerb height (missing_kerb_ramp, high_kerb).</param>
/// <param name="RemainingWidthCm">Measured clear width (narrow_passage, construction).</param>
/// <param name="InclinePct">Measured incline, unsigned (steep_ramp).</param>
/// <param name="Live">For an elevator whose state a live feed reports (kind <c>elevator_out_of_service</c>, whatever its
/// state): what the feed says, which decides the effect instead of the kind.</param>
public sealed record ReportedBarrier(
    long ReportId,
    ReportedBarrierKind Kind,
    bool Verified,
    BarrierGeometry Geometry,
    int? KerbHeightCm = null,
    int? RemainingWidthCm = null,
    double? InclinePct = null,
    LiveElevator? Live = null)
{
    /// <summary>
    /// Whether it says an elevator is out now: a verified <c>elevator_out_of_service</c> report, or a live feed's
    /// out-of-service state (a working or unknown live state is not out). What stations' pathways read.
    /// </summary>
    public bool ElevatorOut => Kind == ReportedBarrierKind.ElevatorOutOfService && Verified && (Live is null || Live.State == LiveElevatorState.OutOfService);
}

/// <summary>What a report's geometry was pinned to, for the reporter to see (and to store beside the report).</summary>
/// <param name="PinnedPoint">For a point report: the position on the network it was pinned to.</param>
public sealed record BarrierPin(IReadOnlyList<long> OsmWayIds, IReadOnlyList<long> OsmNodeIds, GeoPoint? PinnedPoint, double? DistanceM)
{
    public bool IsEmpty => OsmWayIds.Count == 0 && OsmNodeIds.Count == 0;
}
