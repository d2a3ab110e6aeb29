namespace Routing.Barriers.Operations;

/// <summary>
/// Whether the store can be reached, as the last operation or connection attempt found, and since when it cannot.
/// Written by the store's users (every operation, the change feed), read by readiness and metrics; thread-safe.
/// </summary>
public sealed class BarrierStoreHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lostSince;
    private string? _lostBecause;

    /// <summary>Raised once when the store is lost (with why) and once when it is reachable again (null).</summary>
    public event Action<string?>? Changed;

    public bool IsReachable
    {
        get
        {
            lock (_lock)
            {
                return _lostSince is null;
            }
        }
    }

    /// <summary>When the store was lost, and why; null while it is reachable.</summary>
    public (DateTimeOffset Since, string Reason)? Lost
    {
        get
        {
            lock (_lock)
            {
                return _lostSince is { } since ? (since, _lostBecause ?? "") : null;
            }
        }
    }

    public void MarkReachable()
    {
        lock (_lock)
        {
            if (_lostSince is null)
            {
                return;
            }
            _lostSince = null;
            _lostBecause = null;
        }
        Changed?.Invoke(null);
    }

    public void MarkUnreachable(string reason)
    {
        lock (_lock)
        {
            if (_lostSince is not null)
            {
                return;
            }
            _lostSince = time.GetUtcNow();
            _lostBecause = reason;
        }
        Changed?.Invoke(reason);
    }
}
