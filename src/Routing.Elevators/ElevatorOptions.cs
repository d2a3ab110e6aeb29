namespace Routing.Elevators;

/// <summary>The <c>Elevators</c> section: the feeds to poll and how states age. Without feeds nothing polls.</summary>
public sealed class ElevatorOptions
{
    public const string Section = "Elevators";

    public IList<FeedOptions> Feeds { get; } = [];

    /// <summary>How often the feeds are polled (by one replica at a time).</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>A state no feed confirmed for this long is unknown: old news is not news.</summary>
    public int StaleAfterSeconds { get; set; } = 600;

    /// <summary>
    /// How far an equipment's position may lie from the graph's nearest elevator node or way to be matched to it.
    /// DB's station coordinates are typically within 10 to 20 m of the mapped elevator; farther is left unmatched and
    /// listed, for a planner to fix by hand.
    /// </summary>
    public double MatchDistanceM { get; set; } = 30;

    /// <summary>The longest answer read; a longer one is refused whole (all of DB's elevators are about 1 MB).</summary>
    public int MaxAnswerBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long one attempt may take before the resilience handler gives up on it and retries.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;
}

/// <summary>One feed: <c>Elevators:Feeds:N:Kind</c>, <c>:Url</c>, optional <c>:ApiKey</c> with <c>:ApiKeyHeader</c>.</summary>
public sealed class FeedOptions
{
    /// <summary><c>fasta</c>, <c>siri-fm</c> or <c>a11yjson</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>FaSta: the API's base (the service asks <c>{Url}/facilities?type=ELEVATOR</c>); the others: the document itself.</summary>
    public Uri? Url { get; set; }

    /// <summary>The feed's name in ids and answers (<c>db:10466085</c>); by default the kind.</summary>
    public string? Name { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The header the key goes in; DB's API Marketplace asks for <c>DB-Api-Key</c> (with <c>DB-Client-Id</c> in <see cref="ClientId"/>).</summary>
    public string ApiKeyHeader { get; set; } = "DB-Api-Key";

    /// <summary>DB's API Marketplace client id, sent as <c>DB-Client-Id</c> when set.</summary>
    public string? ClientId { get; set; }

    public string FeedName => string.IsNullOrWhiteSpace(Name) ? Kind : Name;
}
