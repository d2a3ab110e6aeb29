using Npgsql;
using Routing.Barriers.Operations;
using Routing.Barriers.Postgres;
using Routing.Barriers.Sqlite;

namespace Routing.Barriers.Admin;

/// <summary>
/// <c>copy-to-postgres SQLITE-FILE --to CONNECTION-STRING</c>: moves one process's embedded store into the database
/// replicas share. Everything is read first, then written in one transaction into a database that must be empty
/// (<see cref="PostgresBarrierStore.ImportAsync"/>), so a failure leaves the target as it was and the copy can simply
/// be run again. Report ids are kept: links and planners' notes that name a report stay right.
/// </summary>
internal static class CopyToPostgresCommand
{
    public const int Ok = 0;

    /// <summary>The source or the target cannot be used (missing, not a barrier store, unreachable, not empty).</summary>
    public const int Refused = 1;

    public static async Task<int> RunAsync(string sqlitePath, string connectionString, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // Opening creates a missing file: a mistyped path would otherwise copy an empty store without a word.
        if (!File.Exists(sqlitePath))
        {
            await stderr.WriteLineAsync($"{sqlitePath}: no such file; give the SQLite barrier store the service used (Barriers:Database, by default barriers.db beside the graph).");
            return Refused;
        }
        try
        {
            using var sqlite = SqliteBarrierStore.Open(sqlitePath);
            if (sqlite.AppliedMigrations.Contains(1))
            {
                await stderr.WriteLineAsync($"{sqlite.Path}: not a barrier store (it had no barrier tables); give the file the service used (Barriers:Database).");
                return Refused;
            }
            var reports = new List<BarrierReport>();
            foreach (var listed in await sqlite.ListAsync(BarrierQuery.All, cancellationToken))
            {
                // The list leaves the history out; each report is read again whole.
                reports.Add(await sqlite.GetAsync(listed.Id, cancellationToken)
                    ?? throw new BarrierStoreException($"{sqlite.Path}: report {listed.Id} vanished while it was read; stop the service before copying its store."));
            }
            var keys = await sqlite.ListKeysAsync(cancellationToken);
            using var postgres = await PostgresBarrierStore.OpenAsync(connectionString, cancellationToken);
            await postgres.ImportAsync(reports, keys, cancellationToken);
            await stdout.WriteLineAsync(
                $"Copied {reports.Count} reports with {reports.Sum(r => r.History.Count)} history entries and {keys.Count} API keys " +
                $"from {sqlite.Path} (schema v{sqlite.SchemaVersion}) to {postgres.Description}.");
            return Ok;
        }
        catch (Exception ex) when (ex is BarrierStoreException or BarrierStoreUnavailableException)
        {
            await stderr.WriteLineAsync(ex.Message);
            return Refused;
        }
        catch (PostgresException ex)
        {
            // A statement refused inside the one transaction: it rolled back.
            await stderr.WriteLineAsync($"PostgreSQL refused the copy: {ex.MessageText} ({ex.SqlState}); nothing was copied.");
            return Refused;
        }
    }
}
