namespace Routing.Barriers.Operations;

/// <summary>
/// Tells this process when another process changed reports in a store they share. The embedded store has no other
/// writers and no feed; the PostgreSQL store listens for its notifications and checks a change counter as well.
/// </summary>
public interface IBarrierChangeFeed
{
    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, never failing: calls <paramref name="changed"/>
    /// whenever the stored reports may differ from what this process saw last (also after a reconnection), and keeps
    /// <paramref name="health"/> up to date.
    /// </summary>
    Task RunAsync(Action<BarrierChangeSignal> changed, BarrierStoreHealth health, CancellationToken cancellationToken);
}

/// <summary>Why the feed thinks reports changed.</summary>
public enum BarrierChangeSignal
{
    /// <summary>A notification from another writer arrived.</summary>
    Notification,

    /// <summary>The periodic check found the change counter moved without a notification: one was missed.</summary>
    Poll,

    /// <summary>The feed (re)connected: whatever changed while it was not listening must be read now.</summary>
    Connected,
}
