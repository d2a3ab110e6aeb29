using System.Diagnostics;
using System.Diagnostics.Metrics;
using Routing.Engine;
using Routing.Graph.Facts;
using Routing.Warmup;

namespace Routing.Routes.Http;

/// <summary>
/// Meter <c>Routing.Routes</c>: how long <c>/v1/routes</c> takes by profile and outcome, and which constraints refuse
/// routes. Requests by endpoint and status come from ASP.NET Core's own <c>http.server.request.duration</c>. The
/// warm-up's routes are no client's and are not counted.
/// </summary>
internal sealed class RouteMetrics
{
    public const string MeterName = "Routing.Routes";

    /// <summary>Seconds: a found route takes about half a millisecond, a refusal a few, a long isochrone-like search more.</summary>
    private static readonly double[] LatencyBucketsS = [0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _refusals;

    public RouteMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("routing.route.duration", "s",
            "Validating, routing and mapping one /v1/routes request, by profile and outcome (found, refused, not_on_network, outside_area, bad_input).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsS });
        _refusals = meter.CreateCounter<long>("routing.route.refusals", "{blocker}",
            "Blockers named by refused routes, by constraint (steps, incline_up, kerb ...) and profile.");
    }

    /// <summary>A request that never reached the router: its profile is not known for sure, so it is tagged <c>none</c>.</summary>
    public void BadInput(long startTimestamp)
    {
        if (!WarmupRequest.InProgress)
        {
            Record(startTimestamp, "none", "bad_input");
        }
    }

    public void Routed(long startTimestamp, string profile, RouteOutcome outcome)
    {
        if (WarmupRequest.InProgress)
        {
            return;
        }
        string name = outcome switch
        {
            RouteFound => "found",
            NoRoute => "refused",
            PointNotOnNetwork => "not_on_network",
            PointOutsideArea => "outside_area",
            _ => "other",
        };
        Record(startTimestamp, profile, name);
        if (outcome is NoRoute refused)
        {
            foreach (var blocker in refused.Blockers)
            {
                _refusals.Add(1, new KeyValuePair<string, object?>("constraint", FactNames.Of(blocker.Violation.Constraint)),
                    new KeyValuePair<string, object?>("profile", profile));
            }
        }
    }

    private void Record(long startTimestamp, string profile, string outcome) =>
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("profile", profile), new KeyValuePair<string, object?>("outcome", outcome));
}
