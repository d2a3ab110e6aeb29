namespace Routing.Analysis.Http;

/// <summary>
/// How much work a fix-first ranking or a barrier-impact request asks for, checked before any search: each origin's
/// reach grows with the square of the minutes, and so do the candidates it touches, so the work is origins × minutes².
/// Every stop of Heidelberg (745) at 20 minutes took 1.2 s for wheelchairs, at 60 minutes 18 to 20 s, before these
/// limits (2-core machine under load, 2026-12-07).
/// </summary>
internal static class FixFirstBudget
{
    /// <summary>The minutes every stop of Heidelberg may ask for in a request that answers at once.</summary>
    public const int SyncMinutesForAllStops = 20;

    /// <summary>The most a request answered at once may ask for (<c>/v1/fix-first</c>, <c>/v1/barrier-impact</c>).</summary>
    public const double MaxOriginMinutes2 = 750.0 * SyncMinutesForAllStops * SyncMinutesForAllStops;

    /// <summary>The most a background job may ask for: every stop at 60 minutes (one job computes at a time).</summary>
    public const double MaxJobOriginMinutes2 = 750.0 * 60 * 60;

    public static double OriginMinutes2(int origins, double minutes) => origins * minutes * minutes;
}
