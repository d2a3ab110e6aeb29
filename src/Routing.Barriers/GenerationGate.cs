namespace Routing.Barriers;

/// <summary>
/// A number that only grows, and waiting until it reaches a value. Used twice: the store's changes (each write
/// advances it, the overlay refresher waits for the next) and the overlay's applied changes (a write waits until its
/// change has reached the routes).
/// </summary>
public sealed class GenerationGate
{
    private long _current;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Moves on by one and wakes every waiter; returns the new value.</summary>
    public long Advance()
    {
        long value = Interlocked.Increment(ref _current);
        Interlocked.Exchange(ref _advanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return value;
    }

    /// <summary>Moves to <paramref name="value"/> when that is more than now, and wakes every waiter.</summary>
    public void AdvanceTo(long value)
    {
        long seen = Current;
        while (value > seen)
        {
            long found = Interlocked.CompareExchange(ref _current, value, seen);
            if (found == seen)
            {
                Interlocked.Exchange(ref _advanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                return;
            }
            seen = found;
        }
    }

    /// <summary>True once the value is at least <paramref name="atLeast"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitAsync(long atLeast, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        long deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var advanced = Volatile.Read(ref _advanced).Task;
            if (Current >= atLeast)
            {
                return true;
            }
            var left = time.GetElapsedTime(time.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            try
            {
                await advanced.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return Current >= atLeast;
            }
        }
    }
}
