namespace Routing.Serving;

/// <summary>
/// The one place that knows which graph the service answers from. Replacing it is one reference exchange: requests
/// that already took a snapshot keep theirs, every later request gets the new one, and no request sees a mix.
/// </summary>
public sealed class GraphHolder
{
    private ServingGraph? _current;

    /// <summary>The serving graph now. The first graph is loaded before the service listens, so requests always find one.</summary>
    public ServingGraph Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException("No graph is loaded yet: the graph is loaded before the service listens.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>Makes <paramref name="next"/> the serving graph and returns the one it replaced (null for the first).</summary>
    public ServingGraph? Swap(ServingGraph next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
