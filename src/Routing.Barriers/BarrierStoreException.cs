namespace Routing.Barriers;

/// <summary>The store cannot be opened or used: the message names the file or database, what is wrong and what to do.</summary>
public sealed class BarrierStoreException : Exception
{
    public BarrierStoreException(string message) : base(message)
    {
    }

    public BarrierStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
