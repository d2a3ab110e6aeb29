using Routing.Engine.Profiles;
using Routing.Engine.Routes;

namespace Routing.Engine.Effort;

/// <summary>
/// A request's <see cref="ProfileSettings.MaxClimbM"/>: the total climb a route may have. A budget over a whole route is
/// not a cost per arc, so the search cannot hold it exactly; instead the cheapest route is checked, and when it climbs
/// too much, the route that weighs every metre of climb as <see cref="AverseClimbEquivalentM"/> level metres is tried
/// (it climbs about as little as any route between the points). Within the budget it is the answer; beyond it, the
/// request is refused with that route as the least-violating one. So no route answered climbs more than the budget.
/// </summary>
internal static class ClimbBudget
{
    /// <summary>
    /// How many level metres a metre of climb weighs in the second search: more than any detour within a city (a 5 km
    /// detour to save 10 m of climb is taken), less than a broken limit (<see cref="CompiledProfile.ViolationPenaltyS"/>),
    /// so the relaxed search still breaks the fewest limits first.
    /// </summary>
    public const double AverseClimbEquivalentM = 500;

    /// <summary>Whether the route climbs more than the budget; a route without heights (no terrain model) cannot tell and passes.</summary>
    public static bool Exceeds(Route route, ProfileSettings settings) =>
        settings.MaxClimbM is { } budgetM && route.Elevation is { } elevation && elevation.AscentM > budgetM;

    /// <summary>The same limits, with climbing weighed so heavily that the cheapest route is about the one that climbs least.</summary>
    public static ProfileSettings Averse(ProfileSettings settings) =>
        settings with { ClimbEquivalentM = Math.Max(settings.ClimbEquivalentM, AverseClimbEquivalentM) };

    /// <summary>The index of the first geometry point at which the route has climbed more than <paramref name="budgetM"/>.</summary>
    public static int PointWhereSpent(ElevationProfile elevation, double budgetM)
    {
        var heights = elevation.ElevationsM;
        double climbedM = 0;
        for (int p = 1; p < heights.Count; p++)
        {
            climbedM += Math.Max(0, heights[p] - heights[p - 1]);
            if (climbedM > budgetM)
            {
                return p;
            }
        }
        return heights.Count - 1;
    }
}
