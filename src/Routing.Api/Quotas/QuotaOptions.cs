namespace Routing.Api.Quotas;

/// <summary>
/// Configuration section <c>Quotas</c>: how much of the service one client, and all clients together, may take.
/// A client is its API key when it sends a valid one, else its address. 0 turns a quota off (for load tests).
/// </summary>
internal sealed class QuotaOptions
{
    public const string Section = "Quotas";

    /// <summary>
    /// Expensive requests (isochrones, matrices, fix-first, barrier impact, audit) computing at once, over all clients:
    /// half the cores, so that however many arrive, routes keep the other half.
    /// </summary>
    public int ExpensiveConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Expensive requests that may wait for a free slot (oldest first); one more is refused at once.</summary>
    public int ExpensiveQueue { get; set; } = 4;

    /// <summary>Expensive requests one client may start per minute (a token bucket: this many at once, then one every 60/n s).</summary>
    public int ExpensivePerMinute { get; set; } = 30;

    /// <summary>Route requests (/v1/routes, ORS directions) one client may make per second, with bursts of twice as many.</summary>
    public int RoutesPerSecond { get; set; } = 50;
}
