using Routing.Engine.Profiles;
using Routing.Graph.Facts;
using Routing.Texts;

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
    /// <summary>Stretches of unknown surface closer than this are one warning: a junction's few tagged metres split no place.</summary>
    private const double UnknownSurfaceGapM = 100;
    /// <summary>A short steep bit (a driveway ramp) can be managed; a longer one needs strength or help.</summary>
    internal const double SteepMinM = 20;
    /// <summary>
    /// Nothing gentler is called steep, whatever the limit: DIN 18040-1 treats walkways up to 3 % as level (no landings,
    /// no handrails), and "steep: up to 2 %" under a strict limit reads as a mistake. The cost still counts it.
    /// </summary>
    private const double SteepFloorPct = 3;

    /// <param name="more">Warnings found elsewhere (barrier reports), merged in by position.</param>
    public static IReadOnlyList<RouteWarning> Collect(IReadOnlyList<AssembledSegment> segments, IReadOnlyList<GeoPoint> geometry,
        ProfileSettings settings, TextLanguage language, List<(double PositionM, RouteWarning Warning)>? more = null)
    {
        var found = new List<(double PositionM, RouteWarning Warning)>();
        // The local functions capture no lambda's variables, so they share a closure on the stack, not one allocated.
        void Add(string type, string message, int segment, GeoPoint? location = null) =>
            found.Add((segments[segment].StartDistanceM,
                new RouteWarning(type, message, segment, location ?? geometry[segments[segment].Segment.FirstPoint])));
        string Metres(double metres) => RouteTexts.Number(Math.Round(metres), "0", language);
        // " on Plöck": the street that carries most of a stretch, so a warning says where without reading the map.
        string Where(int first, int last, UnknownFacts fact) => OnName(segments, first, last, LongestName(segments, first, last, fact), language);
        var runs = new List<Run>();

        // Stretches of unknown surface a short way apart are one place for the traveller: one warning, naming the street
        // that carries most of it, instead of five nameless ones.
        int unknownFirst = -1, unknownLast = -1;
        double unknownM = 0;
        foreach (var run in Runs(segments, Concern.UnknownSurface, settings, runs))
        {
            if (unknownFirst >= 0 && segments[run.First].StartDistanceM - (segments[unknownLast].StartDistanceM + segments[unknownLast].Segment.DistanceM) > UnknownSurfaceGapM)
            {
                AddUnknownSurface();
                unknownFirst = -1;
                unknownM = 0;
            }
            unknownFirst = unknownFirst < 0 ? run.First : unknownFirst;
            unknownLast = run.Last;
            unknownM += run.LengthM;
        }
        AddUnknownSurface();
        void AddUnknownSurface()
        {
            if (unknownFirst >= 0 && unknownM > UnknownSurfaceMinM)
            {
                Add("unknown_surface", RouteTexts.Format("warning.unknown_surface", language, Metres(unknownM),
                    Where(unknownFirst, unknownLast, UnknownFacts.Surface)), unknownFirst);
            }
        }

        // Unknown width and incline matter only under a limit, and the verdicts flag them only then: one summary each.
        AddUnknownTotal(UnknownFacts.Width, "unknown_width");
        AddUnknownTotal(UnknownFacts.Incline, "unknown_incline");
        void AddUnknownTotal(UnknownFacts fact, string type)
        {
            int first = -1;
            double metres = 0;
            for (int i = 0; i < segments.Count; i++)
            {
                if ((segments[i].Segment.Unknown & fact) != 0)
                {
                    first = first < 0 ? i : first;
                    metres += segments[i].Segment.DistanceM;
                }
            }
            if (first >= 0)
            {
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

        foreach (var run in Runs(segments, Concern.SlopeRisk, settings, runs))
        {
            string on = OnName(segments, run.First, run.First, segments[run.First].Segment.Name, language);
            double? limitPct = run.Key == "up" ? settings.MaxInclineUpPct : settings.MaxInclineDownPct;
            // The riskiest segment's value and chance, as that segment shows them: one slope, one number.
            var riskiest = Riskiest(segments, run);
            Add("slope_risk", RouteTexts.Format("warning.slope_risk." + run.Key, language,
                RouteTexts.Number(Math.Abs(riskiest.InclinePct.Value ?? 0), "0", language), Metres(run.LengthM), on,
                RouteTexts.Number(limitPct ?? 0, "0.#", language), RouteTexts.Number(Math.Round((riskiest.ChanceBeyondLimit ?? 0) * 100), "0", language)),
                run.First);
        }

        foreach (var run in Runs(segments, Concern.Steep, settings, runs))
        {
            if (run.LengthM > SteepMinM)
            {
                Add("steep", RouteTexts.Format("warning.steep." + run.Key, language, RouteTexts.Number(SteepestPct(segments, run), "0.0", language),
                    Metres(run.LengthM), Where(run.First, run.Last, UnknownFacts.None)), run.First);
            }
        }

        if (settings.Wheeled)
        {
            foreach (var run in Runs(segments, Concern.RoughSurface, settings, runs))
            {
                Add("rough_surface", RouteTexts.Format("warning.rough_surface", language, RouteTexts.Surface(run.Key, language), Metres(run.LengthM),
                    Where(run.First, run.Last, UnknownFacts.None)), run.First);
            }
            foreach (var run in Runs(segments, Concern.Narrow, settings, runs))
            {
                int narrowestCm = int.MaxValue;
                for (int i = run.First; i <= run.Last; i++)
                {
                    narrowestCm = Math.Min(narrowestCm, segments[i].Segment.WidthCm.Value ?? int.MaxValue);
                }
                Add("narrow", RouteTexts.Format("warning.narrow", language, narrowestCm.ToString(), Metres(run.LengthM), settings.MinWidthCm!.Value.ToString(),
                    Where(run.First, run.Last, UnknownFacts.None)), run.First);
            }
        }

        foreach (var run in Runs(segments, Concern.Steps, settings, runs))
        {
            Add("steps", RouteTexts.Format("warning.steps", language, Metres(run.LengthM)), run.First);
        }

        if (more is not null)
        {
            found.AddRange(more);
        }
        return InPositionOrder(found);
    }

    /// <summary>
    /// The warnings by position, those at one place in the order found (a stable insertion sort: each kind comes in
    /// route order, so the list is in runs of sorted warnings and short, and no sort buffers are allocated).
    /// </summary>
    private static RouteWarning[] InPositionOrder(List<(double PositionM, RouteWarning Warning)> found)
    {
        for (int i = 1; i < found.Count; i++)
        {
            var next = found[i];
            int j = i;
            while (j > 0 && found[j - 1].PositionM > next.PositionM)
            {
                found[j] = found[j - 1];
                j--;
            }
            found[j] = next;
        }
        var warnings = new RouteWarning[found.Count];
        for (int i = 0; i < warnings.Length; i++)
        {
            warnings[i] = found[i].Warning;
        }
        return warnings;
    }

    /// <summary>The name that most of the metres lacking <paramref name="fact"/> between two segments lie on; empty when unnamed.</summary>
    /// <param name="fact">Only segments where this fact is unknown count; <see cref="UnknownFacts.None"/>: every segment does.</param>
    private static string LongestName(IReadOnlyList<AssembledSegment> segments, int first, int last, UnknownFacts fact)
    {
        bool Counts(int i) => fact == UnknownFacts.None || (segments[i].Segment.Unknown & fact) != 0;
        string best = "";
        double bestM = 0;
        for (int i = first; i <= last; i++)
        {
            string name = segments[i].Segment.Name;
            if (name.Length == 0 || !Counts(i) || name == best)
            {
                continue;
            }
            double metres = 0;
            for (int j = first; j <= last; j++)
            {
                metres += segments[j].Segment.Name == name && Counts(j) ? segments[j].Segment.DistanceM : 0;
            }
            if (metres > bestM)
            {
                (best, bestM) = (name, metres);
            }
        }
        return best;
    }

    /// <summary>The steepest incline of a run, in percent either way.</summary>
    private static double SteepestPct(IReadOnlyList<AssembledSegment> segments, Run run)
    {
        double steepestPct = 0;
        for (int i = run.First; i <= run.Last; i++)
        {
            steepestPct = Math.Max(steepestPct, Math.Abs(segments[i].Segment.InclinePct.Value ?? 0));
        }
        return steepestPct;
    }

    /// <summary>The segment of a run most likely beyond the limit (the first of equals).</summary>
    private static RouteSegment Riskiest(IReadOnlyList<AssembledSegment> segments, Run run)
    {
        var riskiest = segments[run.First].Segment;
        for (int i = run.First + 1; i <= run.Last; i++)
        {
            if (segments[i].Segment.ChanceBeyondLimit > riskiest.ChanceBeyondLimit)
            {
                riskiest = segments[i].Segment;
            }
        }
        return riskiest;
    }

    /// <summary>
    /// A terrain estimate with a material chance of breaking a limit (a tag beyond it blocks instead): its direction.
    /// Such a stretch gets this warning, not the comfort zone's <c>steep</c>.
    /// </summary>
    private static string? SlopeRiskDirection(RouteSegment segment) =>
        IsSlopeRisk(segment.InclineConfidence, segment.ChanceBeyondLimit) ? segment.InclinePct.Value >= 0 ? "up" : "down" : null;

    private static bool IsSlopeRisk(InclineConfidence confidence, double? chanceBeyondLimit) =>
        confidence is InclineConfidence.High or InclineConfidence.Low && chanceBeyondLimit >= SlopeChance.Material;

    /// <summary>Usable, but within a third above the profile's minimum width (its comfort zone).</summary>
    private static bool IsNarrow(int widthCm, ProfileSettings settings) =>
        settings.Wheeled && settings.MinWidthCm is { } min && widthCm >= min && widthCm < ProfileRules.ComfortWidthCm(min);

    /// <summary>
    /// The comfort verdict on a stretch's slope (<see cref="RouteSegment.Steep"/>): "up" or "down" when it is steeper than
    /// half the profile's limit (at least 3 %) that way, else null.
    /// </summary>
    internal static string? SteepDirection(bool steps, double? inclinePct, InclineConfidence confidence, double? chanceBeyondLimit, ProfileSettings settings)
    {
        // Steps have their own warning; their slope is that of the staircase, which the profile judges as steps. A slope
        // risk gets its own warning too.
        if (steps || IsSlopeRisk(confidence, chanceBeyondLimit) || inclinePct is not { } pct || pct == 0)
        {
            return null;
        }
        double? limit = pct > 0 ? settings.MaxInclineUpPct : settings.MaxInclineDownPct;
        return limit is { } max && Math.Abs(pct) > Math.Max(max / 2, SteepFloorPct) ? (pct > 0 ? "up" : "down") : null;
    }

    private static string? Direction(RouteSegment segment) =>
        segment.InclinePct.Value switch { > 0 => "up", < 0 => "down", _ => null };

    /// <summary>A run of consecutive segments with the same concern, with their total length.</summary>
    private readonly record struct Run(int First, int Last, string Key, double LengthM);

    /// <summary>What a run is about: a concern names its key per segment, so runs are found without a delegate per call.</summary>
    private enum Concern
    {
        UnknownSurface,
        SlopeRisk,
        Steep,
        RoughSurface,
        Narrow,
        Steps,
    }

    /// <summary>The segment's key for a concern (its direction, its surface ...), null when the concern does not apply.</summary>
    private static string? KeyOf(Concern concern, AssembledSegment s, ProfileSettings settings) => concern switch
    {
        Concern.UnknownSurface => (s.Segment.Unknown & UnknownFacts.Surface) != 0 ? "unknown" : null,
        Concern.SlopeRisk => SlopeRiskDirection(s.Segment),
        Concern.Steep => s.Segment.Steep,
        Concern.RoughSurface => SurfaceGrades.Of(s.Class.Surface) >= SurfaceGrade.BadForWheels && s.Segment.Surface.Value is { } surface ? surface : null,
        Concern.Narrow => s.Segment.WidthCm.Value is { } cm && IsNarrow(cm, settings) ? "narrow" : null,
        Concern.Steps => s.Segment.Steps && !s.Segment.Ramp ? "steps" : null,
        _ => throw new ArgumentOutOfRangeException(nameof(concern)),
    };

    /// <summary>
    /// " on Plöck" (German " auf der Plöck", with the article of the street's noun) for the street of that name among
    /// segments <paramref name="first"/> to <paramref name="last"/>; empty for no name.
    /// </summary>
    private static string OnName(IReadOnlyList<AssembledSegment> segments, int first, int last, string name, TextLanguage language)
    {
        for (int i = first; i <= last && name.Length > 0; i++)
        {
            if (segments[i].Segment.Name == name)
            {
                return RouteTexts.Format("warning.on_name", language, WayNames.Of(name, segments[i].Segment.Highway, language, WayCase.On));
            }
        }
        return "";
    }

    /// <summary>Maximal runs of consecutive segments with the same non-null key, into <paramref name="runs"/> (cleared first: one list serves every concern).</summary>
    private static List<Run> Runs(IReadOnlyList<AssembledSegment> segments, Concern concern, ProfileSettings settings, List<Run> runs)
    {
        runs.Clear();
        int first = -1;
        string? key = null;
        double lengthM = 0;
        for (int i = 0; i <= segments.Count; i++)
        {
            string? next = i < segments.Count ? KeyOf(concern, segments[i], settings) : null;
            if (key is not null && next != key)
            {
                runs.Add(new Run(first, i - 1, key, lengthM));
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
        return runs;
    }
}
