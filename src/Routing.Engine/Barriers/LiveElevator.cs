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
/// <param name="CheckedAt">When the feed last confirmed a state.</param>
public sealed record LiveElevator(string Id, string Name, string Feed, LiveElevatorState State, DateTimeOffset Since, DateTimeOffset CheckedAt);
