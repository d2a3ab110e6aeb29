using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Texts;

namespace Routing.Barriers;

/// <summary>An optional change of one field in an edit: <see cref="IsSet"/> false leaves the field as it is.</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public T Or(T current) => IsSet ? Value : current;
}

/// <summary>Makes <see cref="Change{T}"/> values: <c>Change.To(value)</c>.</summary>
public static class Change
{
    public static Change<T> To<T>(T value) => new(true, value);
}

/// <summary>An edit of a report by a planner; each field changes only when set (null clears an optional field).</summary>
public sealed record BarrierEdit
{
    public Change<ReportedBarrierKind> Kind { get; init; }
    public Change<string?> Description { get; init; }
    public Change<DateTimeOffset?> ValidFrom { get; init; }
    public Change<DateTimeOffset?> ValidUntil { get; init; }
    public Change<int?> KerbHeightCm { get; init; }
    public Change<int?> RemainingWidthCm { get; init; }
    public Change<double?> InclinePct { get; init; }

    /// <summary>The pin for a changed kind (pinning depends on the kind); required when <see cref="Kind"/> is set.</summary>
    public BarrierPin? Pin { get; init; }
}

public enum BarrierChangeOutcome
{
    /// <summary>Changed and stored, with a history entry.</summary>
    Changed,

    /// <summary>An edit that changed nothing: nothing stored, no history entry.</summary>
    Unchanged,

    NotFound,

    /// <summary>Not allowed in the report's status (see <see cref="BarrierLifecycle"/>).</summary>
    NotAllowed,

    /// <summary>The result would be invalid (a window that ends before it starts); nothing stored.</summary>
    Invalid,
}

/// <param name="Report">The report after the change (or as it is, when nothing changed); null when not found.</param>
/// <param name="Message">Why a change was refused, written in the answer's language by the door.</param>
public sealed record BarrierChangeResult(BarrierChangeOutcome Outcome, BarrierReport? Report, Phrase? Message = null);

/// <summary>
/// The operations on reports: create, verify, resolve, reject, edit, read. Applies the lifecycle, records history,
/// stores, and advances <see cref="Changes"/> after every committed write. Time comes from the injected
/// <see cref="TimeProvider"/> (to the millisecond, as stored).
/// </summary>
public sealed class BarrierService(IBarrierStore store, TimeProvider time)
{
    private const int MaxAttempts = 5;

    /// <summary>Advanced after every committed change; the overlay refresher waits on it.</summary>
    public GenerationGate Changes { get; } = new();

    public TimeProvider Time => time;

    /// <summary>Now, to the millisecond (what the store keeps).</summary>
    public DateTimeOffset Now => Truncate(time.GetUtcNow());

    public async Task<BarrierReport> CreateAsync(BarrierDraft draft, BarrierPin pin, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!BarrierPermissions.CanCreate(actor.Role))
        {
            throw new InvalidOperationException($"a key with role {actor.Role} cannot create reports");
        }
        var now = Now;
        var status = BarrierLifecycle.InitialStatus(actor.Role);
        var report = new BarrierReport(
            0, draft.Kind, Normalize(draft.Geometry), pin, Normalize(draft.Window), draft.Description, draft.Facts, status, actor, now, now, 1,
            [new HistoryEntry(now, actor, BarrierAction.Created, status, [])]);
        var stored = await store.InsertAsync(report, cancellationToken);
        Changes.Advance();
        return stored;
    }

    /// <summary>Verify, resolve or reject.</summary>
    public Task<BarrierChangeResult> TransitionAsync(long id, BarrierAction action, Actor actor, CancellationToken cancellationToken = default)
    {
        if (action is not (BarrierAction.Verified or BarrierAction.Resolved or BarrierAction.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "not a status transition");
        }
        return ChangeAsync(id, actor, action, report =>
        {
            if (!BarrierLifecycle.TryApply(report.Status, action, out var status))
            {
                return (null, NotAllowed(report.Status, action));
            }
            return (report with { Status = status }, null);
        }, cancellationToken);
    }

    public Task<BarrierChangeResult> EditAsync(long id, BarrierEdit edit, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, BarrierAction.Edited, report =>
        {
            if (!BarrierLifecycle.TryApply(report.Status, BarrierAction.Edited, out _))
            {
                return (null, NotAllowed(report.Status, BarrierAction.Edited));
            }
            var window = Normalize(new ValidityWindow(edit.ValidFrom.Or(report.Window.From), edit.ValidUntil.Or(report.Window.Until)));
            if (window is { From: { } from, Until: { } until } && until <= from)
            {
                return (null, Phrase.FieldError("after_valid_from"));
            }
            var facts = new MeasuredFacts(
                edit.KerbHeightCm.Or(report.Facts.KerbHeightCm),
                edit.RemainingWidthCm.Or(report.Facts.RemainingWidthCm),
                edit.InclinePct.Or(report.Facts.InclinePct));
            var kind = edit.Kind.Or(report.Kind);
            var edited = report with
            {
                Kind = kind,
                Pin = kind != report.Kind ? edit.Pin ?? throw new ArgumentException("a changed kind needs its pin", nameof(edit)) : report.Pin,
                Description = edit.Description.Or(report.Description),
                Window = window,
                Facts = facts,
            };
            return (edited, null);
        }, cancellationToken);

    public Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        store.ListAsync(query, cancellationToken);

    /// <summary>
    /// The reports the overlay is built from now: verified ones that count, and reported ones inside their window.
    /// Given the snapshot before, only reports whose version changed since are read again; everything else is
    /// taken from it, so the refresh after one write reads ids and versions, not every report.
    /// </summary>
    public async Task<OverlaySnapshot> OverlaySnapshotAsync(OverlaySnapshot? previous = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var filter = new BarrierQuery(Statuses: [BarrierStatus.Reported, BarrierStatus.Verified], NotEndedAt: now);
        var versions = await store.ListVersionsAsync(filter, cancellationToken);
        var stale = versions.Where(v => previous?.VersionOf(v.Id) != v.Version).Select(v => v.Id).ToList();
        IReadOnlyList<BarrierReport> read = stale.Count == 0 ? []
            : previous is null || stale.Count > OverlaySnapshot.MaxReadById ? await store.ListAsync(filter, cancellationToken)
            : await store.ListAsync(filter with { Ids = stale }, cancellationToken);
        return OverlaySnapshot.Of(versions, read, previous, now);
    }

    private async Task<BarrierChangeResult> ChangeAsync(
        long id, Actor actor, BarrierAction action, Func<BarrierReport, (BarrierReport? Changed, Phrase? Refusal)> change, CancellationToken cancellationToken)
    {
        if (!BarrierPermissions.CanModerate(actor.Role))
        {
            throw new InvalidOperationException($"a key with role {actor.Role} cannot change reports");
        }
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return new BarrierChangeResult(BarrierChangeOutcome.NotFound, null);
            }
            var (changed, refusal) = change(current);
            if (changed is null)
            {
                var outcome = BarrierLifecycle.TryApply(current.Status, action, out _) ? BarrierChangeOutcome.Invalid : BarrierChangeOutcome.NotAllowed;
                return new BarrierChangeResult(outcome, current, refusal);
            }
            var fields = action == BarrierAction.Edited ? ChangedFields(current, changed) : [];
            if (action == BarrierAction.Edited && fields.Count == 0)
            {
                return new BarrierChangeResult(BarrierChangeOutcome.Unchanged, current);
            }
            var now = Now;
            var entry = new HistoryEntry(now, actor, action, changed.Status, fields);
            var updated = changed with { UpdatedAt = now, Version = current.Version + 1, History = [.. current.History, entry] };
            if (await store.UpdateAsync(updated, current.Version, entry, cancellationToken))
            {
                Changes.Advance();
                return new BarrierChangeResult(BarrierChangeOutcome.Changed, updated);
            }
            // Someone else changed it in between: read again and decide again.
        }
        throw new InvalidOperationException($"report {id} kept changing under {MaxAttempts} attempts to {action} it");
    }

    /// <summary>The status, the action and the verbs are the API's names, the same in every language.</summary>
    private static Phrase NotAllowed(BarrierStatus status, BarrierAction action)
    {
        var allowed = BarrierLifecycle.AllowedActions(status);
        return allowed.Count == 0
            ? new Phrase("problem.transition_final", BarrierNames.Name(status), BarrierNames.Name(action))
            : new Phrase("problem.transition_not_allowed", BarrierNames.Name(status), BarrierNames.Name(action), Verb(action), string.Join(", ", allowed.Select(Verb)));
    }

    private static string Verb(BarrierAction action) => action switch
    {
        BarrierAction.Verified => "verify",
        BarrierAction.Resolved => "resolve",
        BarrierAction.Rejected => "reject",
        BarrierAction.Edited => "edit",
        _ => "create",
    };

    /// <summary>The API names of the fields whose values differ.</summary>
    public static IReadOnlyList<string> ChangedFields(BarrierReport before, BarrierReport after)
    {
        var fields = new List<string>();
        if (before.Kind != after.Kind)
        {
            fields.Add("kind");
        }
        if (!string.Equals(before.Description, after.Description, StringComparison.Ordinal))
        {
            fields.Add("description");
        }
        if (before.Window.From != after.Window.From)
        {
            fields.Add("valid_from");
        }
        if (before.Window.Until != after.Window.Until)
        {
            fields.Add("valid_until");
        }
        if (before.Facts.KerbHeightCm != after.Facts.KerbHeightCm)
        {
            fields.Add("kerb_height_cm");
        }
        if (before.Facts.RemainingWidthCm != after.Facts.RemainingWidthCm)
        {
            fields.Add("remaining_width_cm");
        }
        if (before.Facts.InclinePct != after.Facts.InclinePct)
        {
            fields.Add("incline_pct");
        }
        return fields;
    }

    public static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static ValidityWindow Normalize(ValidityWindow window) =>
        new(window.From is { } from ? Truncate(from) : null, window.Until is { } until ? Truncate(until) : null);

    /// <summary>Coordinates to 7 decimals (about 1 cm), as stored.</summary>
    private static BarrierGeometry Normalize(BarrierGeometry geometry) =>
        new(geometry.Type, [.. geometry.Points.Select(p => new GeoPoint(Math.Round(p.Lat, 7), Math.Round(p.Lon, 7)))]);
}
