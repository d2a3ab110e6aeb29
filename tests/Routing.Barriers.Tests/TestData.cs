using Routing.Barriers;
using Routing.Barriers.Sqlite;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.TestSupport;

namespace Routing.Barriers.Tests;

/// <summary>A clock the test sets; timers stay real (only <see cref="GetUtcNow"/> is replaced).</summary>
internal sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}

/// <summary>A store in a fresh temporary directory, and a service over it on a settable clock.</summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public StoreFixture()
    {
        Directory = new TempDirectory();
        Path = Directory.File("barriers.db");
        Store = SqliteBarrierStore.Open(Path);
        Service = new BarrierService(Store, Clock);
    }

    public TempDirectory Directory { get; }
    public string Path { get; }
    public SettableTimeProvider Clock { get; } = new(Start);
    public SqliteBarrierStore Store { get; private set; }
    public BarrierService Service { get; private set; }

    /// <summary>Closes the store and opens the file again, as a restarted service would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteBarrierStore.Open(Path);
        Service = new BarrierService(Store, Clock);
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Dispose();
    }
}

internal static class TestData
{
    public static readonly Actor Citizen = new("key_citizen0001", ApiKeyRole.Reporter);
    public static readonly Actor OtherCitizen = new("key_citizen0002", ApiKeyRole.Reporter);
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
