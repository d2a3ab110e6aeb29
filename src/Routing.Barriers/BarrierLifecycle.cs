namespace Routing.Barriers;

/// <summary>
/// The lifecycle of a report as a pure state machine:
/// <code>
///   reported ──verify──▶ verified ──resolve──▶ resolved
///      │                    │
///      └──reject──▶ rejected ◀──reject──┘
/// </code>
/// A citizen's (reporter's) report starts <c>reported</c>; a planner's own report starts <c>verified</c>.
/// <c>verified → rejected</c> is allowed: a report verified in error (it was never true) is rejected, not resolved, so
/// that the history tells a barrier that went away from one that never was. A <c>reported</c> report is never
/// resolved directly: unconfirmed is rejected. <c>resolved</c> and <c>rejected</c> are final. Reports that are
/// <c>reported</c> or <c>verified</c> may be edited; final ones may not. A report counts (changes routes) only while it
/// is <c>verified</c> and inside its validity window.
/// </summary>
public static class BarrierLifecycle
{
    public static BarrierStatus InitialStatus(ApiKeyRole creator) => creator switch
    {
        ApiKeyRole.Planner => BarrierStatus.Verified,
        ApiKeyRole.Reporter => BarrierStatus.Reported,
        _ => throw new ArgumentOutOfRangeException(nameof(creator), creator, "only reporters and planners create reports"),
    };

    /// <summary>The status after <paramref name="action"/>, or false when the action is not allowed in <paramref name="from"/>.</summary>
    public static bool TryApply(BarrierStatus from, BarrierAction action, out BarrierStatus to)
    {
        BarrierStatus? next = (from, action) switch
        {
            (BarrierStatus.Reported, BarrierAction.Verified) => BarrierStatus.Verified,
            (BarrierStatus.Reported, BarrierAction.Rejected) => BarrierStatus.Rejected,
            (BarrierStatus.Verified, BarrierAction.Resolved) => BarrierStatus.Resolved,
            (BarrierStatus.Verified, BarrierAction.Rejected) => BarrierStatus.Rejected,
            (BarrierStatus.Reported or BarrierStatus.Verified, BarrierAction.Edited) => from,
            _ => null,
        };
        to = next ?? from;
        return next is not null;
    }

    /// <summary>The actions allowed in <paramref name="status"/> (besides reading).</summary>
    public static IReadOnlyList<BarrierAction> AllowedActions(BarrierStatus status) =>
        [.. Enum.GetValues<BarrierAction>().Where(a => a != BarrierAction.Created && TryApply(status, a, out _))];

    public static bool IsFinal(BarrierStatus status) => status is BarrierStatus.Resolved or BarrierStatus.Rejected;

    /// <summary>Verified and inside the window: changes routes at <paramref name="now"/>.</summary>
    public static bool Counts(BarrierStatus status, ValidityWindow window, DateTimeOffset now) =>
        status == BarrierStatus.Verified && window.Contains(now);

    /// <summary>Waiting for verification and inside the window: warns routes that pass close by.</summary>
    public static bool Pending(BarrierStatus status, ValidityWindow window, DateTimeOffset now) =>
        status == BarrierStatus.Reported && window.Contains(now);
}

/// <summary>Who may do what. Pure, so the access matrix can be read (and tested) in one place.</summary>
public static class BarrierPermissions
{
    /// <summary>Reporters and planners create reports; an admin manages keys and creates none.</summary>
    public static bool CanCreate(ApiKeyRole role) => role is ApiKeyRole.Reporter or ApiKeyRole.Planner;

    /// <summary>Verify, resolve, reject and edit.</summary>
    public static bool CanModerate(ApiKeyRole role) => role == ApiKeyRole.Planner;

    public static bool CanManageKeys(ApiKeyRole role) => role == ApiKeyRole.Admin;

    /// <summary>Sees reports in every status, who reported them, and who changed them.</summary>
    public static bool SeesEverything(ApiKeyRole? role) => role is ApiKeyRole.Planner or ApiKeyRole.Admin;

    /// <summary>
    /// May <paramref name="reader"/> (null: anonymous) see <paramref name="report"/> at <paramref name="now"/>? Everyone
    /// sees reports that count; a reporter also sees their own; planners and admins see all.
    /// </summary>
    public static bool CanSee(Actor? reader, BarrierReport report, DateTimeOffset now) =>
        SeesEverything(reader?.Role)
        || report.CountsAt(now)
        || IsOwn(reader, report);

    /// <summary>May the reader see who reported <paramref name="report"/>? Planners and admins, and the reporter themself.</summary>
    public static bool CanSeeReporter(Actor? reader, BarrierReport report) =>
        SeesEverything(reader?.Role) || IsOwn(reader, report);

    /// <summary>The same key, and the same person behind it (or none named on both).</summary>
    public static bool IsOwn(Actor? reader, BarrierReport report) => reader is not null && reader.AsReporter == report.Reporter.AsReporter;

    /// <summary>
    /// <see cref="CanSee"/> as a store filter: null for a reader who sees everything, else what the store must keep.
    /// </summary>
    public static ReportVisibility? VisibilityFor(Actor? reader, DateTimeOffset now) =>
        SeesEverything(reader?.Role) ? null : new ReportVisibility(reader?.AsReporter, now);

    /// <summary>Who changed a report (history's <c>by</c>) is for planners and admins only.</summary>
    public static bool CanSeeHistoryActors(Actor? reader) => SeesEverything(reader?.Role);
}
