using Routing.Engine.Barriers;
using Routing.Graph;

namespace Routing.Barriers;

/// <summary>
/// Entries that change routes like verified reports but come from a live source (elevator status feeds): the overlay
/// refresher lays them over the graph together with the reports, so one mechanism changes routes whatever the source.
/// A source wakes the refresher through <see cref="BarrierService.Changes"/>, as a report's write does.
/// </summary>
public interface ILiveBarrierSource
{
    /// <summary>Reads the source's shared state now: its entries for <paramref name="graph"/> and when they next change by themselves.</summary>
    Task<LiveBarriers> ReadAsync(RoutingGraph graph, CancellationToken cancellationToken);

    /// <summary>
    /// What <paramref name="last"/> (this source's last read) says now, when the shared state cannot be read (the store
    /// is lost): entries whose news has grown too old change as they would have on a read.
    /// </summary>
    LiveBarriers Age(LiveBarriers last);
}

/// <param name="Entries">Reports with <see cref="ReportedBarrier.Live"/> set, verified.</param>
/// <param name="NextChange">When an entry changes without news (a state going stale), so the refresher wakes then.</param>
public sealed record LiveBarriers(IReadOnlyList<ReportedBarrier> Entries, DateTimeOffset? NextChange)
{
    public static LiveBarriers None { get; } = new([], null);

    /// <summary>
    /// Whether both lay the same live states at the same places (the overlay need not be rebuilt). A confirmation alone
    /// changes nothing here: the entries share its time (<see cref="LiveElevator.Check"/>).
    /// </summary>
    public bool SameAs(LiveBarriers? other) =>
        other is not null && Entries.Select(Key).SequenceEqual(other.Entries.Select(Key));

    private static (LiveElevator? Live, BarrierGeometryType Type, string Points) Key(ReportedBarrier entry) =>
        (entry.Live, entry.Geometry.Type, string.Join(';', entry.Geometry.Points));
}
