using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Elevators.Store;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Graph;

namespace Routing.Elevators;

/// <summary>An equipment as the service sees it now: its effective state (stale news is unknown) and its match on the graph.</summary>
/// <param name="Live">The state routes see (<see cref="LiveElevator.Since"/> is when a stale state became unknown).</param>
/// <param name="Stale">True when no feed confirmed a state for longer than <see cref="ElevatorOptions.StaleAfterSeconds"/>.</param>
/// <param name="Match">The graph element it was matched to; null when nothing is within reach or a planner said it matches nothing.</param>
public sealed record ElevatorView(StoredElevator Stored, LiveElevator Live, bool Stale, BarrierPin? Match);

/// <summary>
/// Turns the stored states into what routes see: each equipment's effective state and its match on the graph, as live
/// entries of the barrier overlay (<see cref="ILiveBarrierSource"/>). Read from the shared store on every refresh, so
/// each replica sees what the polling replica saved; staleness is judged here, by each replica's own clock, so an
/// outage of the polling replica turns states unknown everywhere.
/// </summary>
public sealed class ElevatorBoard(IElevatorStore store, IOptions<ElevatorOptions> options, TimeProvider time) : ILiveBarrierSource
{
    /// <summary>A planner's point names the element at it; this much slack covers a click's rounding.</summary>
    public const double HandMatchM = 2;

    public async Task<LiveBarriers> ReadAsync(RoutingGraph graph, CancellationToken cancellationToken)
    {
        var views = await ViewsAsync(graph, cancellationToken);
        var staleAfter = TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
        var entries = new List<ReportedBarrier>();
        DateTimeOffset? next = null;
        foreach (var view in views)
        {
            if (!view.Stale && (next is null || view.Stored.CheckedAt + staleAfter < next))
            {
                next = view.Stored.CheckedAt + staleAfter;
            }
            if (view.Match?.PinnedPoint is { } point)
            {
                entries.Add(new ReportedBarrier(0, ReportedBarrierKind.ElevatorOutOfService, Verified: true,
                    new BarrierGeometry(BarrierGeometryType.Point, [point]), Live: view.Live));
            }
        }
        return new LiveBarriers(entries, next);
    }

    /// <summary>Every equipment with its effective state and match on <paramref name="graph"/>, by id.</summary>
    public async Task<IReadOnlyList<ElevatorView>> ViewsAsync(RoutingGraph graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var stored = await store.ListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. stored.Select(s => View(s, graph, now))];
    }

    private ElevatorView View(StoredElevator stored, RoutingGraph graph, DateTimeOffset now)
    {
        var staleAt = stored.CheckedAt + TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
        bool stale = now > staleAt;
        var state = stale ? LiveElevatorState.Unknown : stored.State switch
        {
            FeedState.Active => LiveElevatorState.Working,
            FeedState.Inactive => LiveElevatorState.OutOfService,
            _ => LiveElevatorState.Unknown,
        };
        string name = stored.Description ?? stored.Station ?? stored.Id;
        var live = new LiveElevator(stored.Id, name, stored.Feed, state, stale ? staleAt : stored.Since, stored.CheckedAt);
        return new ElevatorView(stored, live, stale, Match(stored, graph));
    }

    /// <summary>A planner's match wins; else the nearest elevator node or way within <see cref="ElevatorOptions.MatchDistanceM"/>.</summary>
    private BarrierPin? Match(StoredElevator stored, RoutingGraph graph)
    {
        var (point, radiusM) = stored.HandMatch is { } hand
            ? (hand.Point, HandMatchM)
            : (stored.Lat is { } lat && stored.Lon is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null, options.Value.MatchDistanceM);
        if (point is not { } at)
        {
            return null;
        }
        var pin = BarrierOverlay.MatchElevator(graph, at, radiusM);
        return pin.IsEmpty ? null : pin;
    }
}
