using Routing.Engine.Barriers;

namespace Routing.Barriers.Tests;

/// <summary>
/// The service over each real store (<see cref="SqliteServiceTests"/>, <see cref="PostgresServiceTests"/>): lifecycle,
/// history, windows on a settable clock, visibility.
/// </summary>
public abstract class ServiceContract(StoreFixture fixture) : IDisposable
{
    private readonly StoreFixture _fixture = fixture;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    private BarrierService Service => _fixture.Service;

    [Fact]
    public async Task A_citizen_report_waits_and_a_planner_report_counts_at_once()
    {
        var citizen = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        var planner = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);

        Assert.Equal(BarrierStatus.Reported, citizen.Status);
        Assert.False(citizen.CountsAt(Service.Now));
        Assert.Equal(BarrierStatus.Verified, planner.Status);
        Assert.True(planner.CountsAt(Service.Now));
        Assert.NotEqual(citizen.Id, planner.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Admin));
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_when_and_what()
    {
        var created = await Service.CreateAsync(TestData.Draft(description: "kerb ramp missing"), TestData.Pin, TestData.Citizen);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var verified = await Service.TransitionAsync(created.Id, BarrierAction.Verified, TestData.Planner);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await Service.EditAsync(created.Id, new BarrierEdit
        {
            Description = Change.To<string?>("kerb 14 cm, no ramp"),
            KerbHeightCm = Change.To<int?>(14),
            ValidUntil = Change.To<DateTimeOffset?>(StoreFixture.Start.AddDays(30)),
        }, TestData.Planner);
        _fixture.Clock.Advance(TimeSpan.FromDays(1));
        var resolved = await Service.TransitionAsync(created.Id, BarrierAction.Resolved, TestData.Planner);

        Assert.Equal(BarrierChangeOutcome.Changed, verified.Outcome);
        Assert.Equal(BarrierChangeOutcome.Changed, edited.Outcome);
        Assert.Equal(BarrierChangeOutcome.Changed, resolved.Outcome);

        var stored = await Service.GetAsync(created.Id);
        Assert.NotNull(stored);
        Assert.Equal(BarrierStatus.Resolved, stored.Status);
        Assert.Equal(4, stored.Version);
        Assert.Equal("kerb 14 cm, no ramp", stored.Description);
        Assert.Equal(14, stored.Facts.KerbHeightCm);
        Assert.Equal(TestData.Citizen, stored.Reporter);
        Assert.Equal(StoreFixture.Start, stored.CreatedAt);
        Assert.Equal(StoreFixture.Start.AddMinutes(10).AddDays(1), stored.UpdatedAt);

        var history = stored.History;
        Assert.Equal([BarrierAction.Created, BarrierAction.Verified, BarrierAction.Edited, BarrierAction.Resolved], history.Select(h => h.Action));
        Assert.Equal([BarrierStatus.Reported, BarrierStatus.Verified, BarrierStatus.Verified, BarrierStatus.Resolved], history.Select(h => h.Status));
        Assert.Equal([TestData.Citizen, TestData.Planner, TestData.Planner, TestData.Planner], history.Select(h => h.By));
        Assert.Equal([StoreFixture.Start, StoreFixture.Start.AddMinutes(5), StoreFixture.Start.AddMinutes(10), StoreFixture.Start.AddMinutes(10).AddDays(1)],
            history.Select(h => h.At));
        Assert.Equal(["description", "valid_until", "kerb_height_cm"], history[2].ChangedFields);
        Assert.All(history.Where(h => h.Action != BarrierAction.Edited), h => Assert.Empty(h.ChangedFields));
    }

    [Fact]
    public async Task Transitions_that_the_status_does_not_allow_are_refused_and_change_nothing()
    {
        var report = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);

        var resolve = await Service.TransitionAsync(report.Id, BarrierAction.Resolved, TestData.Planner);
        Assert.Equal(BarrierChangeOutcome.NotAllowed, resolve.Outcome);
        Assert.Contains("allowed: verify, reject, edit", resolve.Message?.ToString(), StringComparison.Ordinal);

        await Service.TransitionAsync(report.Id, BarrierAction.Rejected, TestData.Planner);
        var verify = await Service.TransitionAsync(report.Id, BarrierAction.Verified, TestData.Planner);
        var edit = await Service.EditAsync(report.Id, new BarrierEdit { Description = Change.To<string?>("x") }, TestData.Planner);

        Assert.Equal(BarrierChangeOutcome.NotAllowed, verify.Outcome);
        Assert.Contains("final", verify.Message?.ToString(), StringComparison.Ordinal);
        Assert.Equal(BarrierChangeOutcome.NotAllowed, edit.Outcome);
        var stored = await Service.GetAsync(report.Id);
        Assert.Equal(BarrierStatus.Rejected, stored!.Status);
        Assert.Equal(2, stored.History.Count);
        Assert.Equal(BarrierChangeOutcome.NotFound, (await Service.TransitionAsync(999, BarrierAction.Verified, TestData.Planner)).Outcome);
    }

    [Fact]
    public async Task Only_planners_change_reports()
    {
        var report = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service.TransitionAsync(report.Id, BarrierAction.Verified, TestData.Citizen));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Service.EditAsync(report.Id, new BarrierEdit(), TestData.Admin));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_records_nothing_and_an_invalid_window_is_refused()
    {
        var report = await Service.CreateAsync(TestData.Draft(description: "same",
            window: new ValidityWindow(StoreFixture.Start.AddHours(1), StoreFixture.Start.AddHours(5))), TestData.Pin, TestData.Planner);

        var same = await Service.EditAsync(report.Id, new BarrierEdit { Description = Change.To<string?>("same") }, TestData.Planner);
        var backwards = await Service.EditAsync(report.Id,
            new BarrierEdit { ValidUntil = Change.To<DateTimeOffset?>(StoreFixture.Start.AddMinutes(30)) }, TestData.Planner);
        var cleared = await Service.EditAsync(report.Id,
            new BarrierEdit { ValidFrom = Change.To<DateTimeOffset?>(null), Description = Change.To<string?>(null) }, TestData.Planner);

        Assert.Equal(BarrierChangeOutcome.Unchanged, same.Outcome);
        Assert.Equal(BarrierChangeOutcome.Invalid, backwards.Outcome);
        Assert.Contains("after valid_from", backwards.Message?.ToString(), StringComparison.Ordinal);
        Assert.Equal(BarrierChangeOutcome.Changed, cleared.Outcome);
        var stored = await Service.GetAsync(report.Id);
        Assert.Null(stored!.Window.From);
        Assert.Null(stored.Description);
        Assert.Equal(StoreFixture.Start.AddHours(5), stored.Window.Until);
        Assert.Equal(2, stored.History.Count);
        Assert.Equal(["description", "valid_from"], stored.History[1].ChangedFields);
    }

    [Fact]
    public async Task A_changed_kind_takes_its_new_pin()
    {
        var report = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        var newPin = new BarrierPin([], [4711], null, 2.0);

        var result = await Service.EditAsync(report.Id, new BarrierEdit { Kind = Change.To(ReportedBarrierKind.HighKerb), Pin = newPin }, TestData.Planner);

        Assert.Equal(ReportedBarrierKind.HighKerb, result.Report!.Kind);
        var stored = await Service.GetAsync(report.Id);
        Assert.Equal([4711L], stored!.Pin.OsmNodeIds);
        Assert.Equal(["kind"], stored.History[^1].ChangedFields);
    }

    [Fact]
    public async Task A_window_starts_and_ends_counting_by_itself()
    {
        var clock = _fixture.Clock;
        var report = await Service.CreateAsync(TestData.Draft(window: new ValidityWindow(StoreFixture.Start.AddHours(1), StoreFixture.Start.AddHours(3))),
            TestData.Pin, TestData.Planner);

        var before = await Service.OverlaySnapshotAsync();
        Assert.False(report.CountsAt(clock.GetUtcNow()));
        Assert.Empty(before.Reports);
        Assert.Equal(StoreFixture.Start.AddHours(1), before.NextChange);

        clock.Advance(TimeSpan.FromHours(1));
        var during = await Service.OverlaySnapshotAsync();
        Assert.True(report.CountsAt(clock.GetUtcNow()));
        var engine = Assert.Single(during.Reports);
        Assert.True(engine.Verified);
        Assert.Equal(report.Id, engine.ReportId);
        Assert.Equal(StoreFixture.Start.AddHours(3), during.NextChange);

        clock.Advance(TimeSpan.FromHours(2));
        var after = await Service.OverlaySnapshotAsync();
        Assert.False(report.CountsAt(clock.GetUtcNow()));
        Assert.Empty(after.Reports);
        Assert.Null(after.NextChange);
        Assert.Equal(BarrierStatus.Verified, (await Service.GetAsync(report.Id))!.Status);
    }

    [Fact]
    public async Task The_overlay_holds_verified_reports_as_verified_and_waiting_ones_as_unverified()
    {
        var waiting = await Service.CreateAsync(TestData.Draft(facts: new MeasuredFacts(KerbHeightCm: 12)), TestData.Pin, TestData.Citizen);
        var active = await Service.CreateAsync(TestData.Draft(kind: ReportedBarrierKind.NarrowPassage, facts: new MeasuredFacts(RemainingWidthCm: 55)),
            TestData.Pin, TestData.Planner);
        var resolved = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        await Service.TransitionAsync(resolved.Id, BarrierAction.Resolved, TestData.Planner);

        var snapshot = await Service.OverlaySnapshotAsync();

        Assert.Equal([waiting.Id, active.Id], snapshot.Reports.Select(r => r.ReportId));
        Assert.False(snapshot.Reports[0].Verified);
        Assert.Equal(12, snapshot.Reports[0].KerbHeightCm);
        Assert.True(snapshot.Reports[1].Verified);
        Assert.Equal(55, snapshot.Reports[1].RemainingWidthCm);
        Assert.Equal(ReportedBarrierKind.NarrowPassage, snapshot.Reports[1].Kind);

        Assert.True(snapshot.SameReportsAs(await Service.OverlaySnapshotAsync()));
        Assert.True(snapshot.SameReportsAs(await Service.OverlaySnapshotAsync(snapshot)));
        await Service.TransitionAsync(waiting.Id, BarrierAction.Verified, TestData.Planner);
        Assert.False(snapshot.SameReportsAs(await Service.OverlaySnapshotAsync(snapshot)));
    }

    [Fact]
    public async Task A_snapshot_made_from_the_one_before_equals_one_made_afresh()
    {
        var clock = _fixture.Clock;
        var random = new Random(7);
        var ids = new List<long>();
        OverlaySnapshot? previous = null;
        for (int step = 0; step < 60; step++)
        {
            // A mix of what planners and citizens do between two refreshes: new reports (some with windows), status
            // changes and edits of earlier ones, and time passing over window edges.
            int choice = random.Next(5);
            if (choice <= 1 || ids.Count == 0)
            {
                var window = random.Next(3) == 0 ? new ValidityWindow(clock.GetUtcNow().AddMinutes(random.Next(1, 30)), null) : ValidityWindow.Always;
                var created = await Service.CreateAsync(TestData.Draft(window: window, facts: new MeasuredFacts(KerbHeightCm: random.Next(20))),
                    TestData.Pin, random.Next(2) == 0 ? TestData.Citizen : TestData.Planner);
                ids.Add(created.Id);
            }
            else if (choice == 2)
            {
                var action = random.Next(3) switch { 0 => BarrierAction.Verified, 1 => BarrierAction.Resolved, _ => BarrierAction.Rejected };
                await Service.TransitionAsync(ids[random.Next(ids.Count)], action, TestData.Planner);
            }
            else if (choice == 3)
            {
                await Service.EditAsync(ids[random.Next(ids.Count)], new BarrierEdit { KerbHeightCm = Change.To<int?>(random.Next(20)) }, TestData.Planner);
            }
            else
            {
                clock.Advance(TimeSpan.FromMinutes(random.Next(1, 15)));
            }

            var incremental = await Service.OverlaySnapshotAsync(previous);
            var afresh = await Service.OverlaySnapshotAsync();
            // Geometries are read anew each time (their point lists compare by reference): compare what they hold.
            Assert.Equal(afresh.Reports.Select(r => r with { Geometry = null! }), incremental.Reports.Select(r => r with { Geometry = null! }));
            Assert.Equal(afresh.Reports.Select(r => r.Geometry.Points.ToArray()), incremental.Reports.Select(r => r.Geometry.Points.ToArray()));
            Assert.Equal(afresh.NextChange, incremental.NextChange);
            Assert.True(afresh.SameReportsAs(incremental));
            previous = incremental;
        }
        Assert.NotEmpty(previous!.Reports);
    }

    [Fact]
    public async Task Each_committed_write_advances_the_change_generation()
    {
        long start = Service.Changes.Current;
        var waiter = Service.Changes.WaitAsync(start + 1, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);
        Assert.False(waiter.IsCompleted);

        var report = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        Assert.True(await waiter);
        await Service.TransitionAsync(report.Id, BarrierAction.Resolved, TestData.Planner);   // refused: no change
        Assert.Equal(start + 1, Service.Changes.Current);
        await Service.TransitionAsync(report.Id, BarrierAction.Verified, TestData.Planner);
        Assert.Equal(start + 2, Service.Changes.Current);
        Assert.False(await Service.Changes.WaitAsync(start + 3, TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task Anonymous_readers_see_only_counting_reports_reporters_also_their_own()
    {
        var mine = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        var active = await Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        var future = await Service.CreateAsync(TestData.Draft(window: new ValidityWindow(StoreFixture.Start.AddDays(1), null)), TestData.Pin, TestData.Planner);
        var now = Service.Now;

        Assert.False(BarrierPermissions.CanSee(null, mine, now));
        Assert.True(BarrierPermissions.CanSee(null, active, now));
        Assert.False(BarrierPermissions.CanSee(null, future, now));
        Assert.True(BarrierPermissions.CanSee(TestData.Citizen, mine, now));
        Assert.False(BarrierPermissions.CanSee(TestData.OtherCitizen, mine, now));
        Assert.True(BarrierPermissions.CanSee(TestData.Planner, future, now));
        Assert.True(BarrierPermissions.CanSee(TestData.Admin, mine, now));

        Assert.False(BarrierPermissions.CanSeeReporter(null, active));
        Assert.False(BarrierPermissions.CanSeeReporter(TestData.OtherCitizen, mine));
        Assert.True(BarrierPermissions.CanSeeReporter(TestData.Citizen, mine));
        Assert.True(BarrierPermissions.CanSeeReporter(TestData.Planner, mine));
    }
}

public sealed class SqliteServiceTests() : ServiceContract(new SqliteStoreFixture());
