namespace Routing.Barriers.Http;

/// <summary>The barrier store or its configuration cannot be used: the message says what and what to do.</summary>
internal sealed class BarrierStartupException : Exception
{
    public BarrierStartupException(string message) : base(message)
    {
    }

    public BarrierStartupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
