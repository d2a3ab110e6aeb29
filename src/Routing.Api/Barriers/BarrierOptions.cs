namespace Routing.Api.Barriers;

/// <summary>
/// Configuration section <c>Barriers</c>: where the report store is, the API keys to seed, and the rate limit.
/// </summary>
internal sealed class BarrierOptions
{
    public const string Section = "Barriers";

    /// <summary>
    /// The SQLite file (<c>Barriers:Database</c>), resolved like the graph path. Empty: <c>barriers.db</c> beside the
    /// graph file, which is <c>data/barriers.db</c> for the bundled graph.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>Report creations allowed per API key and minute (<c>Barriers:ReportsPerMinute</c>).</summary>
    public int ReportsPerMinute { get; set; } = 30;

    /// <summary>
    /// How often the overlay is checked for validity windows that start or end (<c>Barriers:RefreshIntervalMs</c>);
    /// changes through the API reach routes at once, without waiting for this.
    /// </summary>
    public int RefreshIntervalMs { get; set; } = 1000;
}
