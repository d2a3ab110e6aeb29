using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>
/// Which reports to list, filtered in the store (<see cref="ReportQuerySql"/>). Null members do not filter.
/// <see cref="NotEndedAt"/> keeps reports whose window has not ended at that time (no <c>valid_until</c>, or one after
/// it). <see cref="Ids"/> is for a few hundred ids at most (SQLite binds one parameter each). <see cref="VisibleTo"/>
/// keeps what a reader who does not see everything may see (<see cref="BarrierPermissions.CanSee"/>).
/// <see cref="AfterId"/> and <see cref="Limit"/> page through the reports by id.
/// </summary>
public sealed record BarrierQuery(
    IReadOnlyCollection<BarrierStatus>? Statuses = null,
    IReadOnlyCollection<ReportedBarrierKind>? Kinds = null,
    GeoBounds? Bounds = null,
    DateTimeOffset? NotEndedAt = null,
    IReadOnlyCollection<long>? Ids = null,
    Reporter? ReportedBy = null,
    DateTimeOffset? CreatedSince = null,
    ReportVisibility? VisibleTo = null,
    long? AfterId = null,
    int? Limit = null)
{
    public static BarrierQuery All { get; } = new();
}

/// <summary>What a reader sees at <see cref="At"/>: the reports that count then, and (for a reader with a key) their own.</summary>
public sealed record ReportVisibility(Reporter? Reader, DateTimeOffset At);

/// <summary>
/// Where reports live. Every write is durable when the returned task completes (the API answers only after that). An
/// implementation may be shared by many processes (PostgreSQL): updates are conditional on the version read, so
/// concurrent changes are detected, never lost.
/// </summary>
public interface IBarrierStore
{
    /// <summary>Stores a new report with its first history entry; returns it with its id.</summary>
    Task<BarrierReport> InsertAsync(BarrierReport report, CancellationToken cancellationToken = default);

    /// <summary>One report with its whole history, or null.</summary>
    Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reports matching the query, by id, without their history (<see cref="BarrierReport.History"/> is empty).</summary>
    Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many reports match the query (its page ignored).</summary>
    Task<int> CountAsync(BarrierQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Only the id and version of each report matching the query, by id: what tells a reader which reports changed
    /// since it last looked, at a fraction of the cost of reading them.
    /// </summary>
    Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(BarrierQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the report whose version is <paramref name="expectedVersion"/> by <paramref name="updated"/> (whose
    /// version is one more) and appends <paramref name="entry"/> to its history, in one transaction. False when the
    /// stored version differs (someone else changed it) or the report does not exist.
    /// </summary>
    Task<bool> UpdateAsync(BarrierReport updated, int expectedVersion, HistoryEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>A report's id and version: every change of a report raises its version.</summary>
public readonly record struct ReportVersion(long Id, int Version);

/// <summary>Where API keys live: only their SHA-256 hashes, never the keys.</summary>
public interface IApiKeyStore
{
    Task<ApiKey?> FindKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new key. One whose hash is stored already is left as it is: replicas that start together seed the same
    /// configured keys at the same moment, and the second must not fail.
    /// </summary>
    Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Changes role and name of a key (configuration is the truth for seeded keys).</summary>
    Task UpdateKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Marks the key revoked at <paramref name="at"/>; false when there is no such active key.</summary>
    Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
