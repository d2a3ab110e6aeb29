using System.Globalization;

namespace Routing.Warmup;

internal enum WarmupStage
{
    /// <summary>Waiting for the server to start and for what the requests need.</summary>
    Waiting,
    Warming,
    Done,
    Off,
    Failed,
}

/// <summary>Where the warm-up stands: the requests sent, their answers by status, how long it took, why it stopped.</summary>
internal sealed record WarmupReport(WarmupStage Stage, int Requests, IReadOnlyDictionary<int, int> Statuses, TimeSpan Elapsed,
    string? Failure, bool CompilerQuiet)
{
    public static WarmupReport Waiting { get; } = new(WarmupStage.Waiting, 0, new Dictionary<int, int>(), TimeSpan.Zero, null, false);

    public static WarmupReport Off { get; } = Waiting with { Stage = WarmupStage.Off };

    /// <summary>E.g. "1,200 requests (200: 1,080, 422: 120) in 2.4 s, until the compiler went quiet".</summary>
    public string Describe()
    {
        string answers = string.Join(", ", Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value:N0}")));
        string why = CompilerQuiet ? "until the compiler went quiet" : "stopped at Warmup:MaxRequests or Warmup:MaxSeconds";
        return string.Create(CultureInfo.InvariantCulture, $"{Requests:N0} requests ({answers}) in {Elapsed.TotalSeconds:F1} s, {why}");
    }
}
