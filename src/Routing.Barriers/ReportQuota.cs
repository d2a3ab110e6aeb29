namespace Routing.Barriers;

/// <summary>Why a new report was refused, and when to try again (null: when a planner has dealt with some).</summary>
public sealed record ReportQuotaRefusal(string Quota, int Limit, TimeSpan? RetryAfter);

/// <summary>
/// How many reports one reporter may create: per minute, and waiting for a planner at once. Both are counted from the
/// reports the store holds, so only accepted reports count (a refused body costs nothing), the counts survive a
/// restart and every replica on a shared store sees the same. A reporter is a key and, for a citizen app's shared
/// key, the person the app names, so that one abuser does not block every citizen. Two reports created at the same
/// instant on two replicas may both pass the last free place: the quotas bound abuse, they are not exact counters.
/// </summary>
public sealed class ReportQuota(IBarrierStore store, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The quota <see cref="TryAdmitAsync"/> names when the reporter created too many reports in the last minute.</summary>
    public const string PerMinute = "reports_per_minute";

    /// <summary>The quota named when too many of the reporter's reports wait for a planner.</summary>
    public const string Pending = "pending_reports";

    /// <summary>Null when <paramref name="reporter"/> may create one more report now.</summary>
    public async Task<ReportQuotaRefusal?> TryAdmitAsync(Actor reporter, int perMinute, int maxPending, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var who = reporter.AsReporter;
        var recent = new BarrierQuery(ReportedBy: who, CreatedSince: now - Window);
        if (await store.CountAsync(recent, cancellationToken) >= perMinute)
        {
            // The oldest report of the window leaves it first; then one more fits.
            var oldest = await store.ListAsync(recent with { Limit = 1 }, cancellationToken);
            var retryAfter = oldest.Count == 1 ? oldest[0].CreatedAt + Window - now : Window;
            return new ReportQuotaRefusal(PerMinute, perMinute, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
        }
        if (reporter.Role == ApiKeyRole.Reporter
            && await store.CountAsync(new BarrierQuery(Statuses: [BarrierStatus.Reported], NotEndedAt: now, ReportedBy: who), cancellationToken) >= maxPending)
        {
            return new ReportQuotaRefusal(Pending, maxPending, null);
        }
        return null;
    }
}
