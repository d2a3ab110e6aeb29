namespace Routing.Api.Hosting;

/// <summary>The service cannot start: the message says which file is wrong and what to do about it.</summary>
internal sealed class GraphStartupException : Exception
{
    public GraphStartupException(string message) : base(message)
    {
    }

    public GraphStartupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
