namespace Routing.Engine.Barriers;

/// <summary>What a live status feed last said about an elevator, as routes judge it.</summary>
public enum LiveElevatorState
{
    /// <summary>The feed confirms it runs: no effect on cost.</summary>
    Working,
    /// <summary>The feed says it is out of service: it blocks wheeled profiles like a verified report.</summary>
    OutOfService,
    /// <summary>The feed does not know, or has not confirmed any state for too long: unknown data under the request's policy.</summary>
    Unknown,
}

/// <summary>
/// A feed's equipment laid over the graph through the same overlay as barrier reports (<see cref="ReportedBarrier.Live"/>):
/// one mechanism changes routes, whatever the source. The report's point is the graph element the equipment was matched
/// to, and it pins only elevator elements at that very point (<see cref="BarrierPinning.LiveElevatorM"/>).
/// </summary>
/// <param name="Id">The service's id of the equipment: feed name and the feed's own id, e.g. <c>db:10466085</c>.</param>
/// <param name="Name">Where it is, for people: "Heidelberg Hbf, zu Gleis 1".</param>
/// <param name="Since">Since when the state holds (the first poll that saw it, or the moment the last confirmation went stale).</param>
/// <param name="Check">When the feed last confirmed a state: shared by every overlay entry of the equipment and moved
/// forward by each poll that confirms it, so a confirmation that changes no state rebuilds no overlay (and customizes no
/// preset again) while routes still say how old the news is.</param>
public sealed record LiveElevator(string Id, string Name, string Feed, LiveElevatorState State, DateTimeOffset Since, LiveElevatorCheck Check)
{
    /// <summary>When the feed last confirmed a state.</summary>
    public DateTimeOffset CheckedAt => Check.At;
}

/// <summary>When a feed last confirmed an equipment's state; read by routes while a poll moves it (atomically, as UTC ticks).</summary>
public sealed class LiveElevatorCheck(DateTimeOffset at)
{
    private long _utcTicks = at.UtcTicks;

    public DateTimeOffset At
    {
        get => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }
}
