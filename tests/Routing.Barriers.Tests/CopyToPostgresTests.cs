using Routing.Barriers.Admin;
using Routing.Barriers.Postgres;
using Routing.Engine.Barriers;

namespace Routing.Barriers.Tests;

/// <summary>
/// <c>Routing.Barriers.Admin copy-to-postgres</c>: a SQLite store with reports in every state, edits, windows and keys
/// (seeded, created, revoked) copied into a real PostgreSQL database, which then serves as the SQLite store did.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CopyToPostgresTests(PostgresDatabases databases) : IDisposable
{
    private readonly SqliteStoreFixture _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    /// <summary>Five reports (one resolved, one rejected, one edited twice, one with a window) and three keys, one revoked.</summary>
    private async Task<(IReadOnlyList<BarrierReport> Reports, IReadOnlyList<ApiKey> Keys)> FillSqliteAsync()
    {
        var service = _sqlite.Service;
        var ramp = await service.CreateAsync(new BarrierDraft(ReportedBarrierKind.SteepRamp, TestData.Line,
            new ValidityWindow(StoreFixture.Start.AddHours(-2), StoreFixture.Start.AddDays(3)), "Rampe, 14 % steil, Ä ö ü ß ✓",
            new MeasuredFacts(3, 85, 14.5)), TestData.Pin, TestData.Planner);
        var area = await service.CreateAsync(new BarrierDraft(ReportedBarrierKind.Other, TestData.Polygon, ValidityWindow.Always, null, MeasuredFacts.None),
            new BarrierPin([1, 2, 3], [], null, null), TestData.Citizen);
        var point = await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        var rejected = await service.CreateAsync(TestData.Draft(description: "nothing there"), TestData.Pin, TestData.OtherCitizen);
        await service.CreateAsync(TestData.Draft(ReportedBarrierKind.Construction, window: new ValidityWindow(null, StoreFixture.Start.AddDays(1))), TestData.Pin, TestData.Citizen);
        _sqlite.Clock.Advance(TimeSpan.FromMinutes(5));
        await service.TransitionAsync(point.Id, BarrierAction.Verified, TestData.Planner);
        await service.EditAsync(point.Id, new BarrierEdit { InclinePct = Change.To<double?>(0.5) }, TestData.Planner);
        await service.EditAsync(point.Id, new BarrierEdit { Description = Change.To<string?>("still there") }, TestData.Planner);
        await service.TransitionAsync(area.Id, BarrierAction.Verified, TestData.Planner);
        await service.TransitionAsync(area.Id, BarrierAction.Resolved, TestData.Planner);
        await service.TransitionAsync(rejected.Id, BarrierAction.Rejected, TestData.Planner);
        await service.TransitionAsync(ramp.Id, BarrierAction.Verified, TestData.Planner);

        using var keys = new ApiKeyService(_sqlite.Keys, _sqlite.Clock);
        await keys.SeedAsync([new SeedKey("configured-admin-key-0123456789", ApiKeyRole.Admin, "operations")]);
        await keys.CreateAsync(ApiKeyRole.Planner, "city planning");
        var reporter = await keys.CreateAsync(ApiKeyRole.Reporter, null);
        await keys.RevokeAsync(reporter.Key.KeyId);

        var listed = await _sqlite.Store.ListAsync(BarrierQuery.All);
        var whole = new List<BarrierReport>();
        foreach (var report in listed)
        {
            whole.Add((await _sqlite.Store.GetAsync(report.Id))!);
        }
        return (whole, await _sqlite.Keys.ListKeysAsync());
    }

    private static async Task<(int Exit, string Out, string Error)> CopyAsync(string sqlitePath, string connectionString)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await CopyToPostgresCommand.RunAsync(sqlitePath, connectionString, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Task<object?> CountAsync(string connectionString, string table) =>
        PostgresStoreTests.Scalar(connectionString, $"SELECT count(*) FROM {table}");

    [Fact]
    public async Task Every_report_with_its_history_and_every_key_arrives_and_the_service_goes_on_from_there()
    {
        var (reports, keys) = await FillSqliteAsync();
        _sqlite.Sqlite.Dispose();
        string target = databases.Create();

        var (exit, output, error) = await CopyAsync(_sqlite.Path, target);

        Assert.True(exit == CopyToPostgresCommand.Ok, error);
        Assert.Contains($"Copied 5 reports with {reports.Sum(r => r.History.Count)} history entries and 3 API keys", output, StringComparison.Ordinal);
        using var postgres = await PostgresBarrierStore.OpenAsync(target);
        Assert.Equal(reports.Select(r => r.Id), (await postgres.ListAsync(BarrierQuery.All)).Select(r => r.Id));
        foreach (var report in reports)
        {
            StoreContract.AssertSame(report, (await postgres.GetAsync(report.Id))!, withHistory: true);
        }
        Assert.Equal(keys, await postgres.ListKeysAsync());
        string configured = ApiKeyHasher.Hash("configured-admin-key-0123456789");
        Assert.Equal(keys.Single(k => k.KeySha256 == configured), await postgres.FindKeyByHashAsync(configured));
        Assert.Single(keys, k => !k.IsActive);

        // The copy is a store like any other: versions go on, and a new report comes after the copied ones.
        var service = new BarrierService(postgres, _sqlite.Clock);
        var edited = reports.Single(r => r.History.Count == 4);
        var change = await service.EditAsync(edited.Id, new BarrierEdit { Description = Change.To<string?>("gone") }, TestData.Planner);
        Assert.Equal(edited.Version + 1, change.Report?.Version);
        var next = await service.CreateAsync(TestData.Draft(), TestData.Pin, TestData.Citizen);
        Assert.Equal(reports.Max(r => r.Id) + 1, next.Id);
    }

    [Fact]
    public async Task A_target_that_holds_anything_is_refused_and_left_as_it_was()
    {
        await FillSqliteAsync();
        string target = databases.Create();
        using (var postgres = await PostgresBarrierStore.OpenAsync(target))
        {
            await postgres.InsertKeyAsync(new ApiKey("key_already0001", ApiKeyHasher.Hash("already-there-0123456789"), ApiKeyRole.Admin, null, ApiKeySource.Api, StoreFixture.Start, null));
        }

        var (exit, output, error) = await CopyAsync(_sqlite.Path, target);

        Assert.Equal(CopyToPostgresCommand.Refused, exit);
        Assert.Empty(output);
        Assert.Contains("already holds 0 reports and 1 API keys; nothing was copied", error, StringComparison.Ordinal);
        Assert.Contains("empty database", error, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(target, "reports"));
        Assert.Equal(1L, await CountAsync(target, "api_keys"));
    }

    [Fact]
    public async Task A_failure_halfway_writes_nothing()
    {
        var (reports, _) = await FillSqliteAsync();
        string target = databases.Create();
        using (var postgres = await PostgresBarrierStore.OpenAsync(target))
        {
            // PostgreSQL itself refuses the last report, after the others (and their histories) went in.
            await PostgresStoreTests.Scalar(target, $"""
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused report %', NEW.id; END $$;
                CREATE TRIGGER refuse_last BEFORE INSERT ON reports FOR EACH ROW WHEN (NEW.id = {reports[^1].Id}) EXECUTE FUNCTION refuse();
                """);
        }

        var (exit, _, error) = await CopyAsync(_sqlite.Path, target);

        Assert.Equal(CopyToPostgresCommand.Refused, exit);
        Assert.Contains($"refused report {reports[^1].Id}", error, StringComparison.Ordinal);
        Assert.Contains("nothing was copied", error, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(target, "reports"));
        Assert.Equal(0L, await CountAsync(target, "report_history"));
        Assert.Equal(0L, await CountAsync(target, "api_keys"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_a_non_zero_exit()
    {
        string target = databases.Create();
        string missing = _sqlite.Directory.File("no-such.db");
        string notSqlite = _sqlite.Directory.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, new string('x', 8192));

        var cases = new (string Source, string Target, string Expected)[]
        {
            (missing, target, "no-such.db: no such file"),
            (notSqlite, target, "notes.db cannot be opened"),
            (_sqlite.Path, "Host=127.0.0.1;Port=1;Database=routing;Timeout=2", "cannot be opened"),
            (_sqlite.Path, "this is = not; a connection string", "is not an Npgsql connection string"),
        };
        foreach (var (source, to, expected) in cases)
        {
            var (exit, output, error) = await CopyAsync(source, to);
            Assert.Equal(CopyToPostgresCommand.Refused, exit);
            Assert.Empty(output);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(missing));
    }
}
