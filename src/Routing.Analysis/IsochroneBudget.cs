using Routing.Engine.Profiles;
using Routing.Engine.Reach;

namespace Routing.Analysis;

/// <summary>
/// How much drawing a set of isochrones asks for, checked before any search: an isochrone's polygon costs about the
/// square of its reach (the reached network, and the cells around it, grow with the area), and every origin and range
/// draws one. So the work of a request is the sum over origins and ranges of (reach in km)², and one request may ask for
/// at most <see cref="MaxReachKm2"/>: one 5 km walk, or 25 ranges of 1 km. A range in seconds reaches at most as far
/// as the profile's speed goes in that time (a route's cost is never less than its duration).
/// </summary>
public static class IsochroneBudget
{
    /// <summary>
    /// The most one request may ask for, in km² of reach. A 5 km isochrone on foot took 13.7 s of one core on Heidelberg
    /// (2-core machine under load, 2026-12-07), 10 km 52 s and 20 km 116 s before this budget.
    /// </summary>
    public const double MaxReachKm2 = 25;

    /// <summary>The work of <paramref name="origins"/> origins with these ranges, km² (see the class).</summary>
    public static double WorkKm2(int origins, IReadOnlyList<double> ranges, ReachMetric metric, ProfileSettings profile) =>
        origins * ranges.Sum(range => Math.Pow(ReachM(range, metric, profile) / 1000, 2));

    /// <summary>The farthest a range can reach along the network, metres.</summary>
    public static double ReachM(double range, ReachMetric metric, ProfileSettings profile) =>
        metric == ReachMetric.LengthM ? range : range * profile.SpeedMps;
}
