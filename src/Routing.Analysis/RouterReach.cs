using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Engine.Search;

namespace Routing.Analysis;

/// <summary>What is reachable from a point (<see cref="RouterReach.Reach"/>).</summary>
public sealed record Reached(ReachTree Tree) : RouteOutcome;

/// <summary>
/// Reach as analysis asks the router for it: from one point (isochrones), and from many with what mending or losing a
/// barrier changes (fix-first, barrier impact). Each places its points and compiles its profile exactly as routes do,
/// with the barrier overlay in force, and runs the engine's one-to-many search.
/// </summary>
public static class RouterReach
{
    /// <summary>
    /// Everything reachable from <paramref name="origin"/> within <paramref name="limit"/> (seconds of the profile's cost,
    /// or metres along usable ways), with the barrier reports in force: a <see cref="Reached"/>, or why the origin
    /// cannot be placed. One search; the tree answers every smaller limit too.
    /// </summary>
    public static RouteOutcome Reach(this Router router, GeoPoint origin, ProfileSettings settings, ReachMetric metric, double limit,
        double snapRadiusM = RouteRequest.DefaultSnapRadiusM, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(router);
        var profile = router.Compile(settings, router.Overlay);
        var (snap, failure) = router.Place(origin, 0, snapRadiusM, profile);
        if (snap is not { } snapped)
        {
            return failure!;
        }
        var search = new OneToManySearch(router.Graph);
        search.Run(profile, snapped, metric, limit, cancellationToken: cancellationToken);
        return new Reached(new ReachTree(search, router.Graph, limit, snapped.Point));
    }

    /// <summary>
    /// Reach within <paramref name="limitS"/> seconds of the profile's cost from every origin that can be placed, with
    /// the barrier reports in force, ready to say what mending each blocking edge or vertex would add.
    /// </summary>
    public static FixImpact FixImpact(this Router router, IReadOnlyList<GeoPoint> origins, ProfileSettings settings, double limitS,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(router);
        return FixImpactWith(router, router.Overlay, origins, settings, limitS, cancellationToken);
    }

    /// <summary>What each barrier report in force takes from the reach within <paramref name="limitS"/> from the origins.</summary>
    public static IReadOnlyList<ReportImpact> ReportImpacts(this Router router, IReadOnlyList<GeoPoint> origins, ProfileSettings settings, double limitS,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(router);
        var overlay = router.Overlay;
        return FixImpactWith(router, overlay, origins, settings, limitS, cancellationToken)
            .ReportImpacts(overlay, other => CompiledProfile.Compile(router.Graph, settings, overlay: other), cancellationToken);
    }

    private static FixImpact FixImpactWith(Router router, BarrierOverlay overlay, IReadOnlyList<GeoPoint> origins, ProfileSettings settings, double limitS,
        CancellationToken cancellationToken)
    {
        var profile = router.Compile(settings, overlay);
        var (snaps, _) = router.PlaceAll(origins, RouteRequest.DefaultSnapRadiusM, profile);
        return new FixImpact(router.Graph, profile, snaps.OfType<SnapPoint>(), limitS, cancellationToken);
    }
}
