using Routing.Barriers;
using Routing.Barriers.Operations;
using Routing.Barriers.Postgres;
using Routing.Barriers.Sqlite;

namespace Routing.Barriers.Http;

/// <summary>The values of <c>Barriers:Provider</c>.</summary>
public static class BarrierStoreProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}

/// <summary>
/// The store the configuration chose, opened and migrated: its parts by role, and for a shared store the feed of
/// other replicas' changes (null for SQLite, which only this process writes).
/// </summary>
internal sealed class OpenedBarrierStore(
    IBarrierStore reports, IApiKeyStore keys, IBarrierChangeFeed? feed,
    string description, int schemaVersion, IReadOnlyList<int> appliedMigrations, IDisposable owner) : IDisposable
{
    public IBarrierStore Reports => reports;
    public IApiKeyStore Keys => keys;
    public IBarrierChangeFeed? Feed => feed;

    /// <summary>The file, or the database as postgresql://host:port/database (never with credentials).</summary>
    public string Description => description;

    public int SchemaVersion => schemaVersion;
    public IReadOnlyList<int> AppliedMigrations => appliedMigrations;

    public void Dispose() => owner.Dispose();

    /// <summary>Opens the configured store; a configuration or store that cannot be used is a <see cref="BarrierStartupException"/>.</summary>
    public static OpenedBarrierStore Open(BarrierOptions options, Func<string> sqlitePath)
    {
        try
        {
            if (string.Equals(options.Provider, BarrierStoreProviders.Postgres, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new BarrierStartupException(
                        "Barriers:Provider is postgres but Barriers:ConnectionString is empty; give an Npgsql connection string, e.g. Host=db;Database=routing;Username=routing;Password=...");
                }
                // Start-up is not served yet: waiting here for the database is what it has to do anyway.
                var postgres = PostgresBarrierStore.OpenAsync(options.ConnectionString).GetAwaiter().GetResult();
                var feed = new PostgresChangeFeed(postgres, TimeSpan.FromMilliseconds(Math.Max(100, options.ChangeCheckIntervalMs)));
                return new OpenedBarrierStore(postgres, postgres, feed, postgres.Description, postgres.SchemaVersion, postgres.AppliedMigrations, postgres);
            }
            if (!string.Equals(options.Provider, BarrierStoreProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                throw new BarrierStartupException(
                    $"Barriers:Provider is '{options.Provider}'; it must be {BarrierStoreProviders.Sqlite} (the default, one file) or {BarrierStoreProviders.Postgres} (with Barriers:ConnectionString).");
            }
            var sqlite = SqliteBarrierStore.Open(sqlitePath());
            return new OpenedBarrierStore(sqlite, sqlite, null, sqlite.Path, sqlite.SchemaVersion, sqlite.AppliedMigrations, sqlite);
        }
        catch (BarrierStoreException ex)
        {
            throw new BarrierStartupException(ex.Message, ex);
        }
    }
}
