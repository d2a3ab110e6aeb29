using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Tests;

/// <summary>
/// The meter <c>Routing.Barriers</c>, as an exporter sees it: store latency by operation and outcome, whether the
/// store is reachable, the overlay's age, size and rebuild time, and the change signals.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly BarrierStoreHealth _health;
    private readonly BarrierMetrics _metrics;

    public MetricsTests()
    {
        _health = new BarrierStoreHealth(_fixture.Clock);
        _metrics = new BarrierMetrics(_meters, _health, _fixture.Clock);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BarrierMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Keep(i, value, tags));
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Keep(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Keep(i, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
        _fixture.Dispose();
    }

    [Fact]
    public async Task Store_operations_are_timed_by_operation_and_outcome_and_mark_the_store_reachable_or_lost()
    {
        var measured = new MeasuredBarrierStore(_fixture.Store, _fixture.Keys, _metrics, _health);
        var now = StoreFixture.Start;
        await measured.InsertAsync(new BarrierReport(0, Engine.Barriers.ReportedBarrierKind.BlockedPath, TestData.Point(), TestData.Pin,
            ValidityWindow.Always, null, MeasuredFacts.None, BarrierStatus.Verified, TestData.Planner, now, now, 1, []));
        await measured.ListAsync(BarrierQuery.All);

        var operations = Measured("routing.barriers.store.operation.duration");
        Assert.Contains(operations, m => Equals(m.Tags["operation"], "insert_report") && Equals(m.Tags["outcome"], "ok"));
        Assert.Contains(operations, m => Equals(m.Tags["operation"], "list_reports") && Equals(m.Tags["outcome"], "ok"));
        Assert.All(operations, m => Assert.InRange(m.Value, 0, 10));
        Assert.Equal([1.0], Observe("routing.barriers.store.reachable").Select(m => m.Value));

        var lost = new MeasuredBarrierStore(new UnreachableStore(), _fixture.Keys, _metrics, _health);
        await Assert.ThrowsAsync<BarrierStoreUnavailableException>(() => lost.GetAsync(1));

        Assert.Contains(Measured("routing.barriers.store.operation.duration"), m => Equals(m.Tags["operation"], "get_report") && Equals(m.Tags["outcome"], "unavailable"));
        Assert.Equal([0.0], Observe("routing.barriers.store.reachable").Select(m => m.Value));
        Assert.Equal(StoreFixture.Start, _health.Lost!.Value.Since);
        await measured.ListAsync(BarrierQuery.All);
        Assert.True(_health.IsReachable);
    }

    [Fact]
    public void The_overlay_reports_its_age_size_and_rebuild_time_and_change_signals_are_counted()
    {
        Assert.Empty(Observe("routing.barriers.overlay.age"));   // no overlay yet: no age rather than a made-up one

        _metrics.OverlaySynced(StoreFixture.Start);
        _metrics.OverlayRebuilt(TimeSpan.FromMilliseconds(3), verified: 4, unverified: 1);
        _fixture.Clock.Advance(TimeSpan.FromSeconds(42));
        _metrics.ChangeSignalled(BarrierChangeSignal.Notification);
        _metrics.ChangeSignalled(BarrierChangeSignal.Notification);
        _metrics.ChangeSignalled(BarrierChangeSignal.Poll);
        _metrics.ChangeSignalled(BarrierChangeSignal.Connected);

        Assert.Equal([42.0], Observe("routing.barriers.overlay.age").Select(m => m.Value));
        var sizes = Observe("routing.barriers.overlay.reports");
        Assert.Equal(4, sizes.Single(m => Equals(m.Tags["verified"], true)).Value);
        Assert.Equal(1, sizes.Single(m => Equals(m.Tags["verified"], false)).Value);
        Assert.Equal([0.003], Measured("routing.barriers.overlay.rebuild.duration").Select(m => m.Value));
        Assert.Equal(2, Measured("routing.barriers.notifications").Sum(m => m.Value));
        Assert.Equal(1, Measured("routing.barriers.poll.changes").Sum(m => m.Value));
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            map[key] = tagValue;
        }
        _measurements.Enqueue((instrument.Name, value, map));
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measured(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Collects the observable instruments once and returns what <paramref name="instrument"/> reported then.</summary>
    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Observe(string instrument)
    {
        int before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return [.. _measurements.Skip(before).Where(m => m.Instrument == instrument)];
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    /// <summary>A store whose database is gone.</summary>
    private sealed class UnreachableStore : IBarrierStore
    {
        public Task<BarrierReport> InsertAsync(BarrierReport report, CancellationToken cancellationToken = default) => throw Gone();

        public Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default) => throw Gone();

        public Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default) => throw Gone();

        public Task<int> CountAsync(BarrierQuery query, CancellationToken cancellationToken = default) => throw Gone();

        public Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(BarrierQuery query, CancellationToken cancellationToken = default) => throw Gone();

        public Task<bool> UpdateAsync(BarrierReport updated, int expectedVersion, HistoryEntry entry, CancellationToken cancellationToken = default) => throw Gone();

        private static BarrierStoreUnavailableException Gone() => new("The barrier store postgresql://db:5432/routing cannot be reached: connection refused.");
    }
}
