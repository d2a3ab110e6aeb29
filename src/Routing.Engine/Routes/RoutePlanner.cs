using Routing.Engine.Barriers;
using Routing.Engine.Detours;
using Routing.Engine.Effort;
using Routing.Engine.Profiles;
using Routing.Engine.Search;

namespace Routing.Engine.Routes;

/// <summary>
/// Plans a request whose points are placed: the cheapest route within the limits, held to the climb budget
/// (<see cref="ClimbBudget"/>) and compared with walking (<see cref="DetourCheck"/>); or the refusal, naming every
/// limit the least-bad route breaks so that lifting them all gives a route.
/// </summary>
internal sealed class RoutePlanner(PathFinder pathFinder, RouteAssembler assembler, CompiledProfileCache profiles, ProfileCatalog catalog)
{
    /// <summary>The preset whose route is "the walking route" that detours are measured against.</summary>
    public const string WalkingPreset = "foot";

    /// <summary>At most this many searches with lifted limits per climb refusal.</summary>
    private const int MaxLiftRounds = 3;

    private readonly DetourCheck _detours = new(pathFinder.Graph, assembler);

    /// <param name="snapped">The requested points placed for <paramref name="strict"/>, one more than legs.</param>
    /// <param name="place">Places the requested points for another profile; null when one cannot be placed.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked in every search).</exception>
    public RouteOutcome Plan(RouteRequest request, BarrierOverlay overlay, SnapPoint[] snapped, CompiledProfile strict,
        Func<CompiledProfile, SnapPoint[]?> place, CancellationToken cancellationToken)
    {
        var legs = new SearchPath[snapped.Length - 1];
        for (int leg = 0; leg < legs.Length; leg++)
        {
            if (pathFinder.Find(strict, snapped[leg], snapped[leg + 1], cancellationToken) is not { } path)
            {
                return Explain(request, overlay, leg, snapped, legs, strict, place, cancellationToken);
            }
            legs[leg] = path;
        }
        var route = Assemble(legs, strict, request);
        if (ClimbBudget.Exceeds(route, request.Profile))
        {
            // Every leg was found strictly, so the climb-averse search finds every leg too.
            var leastClimbLegs = LeastClimbLegs(request.Profile, relaxed: false, overlay, strict, snapped, cancellationToken)!;
            var leastClimb = Assemble(leastClimbLegs, strict, request);
            if (ClimbBudget.Exceeds(leastClimb, request.Profile))
            {
                // Breaking a limit may save more climb than any route within the limits: the relaxed search weighs both.
                var leastBad = (Legs: leastClimbLegs, Route: leastClimb);
                if (LeastClimbLegs(request.Profile, relaxed: true, overlay, Relaxed(request, overlay), snapped, cancellationToken) is { } relaxedLegs
                    && Assemble(relaxedLegs, strict, request) is var relaxedRoute
                    && relaxedRoute.Elevation!.AscentM < leastClimb.Elevation!.AscentM)
                {
                    leastBad = (relaxedLegs, relaxedRoute);
                }
                return Refuse(request, overlay, snapped, strict, place, 0, leastBad.Legs, leastBad.Route, cancellationToken);
            }
            (route, legs) = (leastClimb, leastClimbLegs);
        }
        return new RouteFound(_detours.Describe(route, WalkingLegs(request, overlay, legs, place, cancellationToken), strict, Relaxed(request, overlay), request));
    }

    /// <summary>
    /// Searches the failed leg again with every limit turned into a large penalty: the cheapest such path breaks the
    /// fewest limits, and what it breaks is what blocks the user. The remaining legs are searched strictly where they
    /// can be, relaxed where not, so that the least-violating route covers the whole request; when it climbs over the
    /// budget, the relaxed route that climbs least takes its place.
    /// </summary>
    /// <param name="legs">The legs before <paramref name="failedLeg"/>, found strictly; filled in here.</param>
    private NoRoute Explain(RouteRequest request, BarrierOverlay overlay, int failedLeg, SnapPoint[] snapped, SearchPath[] legs,
        CompiledProfile strict, Func<CompiledProfile, SnapPoint[]?> place, CancellationToken cancellationToken)
    {
        var relaxed = Relaxed(request, overlay);
        if (pathFinder.Find(relaxed, snapped[failedLeg], snapped[failedLeg + 1], cancellationToken) is not { } leastBad)
        {
            return new NoRoute(failedLeg, [assembler.NotConnected(snapped[failedLeg + 1], request.Language)]);
        }
        legs[failedLeg] = leastBad;
        for (int leg = failedLeg + 1; leg < legs.Length; leg++)
        {
            if ((pathFinder.Find(strict, snapped[leg], snapped[leg + 1], cancellationToken)
                ?? pathFinder.Find(relaxed, snapped[leg], snapped[leg + 1], cancellationToken)) is not { } path)
            {
                return new NoRoute(failedLeg, assembler.Explain(leastBad, strict, request.Language));
            }
            legs[leg] = path;
        }
        var route = Assemble(legs, strict, request);
        if (ClimbBudget.Exceeds(route, request.Profile)
            && LeastClimbLegs(request.Profile, relaxed: true, overlay, relaxed, snapped, cancellationToken) is { } leastClimbLegs)
        {
            (legs, route) = (leastClimbLegs, Assemble(leastClimbLegs, strict, request));
        }
        return Refuse(request, overlay, snapped, strict, place, failedLeg, legs, route, cancellationToken);
    }

    /// <summary>
    /// The refusal with <paramref name="leastBadLegs"/> (assembled: <paramref name="route"/>) as its least-violating route
    /// and every limit it breaks as blockers.
    /// When that route climbs over the budget, the route the request would get once those limits were lifted takes its
    /// place, with its own climb: a path found by the climb-averse search among more permissive limits is found again
    /// among the limits its own breaks name, so lifting every field named gives a route, the one shown.
    /// </summary>
    private NoRoute Refuse(RouteRequest request, BarrierOverlay overlay, SnapPoint[] snapped, CompiledProfile strict,
        Func<CompiledProfile, SnapPoint[]?> place, int legIndex, SearchPath[] leastBadLegs, Route route, CancellationToken cancellationToken)
    {
        var blockers = Explain(leastBadLegs, strict, request.Language);
        if (ClimbBudget.Exceeds(route, request.Profile))
        {
            // The limits a route names may be narrower than those it was found within, and a narrower limit may place a
            // point elsewhere: a few rounds until the limits named are the limits searched (one or two in Heidelberg).
            var searched = request.Profile;
            for (int round = 0; round < MaxLiftRounds; round++)
            {
                var lifted = blockers.Aggregate(request.Profile, (settings, blocker) => blocker.Violation.Lift(settings));
                if (CompiledProfileCache.SameSettings(lifted, searched) || Lifted(request, overlay, snapped, lifted, place, cancellationToken) is not { } liftedLegs)
                {
                    break;
                }
                (route, leastBadLegs, searched) = (Assemble(liftedLegs, strict, request), liftedLegs, lifted);
                blockers = Explain(leastBadLegs, strict, request.Language);
            }
            if (ClimbBudget.Exceeds(route, request.Profile))
            {
                blockers.Add(RouteAssembler.ClimbBlocker(route, request.Profile.MaxClimbM!.Value, request.Language));
            }
        }
        return new NoRoute(legIndex, blockers, route);
    }

    /// <summary>
    /// Legs the request with <paramref name="lifted"/> limits is answered with once its budget is the climb they name:
    /// the legs that climb least within those limits (if the cheapest climbed less, that request gets it, still a
    /// route), placed as that request places them and priced as a least-violating route is (relaxed). Null when a leg
    /// has no path within them.
    /// </summary>
    private SearchPath[]? Lifted(RouteRequest request, BarrierOverlay overlay, SnapPoint[] snapped, ProfileSettings lifted,
        Func<CompiledProfile, SnapPoint[]?> place, CancellationToken cancellationToken)
    {
        var within = profiles.Get(lifted, relaxed: false, overlay);
        return LeastClimbLegs(lifted, relaxed: false, overlay, Relaxed(request, overlay), place(within) ?? snapped, cancellationToken);
    }

    /// <summary>
    /// The legs between the snapped points that climb about as little as any (<see cref="ClimbBudget"/>) within the limits
    /// of <paramref name="settings"/> (or breaking the fewest, <paramref name="relaxed"/>), priced by
    /// <paramref name="pricing"/>. Null when a leg has no such path.
    /// </summary>
    private SearchPath[]? LeastClimbLegs(ProfileSettings settings, bool relaxed, BarrierOverlay overlay, CompiledProfile pricing, SnapPoint[] snapped,
        CancellationToken cancellationToken)
    {
        var averse = profiles.Get(ClimbBudget.Averse(settings), relaxed, overlay);
        var legs = new SearchPath[snapped.Length - 1];
        for (int leg = 0; leg < legs.Length; leg++)
        {
            if (pathFinder.Find(averse, snapped[leg], snapped[leg + 1], cancellationToken) is not { } path)
            {
                return null;
            }
            legs[leg] = SearchCosts.Repriced(pathFinder.Graph, pricing, path);
        }
        return legs;
    }

    /// <summary>
    /// The walking route's legs (the <see cref="WalkingPreset"/>, with the same barrier reports and avoid areas) between
    /// the requested points, placed for walking; null when walking cannot place a point or find a leg. A request for the
    /// walking profile itself is its own walking route.
    /// </summary>
    private SearchPath[]? WalkingLegs(RouteRequest request, BarrierOverlay overlay, SearchPath[] ownLegs, Func<CompiledProfile, SnapPoint[]?> place,
        CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(WalkingPreset, out var walking))
        {
            return null;
        }
        if (CompiledProfileCache.SameSettings(walking, request.Profile))
        {
            return ownLegs;
        }
        var foot = profiles.Get(walking, relaxed: false, overlay);
        if (place(foot) is not { } snapped)
        {
            return null;
        }
        var legs = new SearchPath[snapped.Length - 1];
        for (int leg = 0; leg < legs.Length; leg++)
        {
            if (pathFinder.Find(foot, snapped[leg], snapped[leg + 1], cancellationToken) is not { } path)
            {
                return null;
            }
            legs[leg] = path;
        }
        return legs;
    }

    private List<Blocker> Explain(SearchPath[] legs, CompiledProfile strict, string language)
    {
        var blockers = new List<Blocker>();
        foreach (var path in legs)
        {
            blockers.AddRange(assembler.Explain(path, strict, language));
        }
        return blockers;
    }

    private CompiledProfile Relaxed(RouteRequest request, BarrierOverlay overlay) => profiles.Get(request.Profile, relaxed: true, overlay);

    private Route Assemble(SearchPath[] legs, CompiledProfile strict, RouteRequest request) =>
        assembler.Assemble(legs, strict, request.Waypoints, request.Language, request.Instructions);
}
