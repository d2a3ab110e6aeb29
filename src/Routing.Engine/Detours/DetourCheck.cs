using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Detours;

/// <summary>
/// Names a detour instead of serving it as an ordinary route: a route is set beside the walking route between the
/// same points (the <c>foot</c> preset's), and when it is more than <see cref="MinRatio"/> times and more than
/// <see cref="MinExtraM"/> longer, its summary says so with what keeps the profile off the walking route, and the
/// walking route is offered as an alternative judged by the profile, its segments naming the limits they break. The
/// user decides: a short route with one kerb may beat a 5 km detour.
/// </summary>
internal sealed class DetourCheck(RoutingGraph graph, RouteAssembler assembler)
{
    /// <summary>Shorter ratios are ordinary for step-free routes, which keep to pavements and crossings.</summary>
    public const double MinRatio = 1.5;

    /// <summary>On short trips a ratio says little: 150 m instead of 80 m is no detour worth naming.</summary>
    public const double MinExtraM = 300;

    /// <summary>A live elevator out of service this near the walking route is what keeps a wheeled profile off it.</summary>
    public const double LiveOutageNearM = 25;

    /// <param name="route">The route found for the request's profile.</param>
    /// <param name="walkingLegs">The foot preset's legs between the same points; null when walking finds none.</param>
    /// <param name="strict">The request's profile: it judges the walking route.</param>
    /// <param name="relaxed">The same profile with limits as penalties: it prices the walking route, as it prices a least-violating one.</param>
    public Route Describe(Route route, IReadOnlyList<SearchPath>? walkingLegs, CompiledProfile strict, CompiledProfile relaxed, RouteRequest request)
    {
        if (walkingLegs is null)
        {
            return route;
        }
        double walkingM = 0;
        foreach (var leg in walkingLegs)
        {
            walkingM += PathWalk.TravelledM(graph, leg);
        }
        var summary = route.Summary with { WalkingDistanceM = walkingM };
        if (route.DistanceM <= MinRatio * walkingM || route.DistanceM - walkingM <= MinExtraM)
        {
            return route with { Summary = summary };
        }
        var blockers = new List<Blocker>();
        var priced = new SearchPath[walkingLegs.Count];
        for (int i = 0; i < priced.Length; i++)
        {
            var leg = walkingLegs[i];
            blockers.AddRange(assembler.Explain(leg, strict, request.Language));
            priced[i] = SearchCosts.Repriced(graph, relaxed, leg);
        }
        var direct = assembler.Assemble(priced, strict, request.Waypoints, request.Language, request.Instructions);
        blockers.AddRange(LiveOutagesBeside(direct, strict, request));
        // Points that snap to one spot for walking (walkingM of 0) still give a finite ratio: against a metre.
        double ratio = route.DistanceM / Math.Max(walkingM, 1);
        return route with { Summary = summary with { Detour = new Detour(ratio, blockers) }, Alternatives = [direct] };
    }

    /// <summary>
    /// Live elevators out of service within <see cref="LiveOutageNearM"/> of the walking route: walking takes the stairs
    /// beside a broken elevator, so the walking route's own limits (steps) hide the news that sent a wheelchair round;
    /// named with evidence <c>live</c>, as a refusal names them.
    /// </summary>
    private IEnumerable<Blocker> LiveOutagesBeside(Route walking, CompiledProfile strict, RouteRequest request)
    {
        if (!strict.Settings.Wheeled || walking.Geometry.Count == 0)
        {
            yield break;
        }
        var plane = new Barriers.LocalPlane(walking.Geometry[0]);
        (double X, double Y)[]? line = null;
        foreach (var pinned in strict.Overlay.Active)
        {
            if (pinned.Report.Live is not { State: Barriers.LiveElevatorState.OutOfService } || pinned.Pin.PinnedPoint is not { } at)
            {
                continue;
            }
            line ??= [.. walking.Geometry.Select(plane.Project)];
            var (x, y) = plane.Project(at);
            if (Barriers.LocalPlane.PolylineDistance(x, y, line) <= LiveOutageNearM)
            {
                yield return assembler.LiveBlocker(pinned, strict.Settings, request.Language);
            }
        }
    }
}
