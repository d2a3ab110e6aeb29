using System.Threading.RateLimiting;

namespace Routing.Ors;

/// <summary>
/// Directions with avoid polygons cost tens to hundreds of milliseconds each (every area is pinned to the graph and
/// priced for this request alone), so they may not take every core the way ordinary routes, which cost about a
/// millisecond, may: at most half the cores compute them at once, a few more wait (oldest first), and the rest are
/// refused at once (ORS's "limit exceeded", 429), so routes always keep the other half. The framework's own
/// <see cref="ConcurrencyLimiter"/> keeps the count.
/// </summary>
public sealed class AvoidAreaGate(int concurrent, int waiting) : IDisposable
{
    public static int DefaultConcurrent => Math.Max(1, Environment.ProcessorCount / 2);

    public const int DefaultWaiting = 4;

    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = concurrent,
        QueueLimit = waiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot, or null when every slot is busy and <c>waiting</c> requests wait already.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _slots.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _slots.Dispose();
}
