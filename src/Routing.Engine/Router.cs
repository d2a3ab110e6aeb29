using Routing.Engine.Barriers;
using Routing.Engine.Hierarchy;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Engine;

/// <summary>
/// The engine's one entry point: snaps the waypoints, searches each leg with the request's own profile, assembles
/// the route or explains why there is none. Built once per graph (landmarks, spatial index, and in the background
/// the contraction hierarchy that presets search on); shared by all requests and thread-safe, because the graph is read-only and search state is rented per request.
/// <para>
/// Barrier reports are an immutable <see cref="BarrierOverlay"/> that <see cref="ReplaceOverlay"/> swaps in
/// atomically. A request reads the overlay once when it starts and uses that snapshot to the end (strict and relaxed
/// profiles, warnings), so requests in flight never see half of an update.
/// </para>
/// </summary>
public sealed class Router
{
    private readonly PathFinder _pathFinder;
    private readonly SnapIndex _snapIndex;
    private readonly MoveSuggestions _moves;
    private readonly CompiledProfileCache _compiledProfiles;
    private readonly PresetHierarchies? _presetHierarchies;
    private readonly RoutePlanner _planner;
    private BarrierOverlay _overlay = BarrierOverlay.Empty;

    /// <param name="presetsOnHierarchy">
    /// Whether presets search on a contraction hierarchy (the default); without it every request searches with ALT,
    /// equally exact: the baseline the hierarchy is measured against, and a switch for a graph too large to contract.
    /// </param>
    public Router(RoutingGraph graph, ProfileCatalog profiles, bool presetsOnHierarchy = true)
    {
        Graph = graph;
        Profiles = profiles;
        _pathFinder = new PathFinder(graph);
        _snapIndex = new SnapIndex(graph);
        _moves = new MoveSuggestions(graph, _snapIndex);
        _compiledProfiles = new CompiledProfileCache(graph);
        _planner = new RoutePlanner(_pathFinder, new RouteAssembler(graph, () => Overlay, new StreetsAlong(graph, _snapIndex)), _compiledProfiles, profiles);
        // The presets, and for those with a climb budget the climb-averse variant that a route over budget and a climb
        // refusal search with (Effort.ClimbBudget): on ALT its heavy climb weights leave the landmark bounds weak.
        IReadOnlyList<ProfileSettings> customized =
            [.. profiles.Presets, .. profiles.Presets.Where(p => p.MaxClimbM is not null).Select(Effort.ClimbBudget.Averse)];
        _presetHierarchies = presetsOnHierarchy ? new PresetHierarchies(graph, customized, _compiledProfiles, _overlay) : null;
    }

    public RoutingGraph Graph { get; }

    public ProfileCatalog Profiles { get; }

    /// <summary>The barrier reports routes respect now (<see cref="BarrierOverlay.Empty"/> until one is set).</summary>
    public BarrierOverlay Overlay => Volatile.Read(ref _overlay);

    /// <summary>
    /// Makes <paramref name="overlay"/> the one new requests use, atomically; requests already running finish with the
    /// overlay they started with. The overlay must have been built for this router's graph.
    /// </summary>
    public void ReplaceOverlay(BarrierOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        if (overlay.Graph is { } graph && !ReferenceEquals(graph, Graph))
        {
            throw new ArgumentException("the overlay was built for another graph", nameof(overlay));
        }
        Volatile.Write(ref _overlay, overlay);
        // Profiles compiled with the old overlay are keyed by its version and no new request asks for them again.
        _compiledProfiles.Clear();
        _presetHierarchies?.OverlayChanged(overlay);
    }

    /// <summary>
    /// Completes when the presets search on the contraction hierarchy (built in the background when the router is
    /// made): a summary for the start-up log. Until then, and for a moment after each new overlay, routes are just as
    /// exact with ALT. Faults if the hierarchy could not be built; routes then stay on ALT. Null when the router was made
    /// without a hierarchy.
    /// </summary>
    public async Task<HierarchySummary?> HierarchyReadyAsync()
    {
        if (_presetHierarchies is null)
        {
            return null;
        }
        var topology = await _presetHierarchies.Ready.ConfigureAwait(false);
        return new HierarchySummary(topology.ShortcutCount, topology.BuildTime, _presetHierarchies.LastCustomizationTime);
    }

    /// <summary>How many settings beyond the presets have earned a hierarchy of their own by being asked for often.</summary>
    public int EarnedHierarchies => _presetHierarchies?.EarnedCount ?? 0;

    /// <summary>Whether the presets search on a hierarchy customized for the overlay in force right now.</summary>
    public bool PresetsOnCurrentHierarchy => _presetHierarchies is { } hierarchies && hierarchies.CustomizedOverlay?.CostVersion == Overlay.CostVersion;

    /// <summary>
    /// What a report at <paramref name="geometry"/> would be pinned to, judged as for a report of kind <c>other</c>
    /// (points go to the nearest node within 8 m, else to the nearest way within 30 m). Use the overload with the kind
    /// to get exactly what <see cref="BarrierOverlay.Build"/> pins a report of that kind to.
    /// </summary>
    public BarrierPin Pin(BarrierGeometry geometry) => Pin(geometry, ReportedBarrierKind.Other);

    /// <summary>What a report of this kind at <paramref name="geometry"/> is pinned to: OSM ways and nodes, and for a point where and how far.</summary>
    public BarrierPin Pin(BarrierGeometry geometry, ReportedBarrierKind kind) => BarrierOverlay.Pin(Graph, geometry, kind);

    /// <summary>
    /// The profile as routes use it now (with the current barrier overlay), from the same cache: what the map's
    /// accessibility layer judges ways with (<see cref="EdgeJudge"/>), so colours and routes agree.
    /// </summary>
    public CompiledProfile Compile(ProfileSettings settings) => Compile(settings, Overlay);

    /// <summary>The profile with <paramref name="overlay"/>, from the same cache (a caller that reads the overlay once uses it throughout).</summary>
    internal CompiledProfile Compile(ProfileSettings settings, BarrierOverlay overlay) => _compiledProfiles.Get(settings, relaxed: false, overlay);

    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled: a client that leaves stops its searches within a fraction of a
    /// millisecond of search, however many legs and refusal rounds the request would have taken.
    /// </exception>
    public RouteOutcome Route(RouteRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Waypoints.Count < 2)
        {
            throw new ArgumentException("a route needs at least two waypoints", nameof(request));
        }
        var overlay = WithAvoidAreas(Overlay, request.AvoidAreas); // one snapshot for the whole request
        var profile = _compiledProfiles.Get(request.Profile, relaxed: false, overlay);
        CompiledProfile? relaxed = null;
        var snapped = new SnapPoint[request.Waypoints.Count];
        for (int i = 0; i < snapped.Length; i++)
        {
            var point = request.Waypoints[i];
            var (snap, failure) = Place(point, i, request.SnapRadiusM, profile);
            if (snap is { } onNetwork)
            {
                snapped[i] = onNetwork;
                continue;
            }
            if (failure is PointOutsideArea)
            {
                return failure;
            }
            // A point that lies only on ways this profile may not use (a steep lane, a staircase) still has a place:
            // start there, let the strict search fail, and explain what blocks instead of "not on the network".
            relaxed ??= _compiledProfiles.Get(request.Profile, relaxed: true, overlay);
            if (_snapIndex.Snap(point, request.SnapRadiusM, relaxed).Snapped is not { } onBlockedWay)
            {
                return failure!;
            }
            snapped[i] = onBlockedWay;
        }

        var outcome = _planner.Plan(request, overlay, snapped, profile, other => PlaceEvery(request, other), cancellationToken);
        return outcome is NoRoute refusal ? _moves.AddTo(refusal, request, snapped, profile) : outcome;
    }

    /// <summary>The request's points placed for another profile; null when one cannot be placed.</summary>
    private SnapPoint[]? PlaceEvery(RouteRequest request, CompiledProfile profile)
    {
        var snapped = new SnapPoint[request.Waypoints.Count];
        for (int i = 0; i < snapped.Length; i++)
        {
            if (Place(request.Waypoints[i], i, request.SnapRadiusM, profile).Snapped is not { } here)
            {
                return null;
            }
            snapped[i] = here;
        }
        return snapped;
    }

    /// <summary>
    /// The overlay with the request's avoid areas laid over it as verified <c>blocked_path</c> reports, area i with report
    /// id <c>-(i + 1)</c> so that a blocker can name the area. Built per request (about a millisecond on a city graph), so
    /// the shared overlay is never touched and the search stays exact.
    /// </summary>
    private BarrierOverlay WithAvoidAreas(BarrierOverlay overlay, IReadOnlyList<BarrierGeometry> areas)
    {
        if (areas.Count == 0)
        {
            return overlay;
        }
        var avoided = areas.Select((area, i) => new ReportedBarrier(AvoidAreaReportId(i), ReportedBarrierKind.BlockedPath, Verified: true, area));
        // With the shared overlay as the previous one, its reports keep their pins and its pending index: only the areas are new.
        return BarrierOverlay.Build(Graph, [.. overlay.Active.Select(a => a.Report), .. overlay.Unverified, .. avoided], overlay);
    }

    /// <summary>The report id an avoid area of a request gets in its overlay (and in the blockers it causes).</summary>
    public static long AvoidAreaReportId(int areaIndex) => -(areaIndex + 1L);

    /// <summary>
    /// Duration, length and cost of the route between every source and every destination, as <see cref="Route"/> would
    /// find it: one search per source, stopping once every destination is settled. Points that cannot be placed get
    /// null rows or columns and say why.
    /// </summary>
    /// <param name="maxCostS">
    /// Each search stops at this cost (seconds of the profile's cost); a pair beyond it is null. Walks to and between
    /// transit stops are bounded so, or a stop a wheelchair cannot reach would make each search cover the whole graph.
    /// </param>
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> sources, IReadOnlyList<GeoPoint> destinations, ProfileSettings settings,
        double snapRadiusM = RouteRequest.DefaultSnapRadiusM, double maxCostS = double.PositiveInfinity, CancellationToken cancellationToken = default)
    {
        var profile = _compiledProfiles.Get(settings, relaxed: false, Overlay);
        var (sourceSnaps, sourcePoints) = PlaceAll(sources, snapRadiusM, profile);
        var (destinationSnaps, destinationPoints) = PlaceAll(destinations, snapRadiusM, profile);
        return TravelMatrixSearch.Compute(Graph, profile, new OneToManySearch(Graph), sourceSnaps, destinationSnaps, sourcePoints, destinationPoints,
            maxCostS, cancellationToken);
    }

    /// <summary>
    /// The first of <paramref name="points"/> this profile cannot place (<see cref="PointOutsideArea"/> or
    /// <see cref="PointNotOnNetwork"/>, with its index), or null when every one can: a request with many origins is
    /// refused before its first search, not after searching from all the others.
    /// </summary>
    public RouteOutcome? FirstUnplaceable(IReadOnlyList<GeoPoint> points, ProfileSettings settings, double snapRadiusM = RouteRequest.DefaultSnapRadiusM)
    {
        var profile = _compiledProfiles.Get(settings, relaxed: false, Overlay);
        for (int i = 0; i < points.Count; i++)
        {
            if (Place(points[i], i, snapRadiusM, profile).Failure is { } failure)
            {
                return failure;
            }
        }
        return null;
    }

    /// <summary>Every point placed with this profile (null where it cannot be), and each as a matrix reports it.</summary>
    internal (SnapPoint?[] Snaps, MatrixPoint[] Points) PlaceAll(IReadOnlyList<GeoPoint> points, double snapRadiusM, CompiledProfile profile)
    {
        var snaps = new SnapPoint?[points.Count];
        var placed = new MatrixPoint[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            (snaps[i], var failure) = Place(points[i], i, snapRadiusM, profile);
            placed[i] = new MatrixPoint(points[i], snaps[i]?.Point, failure switch
            {
                PointOutsideArea => "point-outside-area",
                PointNotOnNetwork => "point-not-on-network",
                _ => null,
            });
        }
        return (snaps, placed);
    }

    /// <summary>Where a point starts or ends a search with this profile, or why it cannot.</summary>
    internal (SnapPoint? Snapped, RouteOutcome? Failure) Place(GeoPoint point, int index, double snapRadiusM, CompiledProfile profile)
    {
        if (!_snapIndex.Covers(point))
        {
            return (null, new PointOutsideArea(index, point));
        }
        var snap = _snapIndex.Snap(point, snapRadiusM, profile);
        return snap.Snapped is { } snapped
            ? (snapped, null)
            : (null, new PointNotOnNetwork(index, point, snapRadiusM, snap.NearestUsableBeyondRadiusM));
    }
}
