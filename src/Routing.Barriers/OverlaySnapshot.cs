using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>
/// What the overlay is built from at one instant: counting reports (verified) and pending ones (not verified), by id.
/// It remembers every candidate it was made from (reported or verified, window not ended), so that the next snapshot
/// reads again only the reports whose version changed (<see cref="BarrierService.OverlaySnapshotAsync"/>).
/// </summary>
public sealed class OverlaySnapshot
{
    /// <summary>Beyond this many changed reports a snapshot reads all candidates at once rather than by id.</summary>
    internal const int MaxReadById = 500;

    private readonly Dictionary<long, Candidate> _candidates;
    private readonly ReportVersion[] _inForce;

    private OverlaySnapshot(Dictionary<long, Candidate> candidates, IReadOnlyList<ReportedBarrier> reports, ReportVersion[] inForce, DateTimeOffset? nextChange)
    {
        _candidates = candidates;
        Reports = reports;
        _inForce = inForce;
        NextChange = nextChange;
    }

    /// <summary>The reports in force, by id.</summary>
    public IReadOnlyList<ReportedBarrier> Reports { get; }

    /// <summary>The next instant a validity window starts or ends, when the set changes by itself.</summary>
    public DateTimeOffset? NextChange { get; }

    /// <summary>Whether both hold the same reports in force at the same versions: then the overlay need not be rebuilt.</summary>
    public bool SameReportsAs(OverlaySnapshot? other) => other is not null && _inForce.AsSpan().SequenceEqual(other._inForce);

    /// <summary>The version this snapshot knows a candidate at, or null.</summary>
    internal int? VersionOf(long id) => _candidates.TryGetValue(id, out var candidate) ? candidate.Version : null;

    /// <summary>
    /// The candidates listed in <paramref name="versions"/> (by id): each from <paramref name="read"/> when it was read
    /// again, else from <paramref name="previous"/> when that knows it at the same version. A candidate found in
    /// neither changed again after the versions were listed; the write that changed it triggers the next snapshot.
    /// </summary>
    internal static OverlaySnapshot Of(IReadOnlyList<ReportVersion> versions, IReadOnlyList<BarrierReport> read, OverlaySnapshot? previous, DateTimeOffset now)
    {
        var fresh = read.ToDictionary(r => r.Id);
        var candidates = new Dictionary<long, Candidate>(versions.Count);
        var reports = new List<ReportedBarrier>();
        var inForce = new List<ReportVersion>();
        DateTimeOffset? next = null;
        foreach (var version in versions)
        {
            Candidate candidate;
            if (fresh.TryGetValue(version.Id, out var report))
            {
                candidate = new Candidate(report.Version, report.Window, report.ToEngine());
            }
            else if (previous is not null && previous._candidates.TryGetValue(version.Id, out var known) && known.Version == version.Version)
            {
                candidate = known;
            }
            else
            {
                continue;
            }
            candidates[version.Id] = candidate;
            if (candidate.Window.NextChangeAfter(now) is { } change && (next is null || change < next))
            {
                next = change;
            }
            if (candidate.Window.Contains(now))
            {
                reports.Add(candidate.Report);
                inForce.Add(new ReportVersion(version.Id, candidate.Version));
            }
        }
        return new OverlaySnapshot(candidates, reports, [.. inForce], next);
    }

    private sealed record Candidate(int Version, ValidityWindow Window, ReportedBarrier Report);
}
