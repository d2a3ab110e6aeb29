using System.Diagnostics;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Barriers.Operations;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Serving;

namespace Routing.Barriers.Http;

/// <summary>
/// Keeps the router's barrier overlay in step with the store. Rebuilds after every change (the service advances its
/// change generation after each commit; this wakes at once), and at least every <see cref="BarrierOptions.RefreshIntervalMs"/>
/// and at the instant a validity window starts or ends, so that windows take effect by themselves. Each refresh reads
/// the ids and versions of the candidate reports and only the reports that changed since the last one
/// (<see cref="OverlaySnapshot"/>), so a write does not cost reading the whole store. An overlay is only built when
/// the set of reports differs from the last one; it is swapped into the router atomically, so requests
/// in flight keep the overlay they started with. The first overlay is built before the service listens. While the
/// store is lost the reports in force stay (the overlay's age grows in <see cref="BarrierMetrics"/>), live states still
/// go stale by the clock, and the next refresh after the store returns catches up.
/// <para>
/// Live sources (<see cref="ILiveBarrierSource"/>: elevator feeds) are read at every refresh and laid over the graph
/// with the reports; their entries' next change by themselves (a state going stale) wakes the refresher like a window's.
/// The overlay is rebuilt only when a live state changed, not for a poll that confirms the states in force.
/// </para>
/// <para>
/// The overlay belongs to the serving graph (<see cref="GraphHolder"/>); a new graph is swapped in through
/// <see cref="SwapInAsync"/>, under the same lock as a refresh, so that no change to the reports can fall between
/// building the new graph's overlay and the swap.
/// </para>
/// </summary>
public sealed partial class BarrierOverlayRefresher(
    BarrierService service, GraphHolder graphs, BarrierMetrics metrics, IOptions<BarrierOptions> options, ILogger<BarrierOverlayRefresher> logger,
    IEnumerable<ILiveBarrierSource> liveSources) : BackgroundService
{
    private readonly ILiveBarrierSource[] _liveSources = [.. liveSources];
    private LiveBarriers? _live;
    private LiveBarriers[]? _liveBySource;
    private bool _liveLost;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>How long a write waits for its change to reach the routes before it answers anyway.</summary>
    public static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(1);

    private OverlaySnapshot? _snapshot;
    private long _seenGeneration;
    private DateTimeOffset? _nextChange;

    /// <summary>The change generation whose state the router's overlay reflects.</summary>
    public GenerationGate Applied { get; } = new();

    /// <summary>Reports in the current overlay: verified (changing routes) and unverified (warning only).</summary>
    public (int Verified, int Unverified) Counts { get; private set; }

    /// <summary>How long building the last overlay took.</summary>
    public TimeSpan LastBuild { get; private set; }

    /// <summary>Waits (at most <see cref="WriteWait"/>) until every change committed so far has reached the routes.</summary>
    public Task<bool> WaitForCommittedChangesAsync(CancellationToken cancellationToken) =>
        Applied.WaitAsync(service.Changes.Current, WriteWait, TimeProvider.System, cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await service.Changes.WaitAsync(_seenGeneration + 1, NextWait(), TimeProvider.System, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (BarrierStoreUnavailableException)
            {
                // Said once by the store's health (lost, and back); retried at the usual interval until then.
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.RefreshIntervalMs), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                LogRefreshFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.RefreshIntervalMs), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="candidate"/> the overlay of the reports in force now and makes it the serving graph; a
    /// refresh waits meanwhile and afterwards works on the new graph. Returns the graph it replaced.
    /// </summary>
    public async Task<ServingGraph?> SwapInAsync(ServingGraph candidate, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            long generation = service.Changes.Current;
            var snapshot = await service.OverlaySnapshotAsync(_snapshot, cancellationToken);
            var live = await ReadLiveAsync(candidate.Router, cancellationToken);
            metrics.OverlaySynced(service.Time.GetUtcNow());
            Apply(candidate.Router, snapshot, live);
            _snapshot = snapshot;
            _live = live;
            var previous = graphs.Swap(candidate);
            _nextChange = Earlier(snapshot.NextChange, live.NextChange);
            _seenGeneration = generation;
            Applied.AdvanceTo(generation);
            return previous;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            long generation = service.Changes.Current;
            var router = graphs.Current.Router;
            OverlaySnapshot snapshot;
            try
            {
                snapshot = await service.OverlaySnapshotAsync(_snapshot, cancellationToken);
            }
            catch (BarrierStoreUnavailableException) when (_snapshot is not null)
            {
                // The reports in force stay while the store is lost, but live states still go stale: old news is not news.
                var aged = AgedLive();
                _nextChange = Earlier(_snapshot.NextChange, aged.NextChange);
                if (!aged.SameAs(_live))
                {
                    Apply(router, _snapshot, aged);
                }
                _live = aged;
                throw;
            }
            var live = await ReadLiveAsync(router, cancellationToken);
            metrics.OverlaySynced(service.Time.GetUtcNow());
            _nextChange = Earlier(snapshot.NextChange, live.NextChange);
            if (!snapshot.SameReportsAs(_snapshot) || !live.SameAs(_live))
            {
                Apply(router, snapshot, live);
            }
            _snapshot = snapshot;
            _live = live;
            _seenGeneration = generation;
            Applied.AdvanceTo(generation);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every live source's entries for the router's graph, as one set.</summary>
    private async Task<LiveBarriers> ReadLiveAsync(Router router, CancellationToken cancellationToken)
    {
        if (_liveSources.Length == 0)
        {
            return LiveBarriers.None;
        }
        var read = new LiveBarriers[_liveSources.Length];
        try
        {
            for (int i = 0; i < _liveSources.Length; i++)
            {
                read[i] = await _liveSources[i].ReadAsync(router.Graph, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reports still refresh; the live entries in force stay, aging, until their source answers again (said once).
            if (!_liveLost)
            {
                _liveLost = true;
                LogLiveLost(logger, ex);
            }
            return AgedLive();
        }
        _liveLost = false;
        _liveBySource = read;
        return Merged(read);
    }

    /// <summary>The last live entries read, as each source judges them now without reading (after a failed read).</summary>
    private LiveBarriers AgedLive() => _liveBySource is { } last
        ? Merged([.. _liveSources.Select((source, i) => source.Age(last[i]))])
        : _live ?? LiveBarriers.None;

    private static LiveBarriers Merged(LiveBarriers[] read) =>
        new([.. read.SelectMany(r => r.Entries)], read.Select(r => r.NextChange).Aggregate((DateTimeOffset?)null, Earlier));

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private void Apply(Router router, OverlaySnapshot snapshot, LiveBarriers live)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<ReportedBarrier> reports = live.Entries.Count == 0 ? snapshot.Reports : [.. snapshot.Reports, .. live.Entries];
        var overlay = reports.Count == 0 ? BarrierOverlay.Empty : BarrierOverlay.Build(router.Graph, reports, router.Overlay);
        router.ReplaceOverlay(overlay);
        LastBuild = clock.Elapsed;
        int verified = snapshot.Reports.Count(r => r.Verified);
        Counts = (verified, snapshot.Reports.Count - verified);
        metrics.OverlayRebuilt(clock.Elapsed, verified, snapshot.Reports.Count - verified);
        LogSwapped(logger, verified, snapshot.Reports.Count - verified, clock.Elapsed.TotalMilliseconds);
    }

    private TimeSpan NextWait()
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.RefreshIntervalMs));
        if (_nextChange is { } next)
        {
            var untilChange = next - service.Time.GetUtcNow() + TimeSpan.FromMilliseconds(1);
            if (untilChange < interval)
            {
                return untilChange < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : untilChange;
            }
        }
        return interval;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Barrier overlay swapped in: {Verified} verified, {Unverified} unverified reports, built in {Milliseconds:F1} ms")]
    private static partial void LogSwapped(ILogger logger, int verified, int unverified, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading live barrier states (elevator feeds) failed; the live states in force stay, going stale as they age, until it succeeds again")]
    private static partial void LogLiveLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the barrier overlay failed; the previous overlay stays in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
