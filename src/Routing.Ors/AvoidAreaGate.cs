namespace Routing.Ors;

/// <summary>
/// Directions with avoid polygons cost tens to hundreds of milliseconds each (every area is pinned to the graph and
/// priced for this request alone), so they may not take every core the way ordinary routes, which cost about a
/// millisecond, may: at most half the cores compute them at once, a few more wait (oldest first), and the rest are
/// refused at once (ORS's "limit exceeded", 429), so routes always keep the other half.
/// </summary>
public sealed class AvoidAreaGate(int concurrent, int waiting) : IDisposable
{
    public static int DefaultConcurrent => Math.Max(1, Environment.ProcessorCount / 2);

    public const int DefaultWaiting = 4;

    private readonly SemaphoreSlim _slots = new(concurrent, concurrent);
    private int _inside;

    /// <summary>A slot, or null when every slot is busy and <c>waiting</c> requests wait already.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inside) > concurrent + waiting)
        {
            Interlocked.Decrement(ref _inside);
            return null;
        }
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _inside);
            throw;
        }
        return new Slot(this);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(AvoidAreaGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._slots.Release();
                Interlocked.Decrement(ref gate._inside);
            }
        }
    }
}
