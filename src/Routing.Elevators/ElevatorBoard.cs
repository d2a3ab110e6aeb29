using System.Collections.Concurrent;
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
/// <param name="Match">The graph element it was matched to, with how their levels agree; null when nothing is within reach or a planner said it matches nothing.</param>
/// <param name="StationName">Its station's name from the graph (<see cref="StationNames"/>); null when no stop is near.</param>
public sealed record ElevatorView(StoredElevator Stored, LiveElevator Live, bool Stale, ElevatorMatch? Match, string? StationName);

/// <summary>
/// Turns the stored states into what routes see: each equipment's effective state and its match on the graph, as live
/// entries of the barrier overlay (<see cref="ILiveBarrierSource"/>). Read from the shared store on every refresh, so
/// each replica sees what the polling replica saved; staleness is judged here, by each replica's own clock, so an
/// outage of the polling replica turns states unknown everywhere, and so does an outage of the store itself
/// (<see cref="Age"/>). A poll that only confirms states changes no entry: the entries share the confirmation's time.
/// </summary>
public sealed class ElevatorBoard(IElevatorStore store, IOptions<ElevatorOptions> options, TimeProvider time) : ILiveBarrierSource
{
    /// <summary>A planner's point names the element at it; this much slack covers a click's rounding.</summary>
    public const double HandMatchM = 2;

    /// <summary>Per equipment, when its state was last confirmed: one object for every read, moved forward by each.</summary>
    private readonly ConcurrentDictionary<string, LiveElevatorCheck> _checks = new(StringComparer.Ordinal);

    public async Task<LiveBarriers> ReadAsync(RoutingGraph graph, CancellationToken cancellationToken)
    {
        var views = await ViewsAsync(graph, cancellationToken);
        var entries = new List<ReportedBarrier>();
        DateTimeOffset? next = null;
        foreach (var view in views)
        {
            if (!view.Stale)
            {
                next = Earlier(next, StaleAt(view.Stored.CheckedAt));
            }
            // Matched: at the map's elevator, whose ways it then blocks. Matching none (an elevator inside a station the
            // map does not draw): at its own position, where it pins nothing, but a station's pathway near it reads it.
            if ((view.Match?.Pin.PinnedPoint ?? OwnPosition(view.Stored)) is { } point)
            {
                entries.Add(new ReportedBarrier(0, ReportedBarrierKind.ElevatorOutOfService, Verified: true,
                    new BarrierGeometry(BarrierGeometryType.Point, [point]), Live: view.Live));
            }
        }
        return new LiveBarriers(entries, next);
    }

    private static GeoPoint? OwnPosition(StoredElevator stored) => stored.Lat is { } lat && stored.Lon is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>The store is lost: the last states still go stale by this replica's clock, as they would on a read.</summary>
    public LiveBarriers Age(LiveBarriers last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var now = time.GetUtcNow();
        var entries = new List<ReportedBarrier>(last.Entries.Count);
        DateTimeOffset? next = null;
        foreach (var entry in last.Entries)
        {
            if (entry.Live is not { } live)
            {
                entries.Add(entry);
                continue;
            }
            var staleAt = StaleAt(live.CheckedAt);
            if (now > staleAt)
            {
                var aged = live with { State = LiveElevatorState.Unknown, Since = staleAt };
                entries.Add(aged == live ? entry : entry with { Live = aged });
            }
            else
            {
                entries.Add(entry);
                next = Earlier(next, staleAt);
            }
        }
        return new LiveBarriers(entries, next);
    }

    private DateTimeOffset StaleAt(DateTimeOffset checkedAt) => checkedAt + TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } at && at < b ? at : b;

    /// <summary>Every equipment with its effective state and match on <paramref name="graph"/>, by id.</summary>
    public async Task<IReadOnlyList<ElevatorView>> ViewsAsync(RoutingGraph graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var stored = await store.ListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var stations = StationNames.Of(stored, graph);
        return [.. stored.Select(s => View(s, graph, now, s.Station is { } station ? stations.GetValueOrDefault((s.Feed, station)) : null))];
    }

    private ElevatorView View(StoredElevator stored, RoutingGraph graph, DateTimeOffset now, string? stationName)
    {
        var staleAt = StaleAt(stored.CheckedAt);
        bool stale = now > staleAt;
        var state = stale ? LiveElevatorState.Unknown : stored.State switch
        {
            FeedState.Active => LiveElevatorState.Working,
            FeedState.Inactive => LiveElevatorState.OutOfService,
            _ => LiveElevatorState.Unknown,
        };
        string name = stored.Description ?? stationName ?? stored.Station ?? stored.Id;
        var check = _checks.GetOrAdd(stored.Id, _ => new LiveElevatorCheck(stored.CheckedAt));
        if (check.At < stored.CheckedAt)
        {
            check.At = stored.CheckedAt;
        }
        var live = new LiveElevator(stored.Id, name, stored.Feed, state, stale ? staleAt : stored.Since, check);
        return new ElevatorView(stored, live, stale, Match(stored, graph), stationName);
    }

    /// <summary>
    /// A planner's match wins; else the elevator node or way within <see cref="ElevatorOptions.MatchDistanceM"/> that
    /// <see cref="ElevatorLevelRule"/> picks for the equipment's level (level first, then distance).
    /// </summary>
    private ElevatorMatch? Match(StoredElevator stored, RoutingGraph graph)
    {
        var (point, radiusM) = stored.HandMatch is { } hand
            ? (hand.Point, HandMatchM)
            : (stored.Lat is { } lat && stored.Lon is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null, options.Value.MatchDistanceM);
        if (point is not { } at)
        {
            return null;
        }
        return BarrierOverlay.MatchElevator(graph, at, radiusM, stored.Level);
    }
}
