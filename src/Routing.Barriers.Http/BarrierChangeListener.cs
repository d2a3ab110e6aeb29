using Routing.Barriers;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Http;

/// <summary>
/// Runs the shared store's change feed for the life of the service: every change another replica commits advances
/// the service's change generation, which wakes the overlay refresher, exactly as a change made here does. A store
/// that only this process writes (SQLite) has no feed, and this does nothing.
/// </summary>
internal sealed class BarrierChangeListener(OpenedBarrierStore store, BarrierService service, BarrierStoreHealth health, BarrierMetrics metrics)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => store.Feed is not { } feed
        ? Task.CompletedTask
        : feed.RunAsync(signal =>
        {
            metrics.ChangeSignalled(signal);
            service.Changes.Advance();
        }, health, stoppingToken);
}
