using Routing.Engine;

namespace Routing.Elevators.Store;

/// <summary>
/// Where elevator states live, shared by every replica: the last state of each equipment with since when it holds and
/// when a feed last confirmed it, its history, planners' hand-made matches, and the lease that lets one replica poll.
/// </summary>
public interface IElevatorStore
{
    /// <summary>
    /// Takes or renews the poll lease for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="duration"/>;
    /// false while another holder's lease runs.
    /// </summary>
    Task<bool> TryHoldPollLeaseAsync(string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores what a feed answered at <paramref name="checkedAt"/>: every equipment's state is confirmed then, a state
    /// that differs from the stored one starts anew (and enters the history); equipment the answer leaves out keeps its
    /// last state, unconfirmed. One transaction; returns how many states changed. Wakes every replica.
    /// </summary>
    Task<int> SaveAsync(string feed, IReadOnlyList<Equipment> equipment, DateTimeOffset checkedAt, CancellationToken cancellationToken = default);

    /// <summary>Every equipment any feed ever answered, by id, with its hand-made match.</summary>
    Task<IReadOnlyList<StoredElevator>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>State changes by time: of one equipment, or of all when <paramref name="id"/> is null.</summary>
    Task<IReadOnlyList<StateChange>> HistoryAsync(string? id, CancellationToken cancellationToken = default);

    /// <summary>Stores a planner's match for an equipment (null point: it matches nothing); false when there is no such equipment.</summary>
    Task<bool> SetMatchAsync(string id, HandMatch match, CancellationToken cancellationToken = default);
}

/// <param name="Id">The service's id: <c>{feed}:{feed id}</c>.</param>
/// <param name="Level">The level the feed last gave (<see cref="Equipment.Level"/>); null when unknown.</param>
public sealed record StoredElevator(string Id, string Feed, string FeedId, string? Description, string? Station, double? Lat, double? Lon,
    FeedState State, string? Explanation, DateTimeOffset Since, DateTimeOffset CheckedAt, HandMatch? HandMatch, double? Level);

/// <summary>A planner's match: the point of the elevator node or way meant (null: the equipment is not on this graph).</summary>
public sealed record HandMatch(GeoPoint? Point, string By, DateTimeOffset At);

public sealed record StateChange(string Id, FeedState State, DateTimeOffset At, string? Explanation);
