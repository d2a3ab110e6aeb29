using Routing.Barriers;
using Routing.Barriers.Operations;
using Routing.Barriers.Postgres;
using Routing.Barriers.Sqlite;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>A clock the test sets; timers stay real (only <see cref="GetUtcNow"/> is replaced).</summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}

/// <summary>
/// A fresh, empty store and a service over it on a settable clock. The store behaviour tests are written once against
/// this and run for each store (<see cref="SqliteStoreFixture"/>, <see cref="PostgresStoreFixture"/>).
/// </summary>
public abstract class StoreFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    internal SettableTimeProvider Clock { get; } = new(Start);

    public abstract IBarrierStore Store { get; }

    public abstract IApiKeyStore Keys { get; }

    public BarrierService Service { get; protected set; } = null!;

    /// <summary>Closes the store and opens it again, as a restarted service would.</summary>
    public abstract void Reopen();

    public abstract void Dispose();
}

/// <summary>A SQLite store in a fresh temporary directory.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    public SqliteStoreFixture()
    {
        Directory = new TempDirectory();
        Path = Directory.File("barriers.db");
        Sqlite = SqliteBarrierStore.Open(Path);
        Service = new BarrierService(Sqlite, Clock);
    }

    public TempDirectory Directory { get; }
    public string Path { get; }
    public SqliteBarrierStore Sqlite { get; private set; }
    public override IBarrierStore Store => Sqlite;
    public override IApiKeyStore Keys => Sqlite;

    public override void Reopen()
    {
        Sqlite.Dispose();
        Sqlite = SqliteBarrierStore.Open(Path);
        Service = new BarrierService(Sqlite, Clock);
    }

    public override void Dispose()
    {
        Sqlite.Dispose();
        Directory.Dispose();
    }
}

/// <summary>A PostgreSQL store in a fresh database on the test server.</summary>
public sealed class PostgresStoreFixture : StoreFixture
{
    public PostgresStoreFixture(PostgresDatabases databases)
    {
        ConnectionString = databases.Create();
        Postgres = PostgresBarrierStore.OpenAsync(ConnectionString).GetAwaiter().GetResult();
        Service = new BarrierService(Postgres, Clock);
    }

    public string ConnectionString { get; }
    public PostgresBarrierStore Postgres { get; private set; }
    public override IBarrierStore Store => Postgres;
    public override IApiKeyStore Keys => Postgres;

    public override void Reopen()
    {
        Postgres.Dispose();
        Postgres = PostgresBarrierStore.OpenAsync(ConnectionString).GetAwaiter().GetResult();
        Service = new BarrierService(Postgres, Clock);
    }

    public override void Dispose() => Postgres.Dispose();
}

public static class TestData
{
    public static readonly Actor Citizen = new("key_citizen0001", ApiKeyRole.Reporter);
    public static readonly Actor OtherCitizen = new("key_citizen0002", ApiKeyRole.Reporter);

    /// <summary>Two people using one citizen app, which shares one key and names each person.</summary>
    public static readonly Actor AppUserA = new("key_cityapp0001", ApiKeyRole.Reporter, "user-a");
    public static readonly Actor AppUserB = new("key_cityapp0001", ApiKeyRole.Reporter, "user-b");
    public static readonly Actor Planner = new("key_planner0001", ApiKeyRole.Planner);
    public static readonly Actor Admin = new("key_admin000001", ApiKeyRole.Admin);

    public static BarrierGeometry Point(double lat = 49.4094, double lon = 8.6934) => new(BarrierGeometryType.Point, [new GeoPoint(lat, lon)]);

    public static BarrierGeometry Line => new(BarrierGeometryType.LineString, [new GeoPoint(49.41, 8.69), new GeoPoint(49.4105, 8.6912)]);

    public static BarrierGeometry Polygon => new(BarrierGeometryType.Polygon,
        [new GeoPoint(49.41, 8.69), new GeoPoint(49.41, 8.691), new GeoPoint(49.411, 8.691), new GeoPoint(49.41, 8.69)]);

    public static BarrierPin Pin => new([24717413], [9], new GeoPoint(49.40941, 8.69345), 3.4);

    public static BarrierDraft Draft(
        ReportedBarrierKind kind = ReportedBarrierKind.BlockedPath, BarrierGeometry? geometry = null, ValidityWindow? window = null,
        string? description = "scaffolding", MeasuredFacts? facts = null) =>
        new(kind, geometry ?? Point(), window ?? ValidityWindow.Always, description, facts ?? MeasuredFacts.None);
}
