using System.Diagnostics;

namespace Routing.Barriers.Operations;

/// <summary>
/// Any store, timed: each operation's latency goes to <see cref="BarrierMetrics"/> by operation and outcome, and its
/// outcome to <see cref="BarrierStoreHealth"/> (an operation that finds the store gone marks it lost; one that
/// succeeds marks it reachable). The API talks to the store only through this.
/// </summary>
public sealed class MeasuredBarrierStore(IBarrierStore reports, IApiKeyStore keys, BarrierMetrics metrics, BarrierStoreHealth health)
    : IBarrierStore, IApiKeyStore
{
    public Task<BarrierReport> InsertAsync(BarrierReport report, CancellationToken cancellationToken = default) =>
        Measure("insert_report", () => reports.InsertAsync(report, cancellationToken));

    public Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        Measure("get_report", () => reports.GetAsync(id, cancellationToken));

    public Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Measure("list_reports", () => reports.ListAsync(query, cancellationToken));

    public Task<int> CountAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Measure("count_reports", () => reports.CountAsync(query, cancellationToken));

    public Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Measure("list_report_versions", () => reports.ListVersionsAsync(query, cancellationToken));

    public Task<bool> UpdateAsync(BarrierReport updated, int expectedVersion, HistoryEntry entry, CancellationToken cancellationToken = default) =>
        Measure("update_report", () => reports.UpdateAsync(updated, expectedVersion, entry, cancellationToken));

    public Task<ApiKey?> FindKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default) =>
        Measure("find_key", () => keys.FindKeyByHashAsync(keySha256, cancellationToken));

    public Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        Measure("get_key", () => keys.GetKeyAsync(keyId, cancellationToken));

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        Measure("list_keys", () => keys.ListKeysAsync(cancellationToken));

    public Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        Measure("insert_key", async () =>
        {
            await keys.InsertKeyAsync(key, cancellationToken);
            return true;
        });

    public Task UpdateKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        Measure("update_key", async () =>
        {
            await keys.UpdateKeyAsync(key, cancellationToken);
            return true;
        });

    public Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Measure("revoke_key", () => keys.RevokeKeyAsync(keyId, at, cancellationToken));

    private async Task<T> Measure<T>(string operation, Func<Task<T>> run)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            var result = await run();
            metrics.StoreOperation(operation, Stopwatch.GetElapsedTime(started), "ok");
            health.MarkReachable();
            return result;
        }
        catch (BarrierStoreUnavailableException ex)
        {
            metrics.StoreOperation(operation, Stopwatch.GetElapsedTime(started), "unavailable");
            health.MarkUnreachable(ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.StoreOperation(operation, Stopwatch.GetElapsedTime(started), "error");
            throw;
        }
    }
}
