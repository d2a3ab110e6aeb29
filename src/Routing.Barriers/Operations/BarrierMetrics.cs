using System.Diagnostics.Metrics;

namespace Routing.Barriers.Operations;

/// <summary>
/// The meter <c>Routing.Barriers</c>: how the store answers (latency by operation and outcome, reachable or not) and
/// how current the overlay is (age, reports in force, rebuild time), and what woke the overlay refresher
/// (notifications, periodic checks that found a change). Exported by whoever listens to <c>Routing.*</c> meters.
/// </summary>
public sealed class BarrierMetrics
{
    public const string MeterName = "Routing.Barriers";

    private readonly Histogram<double> _storeOperation;
    private readonly Histogram<double> _overlayRebuild;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _pollChanges;
    private readonly TimeProvider _time;
    private long _overlaySyncedAtTicks;
    private int _overlayVerified;
    private int _overlayUnverified;

    public BarrierMetrics(IMeterFactory meters, BarrierStoreHealth health, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        _storeOperation = meter.CreateHistogram<double>("routing.barriers.store.operation.duration", "s",
            "Time one barrier store operation took, by operation and outcome (ok, unavailable, error)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _overlayRebuild = meter.CreateHistogram<double>("routing.barriers.overlay.rebuild.duration", "s",
            "Time building a new barrier overlay took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _notifications = meter.CreateCounter<long>("routing.barriers.notifications", "{notification}",
            "Change notifications received from the shared store");
        _pollChanges = meter.CreateCounter<long>("routing.barriers.poll.changes", "{check}",
            "Periodic checks of the shared store that found a change no notification had announced");
        meter.CreateObservableGauge("routing.barriers.store.reachable", () => health.IsReachable ? 1 : 0, "{boolean}",
            "1 while the barrier store answers, 0 while it is lost (routes then use the last overlay)");
        meter.CreateObservableGauge("routing.barriers.overlay.age", ObserveOverlayAge, "s",
            "Time since the overlay was last checked against the store; grows while the store is lost");
        meter.CreateObservableGauge("routing.barriers.overlay.reports", ObserveOverlayReports, "{report}",
            "Reports in the overlay in force, by verified (changing routes) or not (warning only)");
    }

    /// <summary>When the overlay was last found to match the store; null before the first time.</summary>
    public DateTimeOffset? OverlaySyncedAt
    {
        get
        {
            long ticks = Interlocked.Read(ref _overlaySyncedAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void StoreOperation(string operation, TimeSpan elapsed, string outcome) =>
        _storeOperation.Record(elapsed.TotalSeconds, new("operation", operation), new("outcome", outcome));

    public void OverlayRebuilt(TimeSpan elapsed, int verified, int unverified)
    {
        _overlayRebuild.Record(elapsed.TotalSeconds);
        Volatile.Write(ref _overlayVerified, verified);
        Volatile.Write(ref _overlayUnverified, unverified);
    }

    public void OverlaySynced(DateTimeOffset at) => Interlocked.Exchange(ref _overlaySyncedAtTicks, at.UtcTicks);

    public void ChangeSignalled(BarrierChangeSignal signal)
    {
        if (signal == BarrierChangeSignal.Notification)
        {
            _notifications.Add(1);
        }
        else if (signal == BarrierChangeSignal.Poll)
        {
            _pollChanges.Add(1);
        }
    }

    private IEnumerable<Measurement<double>> ObserveOverlayAge()
    {
        if (OverlaySyncedAt is { } synced)
        {
            yield return new Measurement<double>((_time.GetUtcNow() - synced).TotalSeconds);
        }
    }

    private IEnumerable<Measurement<int>> ObserveOverlayReports()
    {
        yield return new Measurement<int>(Volatile.Read(ref _overlayVerified), new KeyValuePair<string, object?>("verified", true));
        yield return new Measurement<int>(Volatile.Read(ref _overlayUnverified), new KeyValuePair<string, object?>("verified", false));
    }
}
