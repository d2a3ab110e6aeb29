using System.Collections.Concurrent;

namespace Routing.Barriers.Operations;

/// <summary>
/// Counts in fixed windows. A store shared by many processes counts in the database, so that a key's budget holds
/// across replicas; the embedded store counts in the process (<see cref="InProcessRateWindowCounter"/>).
/// </summary>
public interface IRateWindowCounter
{
    /// <summary>Adds one to <paramref name="partition"/>'s count in the window that starts at <paramref name="windowStart"/>; returns the new count.</summary>
    Task<long> IncrementAsync(string partition, DateTimeOffset windowStart, CancellationToken cancellationToken = default);
}

/// <param name="RetryAfter">When refused: until the window ends.</param>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>Report creations per API key and clock minute: the one rule, whichever counter keeps the counts.</summary>
public sealed class ReportRateLimit(IRateWindowCounter counter, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task<RateLimitDecision> TryAcquireAsync(string keyId, int perMinute, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        long count = await counter.IncrementAsync(keyId, windowStart, cancellationToken);
        return count <= Math.Max(1, perMinute)
            ? new RateLimitDecision(true, TimeSpan.Zero)
            : new RateLimitDecision(false, windowStart + Window - now);
    }
}

/// <summary>Counts in this process only: right for a store that only this process writes.</summary>
public sealed class InProcessRateWindowCounter : IRateWindowCounter
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset WindowStart, long Count)> _counts = new(StringComparer.Ordinal);

    public Task<long> IncrementAsync(string partition, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        // One entry per partition: a new window replaces the old one, so the map never grows beyond the keys in use.
        var updated = _counts.AddOrUpdate(partition, (windowStart, 1),
            (_, current) => current.WindowStart == windowStart ? (windowStart, current.Count + 1) : (windowStart, 1));
        return Task.FromResult(updated.Count);
    }
}
