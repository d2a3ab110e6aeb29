namespace Routing.Barriers.Http;

/// <summary>
/// Configuration section <c>Barriers</c>: which store and where it is, the API keys to seed, and the rate limit.
/// </summary>
public sealed class BarrierOptions
{
    public const string Section = "Barriers";

    /// <summary>
    /// <c>Barriers:Provider</c>: <c>sqlite</c> (the default: one file beside one process) or <c>postgres</c> (one
    /// database shared by any number of replicas, at <see cref="ConnectionString"/>).
    /// </summary>
    public string Provider { get; set; } = BarrierStoreProviders.Sqlite;

    /// <summary><c>Barriers:ConnectionString</c>: the Npgsql connection string, for <c>Provider=postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>Barriers:ChangeCheckIntervalMs</c> (PostgreSQL): how often a replica compares the store's change counter when
    /// no notification came, so that a missed notification reaches its routes within this time.
    /// </summary>
    public int ChangeCheckIntervalMs { get; set; } = 5000;

    /// <summary>
    /// The SQLite file (<c>Barriers:Database</c>), resolved like the graph path. Empty: <c>barriers.db</c> beside the
    /// graph file, which is <c>data/barriers.db</c> for the bundled graph.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>Reports one reporter may create per minute (<c>Barriers:ReportsPerMinute</c>; see <see cref="Routing.Barriers.ReportQuota"/>).</summary>
    public int ReportsPerMinute { get; set; } = 30;

    /// <summary>
    /// Reports of one reporter that may wait for a planner at once (<c>Barriers:PendingPerReporter</c>): each pending
    /// report is checked by every route that passes near it, so one reporter's share of that work stays bounded.
    /// </summary>
    public int PendingPerReporter { get; set; } = 20;

    /// <summary>
    /// How often the overlay is checked for validity windows that start or end (<c>Barriers:RefreshIntervalMs</c>);
    /// changes through the API reach routes at once, without waiting for this.
    /// </summary>
    public int RefreshIntervalMs { get; set; } = 1000;
}
