namespace Routing.Barriers.Sqlite;

/// <summary>The store cannot be used: the message names the file, what is wrong and what to do.</summary>
public sealed class BarrierStoreException : Exception
{
    public BarrierStoreException(string message) : base(message)
    {
    }

    public BarrierStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
