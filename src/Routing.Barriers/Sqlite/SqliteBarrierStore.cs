using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Routing.Engine;
using Routing.Engine.Barriers;

namespace Routing.Barriers.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, created on first open, in WAL mode with <c>synchronous=FULL</c>, so a write
/// is on disk when its transaction commits and survives a killed process (and a power cut). The schema migrates
/// itself on open (<see cref="SqliteMigrations"/>). One connection, one operation at a time: SQLite has one writer
/// anyway, and every operation here takes well under a millisecond.
/// </summary>
public sealed class SqliteBarrierStore : IBarrierStore, IApiKeyStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    private SqliteBarrierStore(string path, SqliteConnection connection, int schemaVersion, IReadOnlyList<int> applied)
    {
        Path = path;
        _connection = connection;
        SchemaVersion = schemaVersion;
        AppliedMigrations = applied;
    }

    public string Path { get; }

    /// <summary>The schema version of the file after opening.</summary>
    public int SchemaVersion { get; }

    /// <summary>The migrations this open applied (empty when the file was current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.Latest;

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and migrates it to the latest schema.</summary>
    public static SqliteBarrierStore Open(string path) => Open(path, SqliteMigrations.Latest);

    /// <summary>Opens and migrates up to <paramref name="schemaVersion"/> only (tests make old files with it).</summary>
    internal static SqliteBarrierStore Open(string path, int schemaVersion)
    {
        string full = System.IO.Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            string? directory = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            connection.Open();
            string journal = Scalar(connection, "PRAGMA journal_mode = WAL")?.ToString() ?? "";
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new BarrierStoreException($"The barrier store {full} cannot use write-ahead logging (journal mode is {journal}); put it on a local file system.");
            }
            SqliteMigrations.Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;");
            int found = SqliteMigrations.CurrentVersion(connection);
            if (found > SqliteMigrations.Latest)
            {
                throw new BarrierStoreException(
                    $"The barrier store {full} has schema version {found}, written by a newer version of the service; this one knows up to {SqliteMigrations.Latest}. " +
                    "Run the newer service, or point Barriers:Database at another file.");
            }
            var applied = SqliteMigrations.MigrateTo(connection, schemaVersion, DateTimeOffset.UtcNow);
            var store = new SqliteBarrierStore(full, connection, SqliteMigrations.CurrentVersion(connection), applied);
            connection = null;
            return store;
        }
        catch (SqliteException ex)
        {
            throw new BarrierStoreException(
                $"The barrier store {full} cannot be opened: {ex.Message.TrimEnd('.')}. If it is not a barrier store, point Barriers:Database at another file.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BarrierStoreException($"The barrier store {full} cannot be created: {ex.Message.TrimEnd('.')}. Check the path and its permissions.", ex);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>Closes the file (waiting for an operation in progress). Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _gate.Wait();
        try
        {
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The value of a pragma on the store's connection (tests check the durability settings with it).</summary>
    internal string? Pragma(string name)
    {
        if (!name.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            throw new ArgumentException("not a pragma name", nameof(name));
        }
        _gate.Wait();
        try
        {
            return Scalar(_connection, "PRAGMA " + name)?.ToString()?.ToLowerInvariant();
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<BarrierReport> InsertAsync(BarrierReport report, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var box = GeoBounds.Of(report.Geometry);
        long id;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO reports (kind, geometry, status, description, valid_from, valid_until, kerb_height_cm, remaining_width_cm,
                    incline_pct, reporter_key_id, reporter_role, created_at, updated_at, version, pinned_way_ids, pinned_node_ids,
                    pinned_lat, pinned_lon, pinned_distance_m, min_lat, min_lon, max_lat, max_lon, reporter_user_id)
                VALUES ($kind, $geometry, $status, $description, $from, $until, $kerb, $width, $incline, $reporter, $role, $created,
                    $updated, $version, $ways, $nodes, $plat, $plon, $pdist, $minlat, $minlon, $maxlat, $maxlon, $user)
                RETURNING id
                """;
            AddReportParameters(insert, report);
            Add(insert, "$reporter", report.Reporter.KeyId);
            Add(insert, "$role", BarrierNames.Name(report.Reporter.Role));
            Add(insert, "$user", report.Reporter.EndUserId);
            Add(insert, "$created", report.CreatedAt.ToUnixTimeMilliseconds());
            Add(insert, "$minlat", box.MinLat);
            Add(insert, "$minlon", box.MinLon);
            Add(insert, "$maxlat", box.MaxLat);
            Add(insert, "$maxlon", box.MaxLon);
            id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        for (int i = 0; i < report.History.Count; i++)
        {
            InsertHistory(connection, transaction, id, i + 1, report.History[i]);
        }
        transaction.Commit();
        return report with { Id = id };
    }, cancellationToken);

    public Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default) => RunAsync(async connection =>
    {
        using var select = connection.CreateCommand();
        select.CommandText = ReportRows.ReportByIdSql;
        Add(select, "@id", id);
        var report = (await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.Report, cancellationToken)).SingleOrDefault();
        return report is null ? null : report with { History = await ReadHistoryAsync(connection, id, cancellationToken) };
    }, cancellationToken);

    public Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Select(ReportRows.ReportColumns, query, ReportRows.Report, cancellationToken);

    public Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Select(ReportRows.VersionColumns, query, ReportRows.Version, cancellationToken);

    public Task<int> CountAsync(BarrierQuery query, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var count = connection.CreateCommand();
        count.CommandText = ReportRows.CountSql(query, Dialect.Instance, (name, value) => Add(count, "@" + name, value));
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }, cancellationToken);

    /// <summary>The columns of every report matching the query, by id, each row made into a <typeparamref name="T"/>.</summary>
    private Task<IReadOnlyList<T>> Select<T>(string columns, BarrierQuery query, Func<DbDataReader, IReportSqlDialect, T> row, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(async connection =>
        {
            using var select = connection.CreateCommand();
            select.CommandText = ReportRows.SelectSql(columns, query, Dialect.Instance, (name, value) => Add(select, "@" + name, value));
            return await ReportRows.ReadAllAsync(select, Dialect.Instance, row, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// SQLite keeps instants as Unix milliseconds and lists as JSON arrays, matches lists with IN and compares nulls
    /// with IS.
    /// </summary>
    private sealed class Dialect : IReportSqlDialect
    {
        public static Dialect Instance { get; } = new();

        public string In(string column, string parameterPrefix, IReadOnlyList<object> values, Action<string, object?> addParameter)
        {
            var names = new List<string>();
            foreach (object value in values)
            {
                string name = parameterPrefix + names.Count.ToString(CultureInfo.InvariantCulture);
                addParameter(name, value);
                names.Add("@" + name);
            }
            return names.Count == 0 ? "0" : $"{column} IN ({string.Join(", ", names)})";
        }

        public object Instant(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

        public string NullSafeEquals(string column, string parameter) => $"{column} IS {parameter}";

        public DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

        public long[] ReadIds(DbDataReader reader, int ordinal) => JsonSerializer.Deserialize<long[]>(reader.GetString(ordinal)) ?? [];

        public object Ids(IReadOnlyList<long> ids) => JsonSerializer.Serialize(ids);

        public string[] ReadNames(DbDataReader reader, int ordinal) => JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];
    }

    public Task<bool> UpdateAsync(BarrierReport updated, int expectedVersion, HistoryEntry entry, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE reports SET kind = $kind, geometry = $geometry, status = $status, description = $description,
                    valid_from = $from, valid_until = $until, kerb_height_cm = $kerb, remaining_width_cm = $width, incline_pct = $incline,
                    updated_at = $updated, version = $version, pinned_way_ids = $ways, pinned_node_ids = $nodes,
                    pinned_lat = $plat, pinned_lon = $plon, pinned_distance_m = $pdist
                WHERE id = $id AND version = $expected
                """;
            AddReportParameters(update, updated);
            Add(update, "$id", updated.Id);
            Add(update, "$expected", expectedVersion);
            if (update.ExecuteNonQuery() != 1)
            {
                transaction.Rollback();
                return false;
            }
        }
        using (var seq = connection.CreateCommand())
        {
            seq.Transaction = transaction;
            seq.CommandText = "SELECT coalesce(max(seq), 0) + 1 FROM report_history WHERE report_id = $id";
            Add(seq, "$id", updated.Id);
            InsertHistory(connection, transaction, updated.Id, Convert.ToInt32(seq.ExecuteScalar(), CultureInfo.InvariantCulture), entry);
        }
        transaction.Commit();
        return true;
    }, cancellationToken);

    public Task<ApiKey?> FindKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => (await ReadKeysAsync(connection, "WHERE key_sha256 = @v", keySha256, cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => (await ReadKeysAsync(connection, "WHERE key_id = @v", keyId, cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<ApiKey>>(async connection => await ReadKeysAsync(connection, "ORDER BY created_at, key_id", null, cancellationToken), cancellationToken);

    public Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        SqliteMigrations.Execute(connection, transaction,
            $"INSERT INTO api_keys ({ReportRows.KeyColumns}) VALUES ($id, $hash, $role, $name, $source, $created, $revoked) ON CONFLICT (key_sha256) DO NOTHING",
            ("$id", key.KeyId), ("$hash", key.KeySha256), ("$role", BarrierNames.Name(key.Role)), ("$name", key.Name),
            ("$source", BarrierNames.Name(key.Source)), ("$created", key.CreatedAt.ToUnixTimeMilliseconds()), ("$revoked", key.RevokedAt?.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return true;
    }, cancellationToken);

    public Task UpdateKeyAsync(ApiKey key, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        SqliteMigrations.Execute(connection, transaction, "UPDATE api_keys SET role = $role, name = $name WHERE key_id = $id",
            ("$id", key.KeyId), ("$role", BarrierNames.Name(key.Role)), ("$name", key.Name));
        transaction.Commit();
        return true;
    }, cancellationToken);

    public Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE key_id = $id AND revoked_at IS NULL";
        Add(update, "$id", keyId);
        Add(update, "$at", at.ToUnixTimeMilliseconds());
        bool revoked = update.ExecuteNonQuery() == 1;
        transaction.Commit();
        return revoked;
    }, cancellationToken);

    private Task<T> Run<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken) =>
        RunAsync(connection => Task.FromResult(operation(connection)), cancellationToken);

    /// <summary>One operation at a time on the one connection (SQLite's reads complete synchronously inside).</summary>
    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            return await operation(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void AddReportParameters(SqliteCommand command, BarrierReport report) =>
        ReportRows.AddReportParameters(report, Dialect.Instance, (name, value) => Add(command, "$" + name, value));

    private static async Task<List<HistoryEntry>> ReadHistoryAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.CommandText = ReportRows.HistorySql;
        Add(select, "@id", id);
        return await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.History, cancellationToken);
    }

    private static void InsertHistory(SqliteConnection connection, SqliteTransaction transaction, long reportId, int seq, HistoryEntry entry) =>
        SqliteMigrations.Execute(connection, transaction, """
            INSERT INTO report_history (report_id, seq, at, actor_key_id, actor_role, action, status, changed_fields)
            VALUES ($report, $seq, $at, $actor, $role, $action, $status, $fields)
            """,
            ("$report", reportId), ("$seq", seq), ("$at", entry.At.ToUnixTimeMilliseconds()), ("$actor", entry.By.KeyId),
            ("$role", BarrierNames.Name(entry.By.Role)), ("$action", BarrierNames.Name(entry.Action)), ("$status", BarrierNames.Name(entry.Status)),
            ("$fields", JsonSerializer.Serialize(entry.ChangedFields)));

    private static async Task<List<ApiKey>> ReadKeysAsync(SqliteConnection connection, string clause, string? value, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.CommandText = ReportRows.KeysSql(clause);
        if (value is not null)
        {
            Add(select, "@v", value);
        }
        return await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.Key, cancellationToken);
    }

    private static void Add(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
