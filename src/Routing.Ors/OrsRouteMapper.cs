using Routing.Engine;
using Routing.Engine.Routes;

namespace Routing.Ors;

/// <summary>A route in ORS's terms, before it is written as JSON (encoded polyline) or GeoJSON (positions).</summary>
internal sealed record OrsRouteParts(
    IReadOnlyList<double[]> Positions,
    bool WithElevation,
    OrsSummary Summary,
    IReadOnlyList<OrsSegment>? Segments,
    double[] Bbox,
    int[] WayPoints,
    IReadOnlyDictionary<string, OrsExtra>? Extras,
    IReadOnlyList<OrsWarning> Warnings)
{
    public OrsRoute ToJson(bool geometry, IReadOnlyList<OrsViolation>? violations = null) =>
        new(Summary, Segments, Bbox, geometry ? Polyline.Encode(Positions, WithElevation) : null, WayPoints, Extras,
            Warnings.Count == 0 ? null : Warnings, violations);
}

/// <summary>
/// The engine's <see cref="Route"/> as ORS shows it: legs between consecutive coordinates as <c>segments</c> with their
/// <c>steps</c>, way point indices, extras as runs over the geometry, and warnings.
/// </summary>
internal static class OrsRouteMapper
{
    /// <summary>Code for what the request asked that is answered differently (the message says what).</summary>
    public const int RequestWarningCode = 100;

    /// <summary>Our warning types; each answers with code 101 onwards, in this order (README, ORS table).</summary>
    private static readonly string[] WarningTypes =
    [
        "unknown_surface", "unknown_width", "unknown_incline", "unknown_kerb", "steep", "slope_risk", "rough_surface",
        "narrow", "steps", "kerb_near_limit", "reported_barrier", "unverified_barrier",
    ];

    /// <summary>101 for the first of <see cref="WarningTypes"/> on; a type added to the engine later answers 100 until listed.</summary>
    public static int WarningCode(string type) => Array.IndexOf(WarningTypes, type) is >= 0 and var index ? 101 + index : RequestWarningCode;

    public static OrsRouteParts Map(Route route, OrsQuery query)
    {
        var units = query.Units;
        var elevation = query.Elevation ? route.Elevation : null;
        var positions = Positions(route, elevation);
        var (cumulativeM, cumulativeS) = Cumulative(route);
        int[] wayPoints = WayPoints(route);
        var warnings = new List<OrsWarning>(query.Warnings.Select(w => new OrsWarning(RequestWarningCode, w, "request")));
        if (query.Elevation && route.Elevation is null)
        {
            warnings.Add(new OrsWarning(RequestWarningCode, "No heights: the graph has no terrain model along this route.", "request"));
        }
        warnings.AddRange(route.Warnings.Select(w => new OrsWarning(WarningCode(w.Type), w.Message, w.Type)));

        var summary = new OrsSummary(units.Of(route.DistanceM), Math.Round(route.DurationS, 1),
            elevation is null ? null : Math.Round(elevation.AscentM, 1), elevation is null ? null : Math.Round(elevation.DescentM, 1));
        return new OrsRouteParts(
            positions,
            elevation is not null,
            summary,
            query.Instructions ? Segments(route, wayPoints, cumulativeM, cumulativeS, elevation, units) : null,
            Bbox(positions, elevation is not null),
            wayPoints,
            query.ExtraInfo.Count == 0 ? null : query.ExtraInfo.ToDictionary(e => OrsRequestMapper.ExtraKeys[e], e => Extra(route, e, units), StringComparer.Ordinal),
            warnings);
    }

    /// <summary>The stretches of a least-violating route that break limits, by geometry index.</summary>
    public static IReadOnlyList<OrsViolation> Violations(Route route) =>
        [.. route.Segments.SelectMany(s => s.Violations.Select(v => new OrsViolation([s.FirstPoint, s.LastPoint],
            OrsBlockers.Name(v.Constraint), v.Actual, v.Limit, v.Unit, OrsBlockers.Name(v.Evidence))))];

    private static List<double[]> Positions(Route route, ElevationProfile? elevation)
    {
        var positions = new List<double[]>(route.Geometry.Count + 1);
        for (int i = 0; i < route.Geometry.Count; i++)
        {
            var p = route.Geometry[i];
            positions.Add(elevation is null
                ? [Math.Round(p.Lon, 6), Math.Round(p.Lat, 6)]
                : [Math.Round(p.Lon, 6), Math.Round(p.Lat, 6), Math.Round(elevation.ElevationsM[i], 1)]);
        }
        if (positions.Count == 1)
        {
            positions.Add(positions[0]); // a route to the same point is still a line
        }
        return positions;
    }

    /// <summary>[min lon, min lat, (min ele,) max lon, max lat (, max ele)], as ORS orders it.</summary>
    private static double[] Bbox(IReadOnlyList<double[]> positions, bool withElevation)
    {
        int dimensions = withElevation ? 3 : 2;
        var min = Enumerable.Repeat(double.PositiveInfinity, dimensions).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, dimensions).ToArray();
        foreach (var position in positions)
        {
            for (int d = 0; d < dimensions; d++)
            {
                (min[d], max[d]) = (Math.Min(min[d], position[d]), Math.Max(max[d], position[d]));
            }
        }
        return [.. min, .. max];
    }

    /// <summary>
    /// Distance and time from the start to every geometry point: each segment's own distance and duration spread over
    /// its points by their share of its length, so steps and legs add up to the segments exactly.
    /// </summary>
    private static (double[] Metres, double[] Seconds) Cumulative(Route route)
    {
        int count = Math.Max(route.Geometry.Count, 2); // a route to its own start is answered as a line of two positions
        var metres = new double[count];
        var seconds = new double[count];
        foreach (var segment in route.Segments)
        {
            double length = 0;
            for (int p = segment.FirstPoint; p < segment.LastPoint; p++)
            {
                length += DistanceM(route.Geometry[p], route.Geometry[p + 1]);
            }
            for (int p = segment.FirstPoint; p < segment.LastPoint; p++)
            {
                double share = length > 0 ? DistanceM(route.Geometry[p], route.Geometry[p + 1]) / length : 1.0 / (segment.LastPoint - segment.FirstPoint);
                metres[p + 1] = metres[p] + (share * segment.DistanceM);
                seconds[p + 1] = seconds[p] + (share * segment.DurationS);
            }
        }
        return (metres, seconds);
    }

    /// <summary>
    /// The geometry index of every requested point: the start, each via point (the first point of the route from the
    /// previous one on that lies on it), the end.
    /// </summary>
    private static int[] WayPoints(Route route)
    {
        int last = Math.Max(route.Geometry.Count - 1, 1);
        var indices = new int[route.Waypoints.Count];
        indices[^1] = last;
        int from = 0;
        for (int w = 1; w < indices.Length - 1; w++)
        {
            var target = route.Waypoints[w].Snapped;
            int best = from;
            double bestM = double.PositiveInfinity;
            for (int p = from; p < route.Geometry.Count; p++)
            {
                double m = DistanceM(route.Geometry[p], target);
                if (m < bestM)
                {
                    (best, bestM) = (p, m);
                }
                if (m < 0.05)
                {
                    break; // the via point itself: the first arrival, not a later pass
                }
            }
            indices[w] = from = best;
        }
        return indices;
    }

    private static List<OrsSegment> Segments(Route route, int[] wayPoints, double[] cumulativeM, double[] cumulativeS,
        ElevationProfile? elevation, OrsUnits units)
    {
        int legs = wayPoints.Length - 1;
        var steps = Enumerable.Range(0, legs).Select(_ => new List<OrsStep>()).ToArray();
        var starts = StepStarts(route);
        int leg = 0;
        for (int i = 0; i < route.Instructions.Count; i++)
        {
            var instruction = route.Instructions[i];
            int start = starts[i];
            bool ends = instruction.Type is "via" or "arrive";
            int end = ends || i + 1 == starts.Length ? start : starts[i + 1];
            steps[Math.Min(leg, legs - 1)].Add(new OrsStep(
                units.Of(cumulativeM[end] - cumulativeM[start]),
                Math.Round(cumulativeS[end] - cumulativeS[start], 1),
                StepType(instruction.Type),
                instruction.Text,
                string.IsNullOrEmpty(instruction.Name) ? "-" : instruction.Name,
                [start, end]));
            if (instruction.Type == "via")
            {
                leg++;
            }
        }
        return [.. Enumerable.Range(0, legs).Select(k =>
        {
            int a = wayPoints[k], b = wayPoints[k + 1];
            var (ascent, descent) = elevation is null ? (null, null) : Climb(elevation, a, b);
            return new OrsSegment(units.Of(cumulativeM[b] - cumulativeM[a]), Math.Round(cumulativeS[b] - cumulativeS[a], 1), steps[k], ascent, descent);
        })];
    }

    /// <summary>The geometry index where each instruction applies: its location within its segment, never before the previous one's.</summary>
    private static int[] StepStarts(Route route)
    {
        var starts = new int[route.Instructions.Count];
        int previous = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            var instruction = route.Instructions[i];
            int first = previous, last = route.Geometry.Count - 1;
            if (instruction.SegmentIndex >= 0 && instruction.SegmentIndex < route.Segments.Count)
            {
                var segment = route.Segments[instruction.SegmentIndex];
                (first, last) = (Math.Max(previous, segment.FirstPoint), Math.Max(previous, segment.LastPoint));
            }
            int best = first;
            double bestM = double.PositiveInfinity;
            for (int p = first; p <= last && p < route.Geometry.Count; p++)
            {
                double m = DistanceM(route.Geometry[p], instruction.Location);
                if (m < bestM)
                {
                    (best, bestM) = (p, m);
                }
            }
            starts[i] = previous = Math.Max(0, best);
        }
        return starts;
    }

    private static (double?, double?) Climb(ElevationProfile elevation, int from, int to)
    {
        double ascent = 0, descent = 0;
        to = Math.Min(to, elevation.ElevationsM.Count - 1); // a route to its own start has one height for its two positions
        for (int p = from; p < to; p++)
        {
            double rise = elevation.ElevationsM[p + 1] - elevation.ElevationsM[p];
            (ascent, descent) = rise > 0 ? (ascent + rise, descent) : (ascent, descent - rise);
        }
        return (Math.Round(ascent, 1), Math.Round(descent, 1));
    }

    /// <summary>ORS instruction types for our step names; kerbs, crossings, elevators, ramps and steps go straight on.</summary>
    public static int StepType(string type) => type switch
    {
        "turn_left" => 0,
        "turn_right" => 1,
        "sharp_left" => 2,
        "sharp_right" => 3,
        "slight_left" => 4,
        "slight_right" => 5,
        "arrive" or "via" => 10,
        "depart" => 11,
        _ => 6,
    };

    private static OrsExtra Extra(Route route, string extra, OrsUnits units)
    {
        var runs = new List<long[]>();
        var metresByValue = new Dictionary<long, double>();
        foreach (var segment in route.Segments)
        {
            long value = OrsExtras.Value(extra, segment);
            metresByValue[value] = metresByValue.GetValueOrDefault(value) + segment.DistanceM;
            if (runs.Count > 0 && runs[^1][2] == value && runs[^1][1] == segment.FirstPoint)
            {
                runs[^1][1] = segment.LastPoint;
            }
            else
            {
                runs.Add([segment.FirstPoint, segment.LastPoint, value]);
            }
        }
        double total = route.DistanceM;
        return new OrsExtra(runs, [.. metresByValue
            .OrderByDescending(pair => pair.Value)
            .Select(pair => new OrsExtraSummary(pair.Key, units.Of(pair.Value), total > 0 ? Math.Round(100 * pair.Value / total, 2) : 100))]);
    }

    public static double DistanceM(GeoPoint a, GeoPoint b)
    {
        const double metresPerDegree = 111_195;
        double x = (b.Lon - a.Lon) * Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180);
        double y = b.Lat - a.Lat;
        return Math.Sqrt((x * x) + (y * y)) * metresPerDegree;
    }
}
