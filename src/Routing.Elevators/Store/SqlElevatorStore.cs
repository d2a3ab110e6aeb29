using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Routing.Engine;

namespace Routing.Elevators.Store;

/// <summary>
/// The elevator store on the barrier store's database, in tables of its own (created when missing, never touching the
/// report tables): SQLite for one process, PostgreSQL for replicas. The SQL is the same for both; PostgreSQL also
/// sends <c>NOTIFY routing_barrier_changes</c> with each save, so every replica's overlay refresher wakes as it does
/// for a report. Times are Unix milliseconds.
/// </summary>
public sealed class SqlElevatorStore : IElevatorStore, IAsyncDisposable
{
    private const string Columns = "s.id, s.feed, s.feed_id, s.description, s.station, s.lat, s.lon, s.state, s.explanation, s.since_ms, s.checked_ms, m.lat, m.lon, m.by_name, m.at_ms, s.level";

    private readonly Func<CancellationToken, ValueTask<DbConnection>> _open;
    private readonly bool _postgres;
    private readonly IAsyncDisposable? _owned;

    private SqlElevatorStore(Func<CancellationToken, ValueTask<DbConnection>> open, bool postgres, IAsyncDisposable? owned)
    {
        _open = open;
        _postgres = postgres;
        _owned = owned;
    }

    /// <summary>The store in the SQLite file of the barrier store (WAL lets both connections share it).</summary>
    public static async Task<SqlElevatorStore> OpenSqliteAsync(string path, CancellationToken cancellationToken = default)
    {
        string connection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
        var store = new SqlElevatorStore(async token =>
        {
            var c = new SqliteConnection(connection);
            await c.OpenAsync(token);
            return c;
        }, postgres: false, owned: null);
        await store.CreateTablesAsync(cancellationToken);
        return store;
    }

    /// <summary>The store in the replicas' PostgreSQL database.</summary>
    public static async Task<SqlElevatorStore> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        var store = new SqlElevatorStore(async token => await source.OpenConnectionAsync(token), postgres: true, owned: source);
        await store.CreateTablesAsync(cancellationToken);
        return store;
    }

    public async Task<bool> TryHoldPollLeaseAsync(string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        // One statement: the row is taken when free or expired, renewed by its holder, and left alone otherwise.
        int taken = await ExecuteAsync(connection, null, """
            INSERT INTO elevator_poll_lease (name, holder, until_ms) VALUES ('poll', @holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
            WHERE elevator_poll_lease.until_ms < @now OR elevator_poll_lease.holder = excluded.holder
            """, cancellationToken, ("holder", holder), ("until", (now + duration).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));
        return taken == 1;
    }

    public async Task<int> SaveAsync(string feed, IReadOnlyList<Equipment> equipment, DateTimeOffset checkedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var known = new Dictionary<string, (string State, long SinceMs)>(StringComparer.Ordinal);
        await using (var read = Command(connection, transaction, "SELECT id, state, since_ms FROM elevator_states WHERE feed = @feed", ("feed", feed)))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                known[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2));
            }
        }
        long at = checkedAt.ToUnixTimeMilliseconds();
        int changed = 0;
        foreach (var item in equipment.DistinctBy(e => e.FeedId))
        {
            string id = feed + ":" + item.FeedId;
            string state = FeedStateNames.Of(item.State);
            bool same = known.TryGetValue(id, out var before) && before.State == state;
            await ExecuteAsync(connection, transaction, """
                INSERT INTO elevator_states (id, feed, feed_id, description, station, lat, lon, level, state, explanation, since_ms, checked_ms)
                VALUES (@id, @feed, @feed_id, @description, @station, @lat, @lon, @level, @state, @explanation, @since, @checked)
                ON CONFLICT (id) DO UPDATE SET description = excluded.description, station = excluded.station, lat = excluded.lat,
                    lon = excluded.lon, level = excluded.level, state = excluded.state, explanation = excluded.explanation,
                    since_ms = excluded.since_ms, checked_ms = excluded.checked_ms
                """, cancellationToken, ("id", id), ("feed", feed), ("feed_id", item.FeedId), ("description", item.Description),
                ("station", item.Station), ("lat", item.Lat), ("lon", item.Lon), ("level", item.Level), ("state", state),
                ("explanation", item.Explanation), ("since", same ? before.SinceMs : at), ("checked", at));
            if (!same)
            {
                changed++;
                await ExecuteAsync(connection, transaction, "INSERT INTO elevator_history (id, state, at_ms, explanation) VALUES (@id, @state, @at, @explanation)",
                    cancellationToken, ("id", id), ("state", state), ("at", at), ("explanation", item.Explanation));
            }
        }
        if (_postgres)
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_notify('routing_barrier_changes', 'elevators')", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<StoredElevator>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM elevator_states s LEFT JOIN elevator_matches m ON m.id = s.id ORDER BY s.id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<StoredElevator>();
        while (await reader.ReadAsync(cancellationToken))
        {
            HandMatch? match = reader.IsDBNull(14) ? null : new HandMatch(
                reader.IsDBNull(11) || reader.IsDBNull(12) ? null : new GeoPoint(reader.GetDouble(11), reader.GetDouble(12)),
                reader.GetString(13), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)));
            found.Add(new StoredElevator(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4),
                Number(reader, 5), Number(reader, 6), FeedStateNames.Parse(reader.GetString(7)), Text(reader, 8),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)), match,
                Number(reader, 15)));
        }
        return found;
    }

    public async Task<IReadOnlyList<StateChange>> HistoryAsync(string? id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken);
        await using var command = id is null
            ? Command(connection, null, "SELECT id, state, at_ms, explanation FROM elevator_history ORDER BY at_ms, seq")
            : Command(connection, null, "SELECT id, state, at_ms, explanation FROM elevator_history WHERE id = @id ORDER BY at_ms, seq", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<StateChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new StateChange(reader.GetString(0), FeedStateNames.Parse(reader.GetString(1)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), Text(reader, 3)));
        }
        return found;
    }

    public async Task<bool> SetMatchAsync(string id, HandMatch match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        await using var connection = await _open(cancellationToken);
        int stored = await ExecuteAsync(connection, null, """
            INSERT INTO elevator_matches (id, lat, lon, by_name, at_ms)
            SELECT id, CAST(@lat AS DOUBLE PRECISION), CAST(@lon AS DOUBLE PRECISION), @by, @at FROM elevator_states WHERE id = @id
            ON CONFLICT (id) DO UPDATE SET lat = excluded.lat, lon = excluded.lon, by_name = excluded.by_name, at_ms = excluded.at_ms
            """, cancellationToken, ("id", id), ("lat", match.Point?.Lat), ("lon", match.Point?.Lon), ("by", match.By), ("at", match.At.ToUnixTimeMilliseconds()));
        if (stored == 1 && _postgres)
        {
            await ExecuteAsync(connection, null, "SELECT pg_notify('routing_barrier_changes', 'elevators')", cancellationToken);
        }
        return stored == 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    /// <summary>
    /// The tables, when missing, and the columns later versions added to a store that has the tables (old rows keep
    /// null: the level is unknown until the next poll). Replicas starting together on PostgreSQL take a transaction-scoped advisory lock first
    /// (concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog).
    /// </summary>
    private async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        string real = _postgres ? "DOUBLE PRECISION" : "REAL";
        string serial = _postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        await using var connection = await _open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (_postgres)
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7270027)", cancellationToken);
        }
        foreach (string sql in new[]
        {
            $"""
            CREATE TABLE IF NOT EXISTS elevator_states (id TEXT PRIMARY KEY, feed TEXT NOT NULL, feed_id TEXT NOT NULL, description TEXT,
                station TEXT, lat {real}, lon {real}, state TEXT NOT NULL, explanation TEXT, since_ms BIGINT NOT NULL, checked_ms BIGINT NOT NULL,
                level {real})
            """,
            $"CREATE TABLE IF NOT EXISTS elevator_history (seq {serial}, id TEXT NOT NULL, state TEXT NOT NULL, at_ms BIGINT NOT NULL, explanation TEXT)",
            "CREATE INDEX IF NOT EXISTS elevator_history_by_id ON elevator_history (id, at_ms)",
            $"CREATE TABLE IF NOT EXISTS elevator_matches (id TEXT PRIMARY KEY, lat {real}, lon {real}, by_name TEXT NOT NULL, at_ms BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS elevator_poll_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_ms BIGINT NOT NULL)",
        })
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }
        if (_postgres)
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE elevator_states ADD COLUMN IF NOT EXISTS level {real}", cancellationToken);
        }
        else
        {
            // SQLite has no ADD COLUMN IF NOT EXISTS: its catalogue says whether a store from before levels lacks the column.
            await using var hasLevel = Command(connection, transaction, "SELECT COUNT(*) FROM pragma_table_info('elevator_states') WHERE name = 'level'");
            if (Convert.ToInt64(await hasLevel.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, transaction, $"ALTER TABLE elevator_states ADD COLUMN level {real}", cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the SQL is this file's constants; values go in parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static double? Number(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
