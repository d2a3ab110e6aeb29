namespace Routing.Transit.Gtfs;

/// <summary>A feed that cannot be used: the message names the file, the line and the field, and what was expected.</summary>
public sealed class GtfsFormatException : Exception
{
    public GtfsFormatException(string message) : base(message)
    {
    }

    public GtfsFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    public GtfsFormatException()
    {
    }

    /// <summary>A value that is wrong: "stop_times.txt, line 12, field arrival_time: '25:61:00' is not a time (HH:MM:SS)".</summary>
    public static GtfsFormatException At(string file, long line, string field, string problem) =>
        new($"{file}, line {line}, field {field}: {problem}");
}
