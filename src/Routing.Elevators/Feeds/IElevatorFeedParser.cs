namespace Routing.Elevators.Feeds;

/// <summary>
/// One kind of feed: where to ask and how to read its answer. The HTTP exchange (resilience, conditional requests,
/// the size bound) is the same for every kind (<see cref="FeedClient"/>); only this differs.
/// </summary>
public interface IElevatorFeedParser
{
    /// <summary>The configured kind: <c>fasta</c>, <c>siri-fm</c>, <c>a11yjson</c>.</summary>
    string Kind { get; }

    /// <summary>The address to ask, from the configured one.</summary>
    Uri RequestUri(Uri configured);

    /// <summary>The elevators in a whole answer; <see cref="FeedFormatException"/> when the answer cannot be used at all.</summary>
    IReadOnlyList<Equipment> Parse(ReadOnlyMemory<byte> answer);

    /// <summary>The parsers this service knows, by kind.</summary>
    public static IReadOnlyDictionary<string, IElevatorFeedParser> All { get; } =
        new IElevatorFeedParser[] { new FastaParser(), new SiriFmParser(), new A11yJsonParser() }.ToDictionary(p => p.Kind, StringComparer.OrdinalIgnoreCase);
}
