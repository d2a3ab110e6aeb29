using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>Where a report is in its lifecycle (see <see cref="BarrierLifecycle"/>).</summary>
public enum BarrierStatus
{
    /// <summary>Reported by a citizen, waiting for a planner; warns routes that pass close by, changes none.</summary>
    Reported,

    /// <summary>Confirmed (or reported by a planner): changes routes while its validity window lasts.</summary>
    Verified,

    /// <summary>The barrier is gone; final.</summary>
    Resolved,

    /// <summary>The report was wrong or could not be confirmed; final.</summary>
    Rejected,
}

/// <summary>What a history entry records.</summary>
public enum BarrierAction
{
    Created,
    Verified,
    Resolved,
    Rejected,
    Edited,
}

/// <summary>The roles of API keys. Roles are not ranked: an admin manages keys, a planner moderates reports.</summary>
public enum ApiKeyRole
{
    /// <summary>May create reports, which wait for a planner's verification.</summary>
    Reporter,

    /// <summary>May create reports that count at once, and verify, resolve, reject and edit any report.</summary>
    Planner,

    /// <summary>May manage API keys, and read every report with who reported it.</summary>
    Admin,

    /// <summary>May read what operations watch: <c>/metrics</c> and the detailed <c>/health/ready</c>; nothing else.</summary>
    Operator,
}

/// <summary>
/// Who did something: the id of the API key (never the key itself), its role at the time, and, when a citizen app
/// passes one beside its shared key, the id of the person using the app (opaque to us), so that "own reports" and the
/// report rate follow the person, not the app.
/// </summary>
public sealed record Actor(string KeyId, ApiKeyRole Role, string? EndUserId = null)
{
    public Reporter AsReporter => new(KeyId, EndUserId);
}

/// <summary>Who reported: a key, and the person behind a shared key when the app named one.</summary>
public sealed record Reporter(string KeyId, string? EndUserId);

/// <summary>Facts measured on site; each optional. Limits in <see cref="BarrierLimits"/>.</summary>
public sealed record MeasuredFacts(int? KerbHeightCm = null, int? RemainingWidthCm = null, double? InclinePct = null)
{
    public static MeasuredFacts None { get; } = new();
}

/// <summary>
/// When a report applies: from <see cref="From"/> (inclusive, open when null) until <see cref="Until"/> (exclusive,
/// open when null). A window that has ended stops the report counting without anyone touching it.
/// </summary>
public sealed record ValidityWindow(DateTimeOffset? From = null, DateTimeOffset? Until = null)
{
    public static ValidityWindow Always { get; } = new();

    public bool Contains(DateTimeOffset now) => (From is not { } from || from <= now) && (Until is not { } until || now < until);

    public bool HasEnded(DateTimeOffset now) => Until is { } until && until <= now;

    /// <summary>The next instant after <paramref name="now"/> at which <see cref="Contains"/> changes, if any.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset now)
    {
        if (From is { } from && from > now)
        {
            return from;
        }
        return Until is { } until && until > now ? until : null;
    }
}

/// <summary>One recorded change: when, by whom, what, the status after it, and for edits the fields that changed.</summary>
/// <param name="ChangedFields">API field names (snake_case) whose values changed; for <see cref="BarrierAction.Created"/> empty.</param>
public sealed record HistoryEntry(DateTimeOffset At, Actor By, BarrierAction Action, BarrierStatus Status, IReadOnlyList<string> ChangedFields);

/// <summary>
/// A barrier report as stored. <see cref="Pin"/> is what the geometry was pinned to when the report was created (or
/// its kind changed), kept for people to see; the overlay pins again from the geometry whenever it is built, so
/// reports survive a rebuilt graph. <see cref="Version"/> increases with every change (optimistic concurrency for
/// stores shared by many processes).
/// </summary>
public sealed record BarrierReport(
    long Id,
    ReportedBarrierKind Kind,
    BarrierGeometry Geometry,
    BarrierPin Pin,
    ValidityWindow Window,
    string? Description,
    MeasuredFacts Facts,
    BarrierStatus Status,
    Actor Reporter,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<HistoryEntry> History)
{
    /// <summary>Verified and inside its validity window: the report changes routes now.</summary>
    public bool CountsAt(DateTimeOffset now) => BarrierLifecycle.Counts(Status, Window, now);

    /// <summary>The report as the engine needs it.</summary>
    public ReportedBarrier ToEngine() =>
        new(Id, Kind, Status == BarrierStatus.Verified, Geometry, Facts.KerbHeightCm, Facts.RemainingWidthCm, Facts.InclinePct);
}

/// <summary>A new report, before the store gives it an id.</summary>
public sealed record BarrierDraft(
    ReportedBarrierKind Kind,
    BarrierGeometry Geometry,
    ValidityWindow Window,
    string? Description,
    MeasuredFacts Facts);
