using Routing.Engine.Profiles;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>
/// What a traveller should know before setting out: stretches resting on unknown data, and stretches the profile
/// accepts but only just (steep, rough, narrow, steps, kerbs near the limit). Consecutive segments with the same
/// concern are reported once, with their total length, so a long street split at many junctions gives one warning.
/// </summary>
internal static class RouteWarnings
{
    /// <summary>Shorter stretches of unknown surface are common at every junction and not worth a warning.</summary>
    private const double UnknownSurfaceMinM = 50;
    /// <summary>A short steep bit (a driveway ramp) can be managed; a longer one needs strength or help.</summary>
    internal const double SteepMinM = 20;

    /// <param name="more">Warnings found elsewhere (barrier reports), merged in by position.</param>
    public static IReadOnlyList<RouteWarning> Collect(IReadOnlyList<AssembledSegment> segments, IReadOnlyList<GeoPoint> geometry,
        ProfileSettings settings, TextLanguage language, IEnumerable<(double PositionM, RouteWarning Warning)>? more = null)
    {
        var found = new List<(double PositionM, RouteWarning Warning)>();
        void Add(string type, string message, int segment, GeoPoint? location = null) =>
            found.Add((segments[segment].StartDistanceM,
                new RouteWarning(type, message, segment, location ?? geometry[segments[segment].Segment.FirstPoint])));
        string Metres(double metres) => RouteTexts.Number(Math.Round(metres), "0", language);

        foreach (var run in Runs(segments, s => (s.Segment.Unknown & UnknownFacts.Surface) != 0 ? "unknown" : null))
        {
            if (run.LengthM > UnknownSurfaceMinM)
            {
                Add("unknown_surface", RouteTexts.Format("warning.unknown_surface", language, Metres(run.LengthM)), run.First);
            }
        }

        // Unknown width and incline matter only under a limit, and the verdicts flag them only then: one summary each.
        foreach (var (fact, type) in new[] { (UnknownFacts.Width, "unknown_width"), (UnknownFacts.Incline, "unknown_incline") })
        {
            int first = FindIndex(segments, s => (s.Segment.Unknown & fact) != 0);
            if (first >= 0)
            {
                double metres = segments.Where(s => (s.Segment.Unknown & fact) != 0).Sum(s => s.Segment.DistanceM);
                Add(type, RouteTexts.Format("warning." + type, language, Metres(metres)), first);
            }
        }

        for (int i = 0; i < segments.Count; i++)
        {
            var segment = segments[i].Segment;
            if (segment.KerbAtStart is { } kerb)
            {
                if (kerb.HeightCm.Value is null && (segment.Unknown & UnknownFacts.Kerb) != 0)
                {
                    Add("unknown_kerb", RouteTexts.Get("warning.unknown_kerb", language), i, kerb.Location);
                }
                else if (settings.Wheeled && settings.MaxKerbCm is { } maxKerb && kerb.HeightCm.Value is { } height
                         && height > maxKerb / 2.0 && height <= maxKerb)
                {
                    Add("kerb_near_limit", RouteTexts.Format("warning.kerb_near_limit", language, height.ToString(), maxKerb.ToString()), i, kerb.Location);
                }
            }
            if (segment.BarrierAtStart is { WidthCm: { } passageCm } barrier && IsNarrow(passageCm, settings))
            {
                string name = RouteTexts.Get("barrier." + barrier.Kind, language);
                Add("narrow", RouteTexts.Format("warning.narrow_passage", language, name, passageCm.ToString(), settings.MinWidthCm!.Value.ToString()),
                    i, barrier.Location);
            }
        }

        foreach (var run in Runs(segments, s => s.Segment.PossiblySteep ? Direction(s.Segment) : null))
        {
            double steepestPct = Enumerable.Range(run.First, run.Last - run.First + 1).Max(i => Math.Abs(segments[i].Segment.InclinePct.Value ?? 0));
            string name = segments[run.First].Segment.Name;
            string on = name.Length > 0 ? RouteTexts.Format("warning.on_name", language, name) : "";
            Add("possibly_steep", RouteTexts.Format("warning.possibly_steep." + run.Key, language,
                RouteTexts.Number(steepestPct, "0", language), Metres(run.LengthM), on), run.First);
        }

        foreach (var run in Runs(segments, s => SteepDirection(s.Segment, settings)))
        {
            if (run.LengthM > SteepMinM)
            {
                double steepestPct = Enumerable.Range(run.First, run.Last - run.First + 1).Max(i => Math.Abs(segments[i].Segment.InclinePct.Value ?? 0));
                Add("steep", RouteTexts.Format("warning.steep." + run.Key, language, RouteTexts.Number(steepestPct, "0.0", language), Metres(run.LengthM)), run.First);
            }
        }

        if (settings.Wheeled)
        {
            foreach (var run in Runs(segments, s => SurfaceGrades.Of(s.Class.Surface) >= SurfaceGrade.BadForWheels && s.Segment.Surface.Value is { } surface ? surface : null))
            {
                Add("rough_surface", RouteTexts.Format("warning.rough_surface", language, run.Key, Metres(run.LengthM)), run.First);
            }
            foreach (var run in Runs(segments, s => s.Segment.WidthCm.Value is { } cm && IsNarrow(cm, settings) ? "narrow" : null))
            {
                int narrowestCm = Enumerable.Range(run.First, run.Last - run.First + 1).Min(i => segments[i].Segment.WidthCm.Value ?? int.MaxValue);
                Add("narrow", RouteTexts.Format("warning.narrow", language, narrowestCm.ToString(), Metres(run.LengthM), settings.MinWidthCm!.Value.ToString()), run.First);
            }
        }

        foreach (var run in Runs(segments, s => s.Segment.Steps && !s.Segment.Ramp ? "steps" : null))
        {
            Add("steps", RouteTexts.Format("warning.steps", language, Metres(run.LengthM)), run.First);
        }

        found.AddRange(more ?? []);

        // OrderBy is stable: warnings at one place keep the order above.
        return [.. found.OrderBy(f => f.PositionM).Select(f => f.Warning)];
    }

    /// <summary>Usable, but within a third above the profile's minimum width (its comfort zone).</summary>
    private static bool IsNarrow(int widthCm, ProfileSettings settings) =>
        settings.Wheeled && settings.MinWidthCm is { } min && widthCm >= min && widthCm < min * 4.0 / 3;

    /// <summary>"up" or "down" when the segment is steeper than the comfort limit (half the profile's limit) that way.</summary>
    internal static string? SteepDirection(RouteSegment segment, ProfileSettings settings)
    {
        // Steps have their own warning; their slope is that of the staircase, which the profile judges as steps.
        if (segment.Steps || segment.PossiblySteep || segment.InclinePct.Value is not { } pct || pct == 0)
        {
            return null;
        }
        double? limit = pct > 0 ? settings.MaxInclineUpPct : settings.MaxInclineDownPct;
        return limit is { } max && Math.Abs(pct) > max / 2 ? (pct > 0 ? "up" : "down") : null;
    }

    private static string? Direction(RouteSegment segment) =>
        segment.InclinePct.Value switch { > 0 => "up", < 0 => "down", _ => null };

    private static int FindIndex(IReadOnlyList<AssembledSegment> segments, Func<AssembledSegment, bool> match)
    {
        for (int i = 0; i < segments.Count; i++)
        {
            if (match(segments[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Maximal runs of consecutive segments with the same non-null key, with their total length.</summary>
    private static IEnumerable<(int First, int Last, string Key, double LengthM)> Runs(IReadOnlyList<AssembledSegment> segments,
        Func<AssembledSegment, string?> keyOf)
    {
        int first = -1;
        string? key = null;
        double lengthM = 0;
        for (int i = 0; i <= segments.Count; i++)
        {
            string? next = i < segments.Count ? keyOf(segments[i]) : null;
            if (key is not null && next != key)
            {
                yield return (first, i - 1, key, lengthM);
                key = null;
            }
            if (next is not null && key is null)
            {
                (first, key, lengthM) = (i, next, 0);
            }
            if (next is not null)
            {
                lengthM += segments[i].Segment.DistanceM;
            }
        }
    }
}
