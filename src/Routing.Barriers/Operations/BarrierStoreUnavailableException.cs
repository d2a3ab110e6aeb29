namespace Routing.Barriers.Operations;

/// <summary>
/// The store cannot be reached just now (the database is down or the network between is): nothing was written, and
/// the same call may succeed later. The API answers it with 503 and keeps routing with the overlay it has.
/// </summary>
public sealed class BarrierStoreUnavailableException : Exception
{
    public BarrierStoreUnavailableException(string message) : base(message)
    {
    }

    public BarrierStoreUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
