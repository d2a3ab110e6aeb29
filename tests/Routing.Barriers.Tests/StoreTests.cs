using Microsoft.Data.Sqlite;
using Routing.Barriers.Sqlite;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>
/// What every store must do, run for each (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>): round
/// trips, queries, visibility and pages, optimistic versions, restarts, report quotas.
/// </summary>
public abstract class StoreContract(StoreFixture fixture) : IDisposable
{
    private readonly StoreFixture _fixture = fixture;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static void AssertSame(BarrierReport expected, BarrierReport actual, bool withHistory)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Geometry.Type, actual.Geometry.Type);
        Assert.Equal(expected.Geometry.Points, actual.Geometry.Points);
        Assert.Equal(expected.Pin.OsmWayIds, actual.Pin.OsmWayIds);
        Assert.Equal(expected.Pin.OsmNodeIds, actual.Pin.OsmNodeIds);
        Assert.Equal(expected.Pin.PinnedPoint, actual.Pin.PinnedPoint);
        Assert.Equal(expected.Pin.DistanceM, actual.Pin.DistanceM);
        Assert.Equal(expected.Window, actual.Window);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Facts, actual.Facts);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Reporter, actual.Reporter);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Version, actual.Version);
        if (withHistory)
        {
            Assert.Equal(expected.History.Count, actual.History.Count);
            for (int i = 0; i < expected.History.Count; i++)
            {
                Assert.Equal(expected.History[i].At, actual.History[i].At);
                Assert.Equal(expected.History[i].By, actual.History[i].By);
                Assert.Equal(expected.History[i].Action, actual.History[i].Action);
                Assert.Equal(expected.History[i].Status, actual.History[i].Status);
                Assert.Equal(expected.History[i].ChangedFields, actual.History[i].ChangedFields);
            }
        }
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var service = _fixture.Service;
        var full = await service.CreateAsync(new BarrierDraft(ReportedBarrierKind.SteepRamp, TestData.Line,
            new ValidityWindow(StoreFixture.Start.AddHours(-2).AddTicks(1234), StoreFixture.Start.AddDays(3)), "Rampe, 14 % steil, Ä ö ü ß ✓",
            new MeasuredFacts(3, 85, 14.5)), TestData.Pin, TestData.Planner);
        var bare = await service.CreateAsync(new BarrierDraft(ReportedBarrierKind.Other, TestData.Polygon, ValidityWindow.Always, null, MeasuredFacts.None),
            new BarrierPin([1, 2, 3], [], null, null), TestData.Citizen);
        var point = await service.CreateAsync(TestData.Draft(geometry: TestData.Point(49.409412345678, 8.693412345678)), TestData.Pin, TestData.Citizen);
        await service.EditAsync(point.Id, new BarrierEdit { InclinePct = Change.To<double?>(0.5) }, TestData.Planner);

        AssertSame(full, (await service.GetAsync(full.Id))!, withHistory: true);
        AssertSame(bare, (await service.GetAsync(bare.Id))!, withHistory: true);
        var storedPoint = (await service.GetAsync(point.Id))!;
        Assert.Equal(new GeoPoint(49.4094123, 8.6934123), storedPoint.Geometry.Points[0]);
        Assert.Equal(0.5, storedPoint.Facts.InclinePct);
        Assert.Equal(2, storedPoint.History.Count);
        Assert.Equal(StoreFixture.Start.AddHours(-2), full.Window.From);
        Assert.Null(await service.GetAsync(12345));
    }

    [Fact]
    public async Task Listing_filters_by_status_kind_box_and_end()
    {
        var service = _fixture.Service;
        var a = await service.CreateAsync(TestData.Draft(kind: ReportedBarrierKind.Construction, geometry: TestData.Point(49.41, 8.69)), TestData.Pin, TestData.Planner);
        var b = await service.CreateAsync(TestData.Draft(kind: ReportedBarrierKind.HighKerb, geometry: TestData.Point(49.42, 8.70)), TestData.Pin, TestData.Citizen);
        var c = await service.CreateAsync(TestData.Draft(geometry: TestData.Line, window: new ValidityWindow(null, StoreFixture.Start.AddHours(1))), TestData.Pin, TestData.Planner);

        async Task<long[]> Ids(BarrierQuery query) => [.. (await service.ListAsync(query)).Select(r => r.Id)];

        Assert.Equal([a.Id, b.Id, c.Id], await Ids(BarrierQuery.All));
        Assert.Equal([a.Id, c.Id], await Ids(new BarrierQuery(Statuses: [BarrierStatus.Verified])));
        Assert.Equal([b.Id], await Ids(new BarrierQuery(Statuses: [BarrierStatus.Reported, BarrierStatus.Resolved])));
        Assert.Empty(await Ids(new BarrierQuery(Statuses: [])));
        Assert.Equal([a.Id, b.Id], await Ids(new BarrierQuery(Kinds: [ReportedBarrierKind.Construction, ReportedBarrierKind.HighKerb])));
        Assert.Equal([b.Id], await Ids(new BarrierQuery(Bounds: new GeoBounds(49.415, 8.695, 49.43, 8.71))));
        // The line runs from (49.41, 8.69) to (49.4105, 8.6912): a box that only meets its middle still finds it.
        Assert.Equal([c.Id], await Ids(new BarrierQuery(Bounds: new GeoBounds(49.4102, 8.6905, 49.4103, 8.6906))));
        Assert.Equal([a.Id, b.Id], await Ids(new BarrierQuery(NotEndedAt: StoreFixture.Start.AddHours(1))));
        Assert.Equal([a.Id, c.Id], await Ids(new BarrierQuery(Ids: [c.Id, a.Id, 12345])));
        Assert.Equal([c.Id], await Ids(new BarrierQuery(Statuses: [BarrierStatus.Verified], Ids: [b.Id, c.Id])));
        Assert.Empty(await Ids(new BarrierQuery(Ids: [])));
        Assert.All(await service.ListAsync(BarrierQuery.All), r => Assert.Empty(r.History));
    }

    [Fact]
    public async Task Versions_are_listed_with_the_same_filters_as_reports()
    {
        var service = _fixture.Service;
        var a = await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner);
        var b = await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        var c = await service.CreateAsync(TestData.Draft(window: new ValidityWindow(null, StoreFixture.Start.AddHours(1))), TestData.Pin, TestData.Planner);
        await service.TransitionAsync(b.Id, BarrierAction.Verified, TestData.Planner);
        await service.EditAsync(b.Id, new BarrierEdit { Description = Change.To<string?>("now wider") }, TestData.Planner);

        Assert.Equal([new ReportVersion(a.Id, 1), new ReportVersion(b.Id, 3), new ReportVersion(c.Id, 1)],
            await _fixture.Store.ListVersionsAsync(BarrierQuery.All));
        Assert.Equal([new ReportVersion(a.Id, 1), new ReportVersion(b.Id, 3)],
            await _fixture.Store.ListVersionsAsync(new BarrierQuery(Statuses: [BarrierStatus.Verified], NotEndedAt: StoreFixture.Start.AddHours(2))));
        Assert.Equal([new ReportVersion(c.Id, 1)], await _fixture.Store.ListVersionsAsync(new BarrierQuery(Ids: [c.Id])));
    }

    [Fact]
    public async Task A_stale_update_is_detected_not_lost()
    {
        var report = await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        var entry = new HistoryEntry(StoreFixture.Start, TestData.Planner, BarrierAction.Verified, BarrierStatus.Verified, []);

        Assert.True(await _fixture.Store.UpdateAsync(report with { Status = BarrierStatus.Verified, Version = 2 }, 1, entry));
        Assert.False(await _fixture.Store.UpdateAsync(report with { Status = BarrierStatus.Rejected, Version = 2 }, 1, entry));

        var stored = await _fixture.Store.GetAsync(report.Id);
        Assert.Equal(BarrierStatus.Verified, stored!.Status);
        Assert.Equal(2, stored.History.Count);
    }

    [Fact]
    public async Task A_restart_keeps_every_report_and_key()
    {
        var written = new List<BarrierReport>();
        for (int i = 0; i < 25; i++)
        {
            var report = await _fixture.Service.CreateAsync(TestData.Draft(description: $"report {i}"), TestData.Pin, i % 2 == 0 ? TestData.Citizen : TestData.Planner);
            if (i % 3 == 0)
            {
                await _fixture.Service.TransitionAsync(report.Id, report.Status == BarrierStatus.Reported ? BarrierAction.Verified : BarrierAction.Resolved, TestData.Planner);
            }
            written.Add((await _fixture.Service.GetAsync(report.Id))!);
        }
        using var keys = new ApiKeyService(_fixture.Keys, _fixture.Clock);
        var created = await keys.CreateAsync(ApiKeyRole.Planner, "kept");

        _fixture.Reopen();

        foreach (var report in written)
        {
            AssertSame(report, (await _fixture.Service.GetAsync(report.Id))!, withHistory: true);
        }
        Assert.Equal(written.Count, (await _fixture.Service.ListAsync(BarrierQuery.All)).Count);
        using var reopenedKeys = new ApiKeyService(_fixture.Keys, _fixture.Clock);
        Assert.Equal(created.Key.KeyId, (await reopenedKeys.AuthenticateAsync(created.PlainKey))?.KeyId);
        var next = await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        Assert.True(next.Id > written.Max(r => r.Id), "ids are never reused");
    }

    /// <summary>
    /// The store's visibility filter against the one rule in memory (<see cref="BarrierPermissions.CanSee"/>), for every
    /// reader and reports in every status, window and reporter: the same reports, whichever way they are decided.
    /// </summary>
    [Fact]
    public async Task Visibility_in_the_store_is_the_rule_in_memory_for_every_reader()
    {
        var service = _fixture.Service;
        var now = StoreFixture.Start;
        var windows = new[]
        {
            ValidityWindow.Always, new ValidityWindow(now.AddHours(1), null), new ValidityWindow(null, now.AddHours(-1)),
            new ValidityWindow(now.AddHours(-1), now.AddHours(1)),
        };
        var reporters = new[] { TestData.Citizen, TestData.OtherCitizen, TestData.AppUserA, TestData.AppUserB, TestData.Planner };
        foreach (var reporter in reporters)
        {
            foreach (var window in windows)
            {
                foreach (var action in new BarrierAction?[] { null, BarrierAction.Verified, BarrierAction.Rejected, BarrierAction.Resolved })
                {
                    var report = await service.CreateAsync(TestData.Draft(window: window), TestData.Pin, reporter);
                    if (action is { } act && BarrierLifecycle.AllowedActions(report.Status).Contains(act))
                    {
                        Assert.Equal(BarrierChangeOutcome.Changed, (await service.TransitionAsync(report.Id, act, TestData.Planner)).Outcome);
                    }
                }
            }
        }
        var all = await service.ListAsync(BarrierQuery.All);
        Actor?[] readers = [null, .. reporters, TestData.Admin, TestData.AppUserA with { EndUserId = null }];
        foreach (var reader in readers)
        {
            var expected = all.Where(r => BarrierPermissions.CanSee(reader, r, service.Now)).Select(r => r.Id).ToList();
            var listed = await service.ListAsync(new BarrierQuery(VisibleTo: BarrierPermissions.VisibilityFor(reader, service.Now)));
            Assert.Equal(expected, listed.Select(r => r.Id));
            Assert.Equal(expected.Count, await _fixture.Store.CountAsync(new BarrierQuery(VisibleTo: BarrierPermissions.VisibilityFor(reader, service.Now))));
        }
        Assert.Contains(all, r => !BarrierPermissions.CanSee(null, r, service.Now));
        Assert.Contains(all, r => BarrierPermissions.CanSee(null, r, service.Now));
    }

    [Fact]
    public async Task Pages_by_id_hold_every_report_once()
    {
        var created = new List<long>();
        for (int i = 0; i < 7; i++)
        {
            created.Add((await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Planner)).Id);
        }
        var paged = new List<long>();
        long? after = null;
        do
        {
            var page = await _fixture.Service.ListAsync(new BarrierQuery(AfterId: after, Limit: 3));
            Assert.InRange(page.Count, 0, 3);
            paged.AddRange(page.Select(r => r.Id));
            after = page.Count == 3 ? page[^1].Id : null;
        }
        while (after is not null);
        Assert.Equal(created, paged);
    }

    [Fact]
    public async Task Quotas_count_the_stored_reports_of_one_person_in_the_last_minute_and_those_waiting()
    {
        var quota = new ReportQuota(_fixture.Store, _fixture.Clock);
        for (int i = 0; i < 3; i++)
        {
            Assert.Null(await quota.TryAdmitAsync(TestData.AppUserA, perMinute: 3, maxPending: 5));
            await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.AppUserA);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        }
        var refused = await quota.TryAdmitAsync(TestData.AppUserA, perMinute: 3, maxPending: 5);
        Assert.Equal(ReportQuota.PerMinute, refused?.Quota);
        Assert.Equal(TimeSpan.FromSeconds(30), refused?.RetryAfter); // the first of the three leaves the minute 30 s from now
        // The other person behind the same app key has a budget of their own.
        Assert.Null(await quota.TryAdmitAsync(TestData.AppUserB, perMinute: 3, maxPending: 5));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await quota.TryAdmitAsync(TestData.AppUserA, perMinute: 3, maxPending: 5));
        await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.AppUserA);
        await _fixture.Service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.AppUserA);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var waiting = await quota.TryAdmitAsync(TestData.AppUserA, perMinute: 3, maxPending: 5);
        Assert.Equal(ReportQuota.Pending, waiting?.Quota);
        Assert.Null(waiting?.RetryAfter);
        // A planner's verdict frees a place; a planner's own reports never wait.
        var first = (await _fixture.Service.ListAsync(new BarrierQuery(ReportedBy: TestData.AppUserA.AsReporter, Limit: 1)))[0];
        await _fixture.Service.TransitionAsync(first.Id, BarrierAction.Rejected, TestData.Planner);
        Assert.Null(await quota.TryAdmitAsync(TestData.AppUserA, perMinute: 3, maxPending: 5));
        Assert.Null(await quota.TryAdmitAsync(TestData.Planner, perMinute: 3, maxPending: 0));
    }
}

/// <summary>The SQLite store: the contract, and its file: durability settings, directories, migrations, refusals.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly SqliteStoreFixture _fixture;

    public SqliteStoreTests()
        : this(new SqliteStoreFixture())
    {
    }

    private SqliteStoreTests(SqliteStoreFixture fixture)
        : base(fixture) => _fixture = fixture;

    [Fact]
    public void Reopening_a_current_file_applies_no_migration()
    {
        _fixture.Reopen();

        Assert.Equal(SqliteBarrierStore.LatestSchemaVersion, _fixture.Sqlite.SchemaVersion);
        Assert.Empty(_fixture.Sqlite.AppliedMigrations);
    }

    [Fact]
    public void The_file_is_in_wal_mode_with_full_sync_and_a_schema_version()
    {
        Assert.Equal("wal", _fixture.Sqlite.Pragma("journal_mode"));
        Assert.Equal("2", _fixture.Sqlite.Pragma("synchronous"));   // 2 = FULL
        Assert.Equal("1", _fixture.Sqlite.Pragma("foreign_keys"));
        Assert.True(File.Exists(_fixture.Path));

        using var connection = new SqliteConnection($"Data Source={_fixture.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
        Assert.Equal("1,2,3", command.ExecuteScalar());
    }

    [Fact]
    public void Opening_creates_missing_directories()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "a", "b", "barriers.db");

        using var store = SqliteBarrierStore.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal([1, 2, 3], store.AppliedMigrations);
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_and_keeps_its_reports()
    {
        using var dir = new TempDirectory();
        string path = dir.File("v1.db");
        using (var v1 = SqliteBarrierStore.Open(path, schemaVersion: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
        }
        // Rows as the first release wrote them: no pins, no boxes, no versions.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO reports (kind, geometry, status, description, valid_from, valid_until, kerb_height_cm, remaining_width_cm,
                    incline_pct, reporter_key_id, reporter_role, created_at, updated_at)
                VALUES ('high_kerb', '{"type":"Point","coordinates":[8.6934,49.4094]}', 'verified', 'old kerb', NULL, NULL, 12, NULL, NULL,
                    'key_old', 'planner', 1764144000000, 1764144000000),
                       ('construction', '{"type":"Polygon","coordinates":[[[8.69,49.41],[8.691,49.41],[8.691,49.411],[8.69,49.41]]]}',
                    'reported', NULL, 1764144000000, 1764230400000, NULL, 60, NULL, 'key_citizen', 'reporter', 1764144000000, 1764144000000);
                INSERT INTO report_history (report_id, seq, at, actor_key_id, actor_role, action, status, changed_fields)
                VALUES (1, 1, 1764144000000, 'key_old', 'planner', 'created', 'verified', '[]'),
                       (2, 1, 1764144000000, 'key_citizen', 'reporter', 'created', 'reported', '[]');
                INSERT INTO api_keys (key_id, key_sha256, role, name, source, created_at, revoked_at)
                VALUES ('key_old', 'aa', 'planner', 'old', 'configuration', 1764144000000, NULL);
                """;
            insert.ExecuteNonQuery();
        }

        using var store = SqliteBarrierStore.Open(path);

        Assert.Equal([2, 3], store.AppliedMigrations);
        Assert.Equal(SqliteBarrierStore.LatestSchemaVersion, store.SchemaVersion);
        var kerb = await store.GetAsync(1);
        Assert.NotNull(kerb);
        Assert.Equal(ReportedBarrierKind.HighKerb, kerb.Kind);
        Assert.Equal(12, kerb.Facts.KerbHeightCm);
        Assert.Equal(1, kerb.Version);
        Assert.True(kerb.Pin.IsEmpty);
        Assert.Single(kerb.History);
        var site = await store.GetAsync(2);
        Assert.Equal(BarrierGeometryType.Polygon, site!.Geometry.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764230400000), site.Window.Until);
        Assert.Equal([2L], (await store.ListAsync(new BarrierQuery(Bounds: new GeoBounds(49.4101, 8.6901, 49.4102, 8.6902)))).Select(r => r.Id));
        Assert.Equal("old", (await store.GetKeyAsync("key_old"))!.Name);

        var service = new BarrierService(store, TimeProvider.System);
        var verified = await service.TransitionAsync(2, BarrierAction.Verified, TestData.Planner);
        Assert.Equal(BarrierChangeOutcome.Changed, verified.Outcome);
        Assert.Equal(2, (await store.GetAsync(2))!.Version);
    }

    [Fact]
    public void A_file_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using (var connection = new SqliteConnection($"Data Source={_fixture.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 0)";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<BarrierStoreException>(() => SqliteBarrierStore.Open(_fixture.Path));

        Assert.Contains(_fixture.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_clear_message()
    {
        using var dir = new TempDirectory();
        string path = dir.File("not-a-db.db");
        File.WriteAllText(path, new string('x', 4096));

        var ex = Assert.Throws<BarrierStoreException>(() => SqliteBarrierStore.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Barriers:Database", ex.Message, StringComparison.Ordinal);
    }
}
