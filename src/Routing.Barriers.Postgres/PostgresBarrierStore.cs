using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Routing.Barriers.Operations;
using Routing.Engine;
using Routing.Engine.Barriers;

namespace Routing.Barriers.Postgres;

/// <summary>
/// The store for many replicas: one PostgreSQL database that every API process shares. Same contract as the
/// embedded store (history, optimistic versions, windows, keys as hashes only); each report write raises the change
/// counter and notifies <see cref="PostgresMigrations.Channel"/> in its own transaction, so the other replicas
/// rebuild their overlays (<see cref="PostgresChangeFeed"/>). Connections come from Npgsql's pool; a failure to
/// reach the database becomes <see cref="BarrierStoreUnavailableException"/> (nothing written, try again later).
/// </summary>
public sealed class PostgresBarrierStore : IBarrierStore, IApiKeyStore, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresBarrierStore(NpgsqlDataSource dataSource, string connectionString, string description, int schemaVersion, IReadOnlyList<int> applied)
    {
        _dataSource = dataSource;
        ConnectionString = connectionString;
        Description = description;
        SchemaVersion = schemaVersion;
        AppliedMigrations = applied;
    }

    /// <summary>host:port/database, without credentials: for log lines and messages.</summary>
    public string Description { get; }

    /// <summary>The connection string (with credentials): the change feed opens its own connection with it.</summary>
    internal string ConnectionString { get; }

    public int SchemaVersion { get; }

    /// <summary>The migrations this open applied (empty when the database was current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    public static int LatestSchemaVersion => PostgresMigrations.Latest;

    /// <summary>
    /// Connects with <paramref name="connectionString"/> (an Npgsql connection string) and migrates the database to
    /// the latest schema. A malformed string, an unreachable database or a newer schema is a
    /// <see cref="BarrierStoreException"/> whose message names the database and what to do.
    /// </summary>
    public static async Task<PostgresBarrierStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new BarrierStoreException($"Barriers:ConnectionString is not an Npgsql connection string ({ex.Message.TrimEnd('.')}); " +
                "write it like Host=db.example;Port=5432;Database=routing;Username=routing;Password=...", ex);
        }
        string description = Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var (found, applied) = await PostgresMigrations.MigrateAsync(connection, cancellationToken);
            if (found > PostgresMigrations.Latest)
            {
                throw new BarrierStoreException(
                    $"The barrier store {description} has schema version {found}, written by a newer version of the service; this one knows up to {PostgresMigrations.Latest}. " +
                    "Run the newer service, or point Barriers:ConnectionString at another database.");
            }
            var store = new PostgresBarrierStore(dataSource, builder.ConnectionString, description, Math.Max(found, PostgresMigrations.Latest), applied);
            dataSource = null;
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new BarrierStoreException(
                $"The barrier store {description} cannot be opened: {ex.Message.TrimEnd('.')}. Check Barriers:ConnectionString and that PostgreSQL is running and reachable.", ex);
        }
        finally
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    public void Dispose() => _dataSource.Dispose();

    public Task<BarrierReport> InsertAsync(BarrierReport report, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id = await InsertReportAsync(connection, transaction, report, keepId: false, cancellationToken);
        await NotifyChangeAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report with { Id = id };
    }, cancellationToken);

    /// <summary>
    /// Fills an empty database with <paramref name="reports"/> (their ids, versions and whole histories kept) and
    /// <paramref name="keys"/> (their hashes), all or nothing: for moving from the embedded store to this one. The
    /// tables are locked against replicas writing meanwhile; a database that holds any report or key is refused with
    /// a <see cref="BarrierStoreException"/> and left as it was.
    /// </summary>
    public Task ImportAsync(IReadOnlyList<BarrierReport> reports, IReadOnlyList<ApiKey> keys, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTables = new NpgsqlCommand("LOCK TABLE reports, report_history, api_keys IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTables.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM api_keys)", connection, transaction))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            long heldReports = reader.GetInt64(0), heldKeys = reader.GetInt64(1);
            if (heldReports + heldKeys > 0)
            {
                throw new BarrierStoreException(
                    $"The barrier store {Description} already holds {heldReports} reports and {heldKeys} API keys; nothing was copied. " +
                    "Copy into a new, empty database (createdb), or drop this one's tables if its contents are not needed.");
            }
        }
        foreach (var report in reports)
        {
            await InsertReportAsync(connection, transaction, report, keepId: true, cancellationToken);
        }
        foreach (var key in keys)
        {
            await InsertKeyAsync(connection, transaction, key, cancellationToken);
        }
        // The ids were given, not drawn: the next report the service stores must come after the last one copied.
        await using (var sequence = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('reports', 'id'), coalesce(max(id), 0) + 1, false) FROM reports", connection, transaction))
        {
            await sequence.ExecuteNonQueryAsync(cancellationToken);
        }
        await NotifyChangeAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }, cancellationToken);

    /// <summary>Stores a report and its history; with <paramref name="keepId"/> under the report's own id, else under a new one. Returns the id.</summary>
    private static async Task<long> InsertReportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BarrierReport report, bool keepId,
        CancellationToken cancellationToken)
    {
        var box = GeoBounds.Of(report.Geometry);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO reports ({(keepId ? "id, " : "")}kind, geometry, status, description, valid_from, valid_until, kerb_height_cm, remaining_width_cm,
                incline_pct, reporter_key_id, reporter_role, created_at, updated_at, version, pinned_way_ids, pinned_node_ids,
                pinned_lat, pinned_lon, pinned_distance_m, min_lat, min_lon, max_lat, max_lon, reporter_user_id)
            VALUES ({(keepId ? "@id, " : "")}@kind, @geometry, @status, @description, @from, @until, @kerb, @width, @incline, @reporter, @role, @created,
                @updated, @version, @ways, @nodes, @plat, @plon, @pdist, @minlat, @minlon, @maxlat, @maxlon, @user)
            RETURNING id
            """, connection, transaction);
        AddReportParameters(insert, report);
        if (keepId)
        {
            Add(insert, "id", report.Id);
        }
        Add(insert, "reporter", report.Reporter.KeyId);
        Add(insert, "role", BarrierNames.Name(report.Reporter.Role));
        Add(insert, "user", report.Reporter.EndUserId);
        Add(insert, "created", report.CreatedAt.ToUniversalTime());
        Add(insert, "minlat", box.MinLat);
        Add(insert, "minlon", box.MinLon);
        Add(insert, "maxlat", box.MaxLat);
        Add(insert, "maxlon", box.MaxLon);
        long id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        for (int i = 0; i < report.History.Count; i++)
        {
            await InsertHistoryAsync(connection, transaction, id, i + 1, report.History[i], cancellationToken);
        }
        return id;
    }

    public Task<BarrierReport?> GetAsync(long id, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        BarrierReport? report;
        await using (var select = new NpgsqlCommand(ReportRows.ReportByIdSql, connection))
        {
            Add(select, "id", id);
            report = (await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.Report, cancellationToken)).SingleOrDefault();
        }
        return report is null ? null : report with { History = await ReadHistoryAsync(connection, id, cancellationToken) };
    }, cancellationToken);

    public Task<IReadOnlyList<BarrierReport>> ListAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Select(ReportRows.ReportColumns, query, ReportRows.Report, cancellationToken);

    public Task<IReadOnlyList<ReportVersion>> ListVersionsAsync(BarrierQuery query, CancellationToken cancellationToken = default) =>
        Select(ReportRows.VersionColumns, query, ReportRows.Version, cancellationToken);

    public Task<int> CountAsync(BarrierQuery query, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var count = new NpgsqlCommand { Connection = connection };
        count.CommandText = ReportRows.CountSql(query, Dialect.Instance, (name, value) => Add(count, name, value));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }, cancellationToken);

    /// <summary>The columns of every report matching the query, by id, each row made into a <typeparamref name="T"/>.</summary>
    private Task<IReadOnlyList<T>> Select<T>(string columns, BarrierQuery query, Func<DbDataReader, IReportSqlDialect, T> row, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<T>>(async connection =>
        {
            await using var select = new NpgsqlCommand { Connection = connection };
            select.CommandText = ReportRows.SelectSql(columns, query, Dialect.Instance, (name, value) => Add(select, name, value));
            return await ReportRows.ReadAllAsync(select, Dialect.Instance, row, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// PostgreSQL keeps instants as timestamptz and lists as arrays, matches lists with one array parameter and compares
    /// nulls with IS NOT DISTINCT FROM.
    /// </summary>
    private sealed class Dialect : IReportSqlDialect
    {
        public static Dialect Instance { get; } = new();

        public string In(string column, string parameterPrefix, IReadOnlyList<object> values, Action<string, object?> addParameter)
        {
            // One typed array: ids are bigint, every other listed column is text.
            addParameter(parameterPrefix, column == "id" ? values.Cast<long>().ToArray() : values.Cast<string>().ToArray());
            return $"{column} = ANY(@{parameterPrefix})";
        }

        public object Instant(DateTimeOffset at) => at.ToUniversalTime();

        public string NullSafeEquals(string column, string parameter) => $"{column} IS NOT DISTINCT FROM {parameter}";

        public DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

        public long[] ReadIds(DbDataReader reader, int ordinal) => reader.GetFieldValue<long[]>(ordinal);

        public object Ids(IReadOnlyList<long> ids) => ids.ToArray();

        public string[] ReadNames(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);
    }

    public Task<bool> UpdateAsync(BarrierReport updated, int expectedVersion, HistoryEntry entry, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE reports SET kind = @kind, geometry = @geometry, status = @status, description = @description,
                valid_from = @from, valid_until = @until, kerb_height_cm = @kerb, remaining_width_cm = @width, incline_pct = @incline,
                updated_at = @updated, version = @version, pinned_way_ids = @ways, pinned_node_ids = @nodes,
                pinned_lat = @plat, pinned_lon = @plon, pinned_distance_m = @pdist
            WHERE id = @id AND version = @expected
            """, connection, transaction))
        {
            AddReportParameters(update, updated);
            Add(update, "id", updated.Id);
            Add(update, "expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        int seq;
        await using (var next = new NpgsqlCommand("SELECT coalesce(max(seq), 0) + 1 FROM report_history WHERE report_id = @id", connection, transaction))
        {
            Add(next, "id", updated.Id);
            seq = (int)(await next.ExecuteScalarAsync(cancellationToken))!;
        }
        await InsertHistoryAsync(connection, transaction, updated.Id, seq, entry, cancellationToken);
        await NotifyChangeAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }, cancellationToken);

    public Task<ApiKey?> FindKeyByHashAsync(string keySha256, CancellationToken cancellationToken = default) =>
        Run(async connection => (await ReadKeysAsync(connection, "WHERE key_sha256 = @v", keySha256, cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        Run(async connection => (await ReadKeysAsync(connection, "WHERE key_id = @v", keyId, cancellationToken)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<ApiKey>>(async connection => await ReadKeysAsync(connection, "ORDER BY created_at, key_id", null, cancellationToken), cancellationToken);

    public Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        Run(async connection => await InsertKeyAsync(connection, null, key, cancellationToken), cancellationToken);

    private static async Task<int> InsertKeyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, ApiKey key, CancellationToken cancellationToken)
    {
        // Replicas started together seed the same configured key at the same moment: the second insert finds the
        // first one's row and leaves it (it was a 23505 that stopped the replica, issue 24).
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO api_keys ({ReportRows.KeyColumns}) VALUES (@id, @hash, @role, @name, @source, @created, @revoked) ON CONFLICT (key_sha256) DO NOTHING",
            connection, transaction);
        Add(insert, "id", key.KeyId);
        Add(insert, "hash", key.KeySha256);
        Add(insert, "role", BarrierNames.Name(key.Role));
        Add(insert, "name", key.Name);
        Add(insert, "source", BarrierNames.Name(key.Source));
        Add(insert, "created", key.CreatedAt.ToUniversalTime());
        Add(insert, "revoked", key.RevokedAt?.ToUniversalTime());
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task UpdateKeyAsync(ApiKey key, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var update = new NpgsqlCommand("UPDATE api_keys SET role = @role, name = @name WHERE key_id = @id", connection);
        Add(update, "id", key.KeyId);
        Add(update, "role", BarrierNames.Name(key.Role));
        Add(update, "name", key.Name);
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default) => Run(async connection =>
    {
        await using var update = new NpgsqlCommand("UPDATE api_keys SET revoked_at = @at WHERE key_id = @id AND revoked_at IS NULL", connection);
        Add(update, "id", keyId);
        Add(update, "at", at.ToUniversalTime());
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    /// <summary>The change counter: raised by every report write (the change feed compares it).</summary>
    internal static async Task<long> ReadChangeCounterAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("SELECT counter FROM report_changes", connection);
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> means the database could not be reached or went away (rather than a
    /// statement it refused): the connection classes 08, shutdown and start-up (57P01-57P03), too many connections,
    /// and Npgsql's own network and timeout failures.
    /// </summary>
    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        NpgsqlException or SocketException or TimeoutException => true,
        _ => false,
    };

    internal static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";

    private async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await operation(connection);
        }
        catch (Exception ex) when (IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Pooled connections to a database that went away are dead too: drop them, so that the first operation
            // after it returns opens a fresh one instead of failing on a stale one.
            _dataSource.Clear();
            throw new BarrierStoreUnavailableException($"The barrier store {Description} cannot be reached: {ex.Message.TrimEnd('.')}.", ex);
        }
    }

    private static async Task NotifyChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // pg_notify is delivered at commit, and only if the transaction commits: replicas never see a change that did not happen.
        await using var notify = new NpgsqlCommand($"""
            WITH raised AS (UPDATE report_changes SET counter = counter + 1 RETURNING counter)
            SELECT pg_notify('{PostgresMigrations.Channel}', counter::text) FROM raised
            """, connection, transaction);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddReportParameters(NpgsqlCommand command, BarrierReport report) =>
        ReportRows.AddReportParameters(report, Dialect.Instance, (name, value) => Add(command, name, value));

    private static async Task<List<HistoryEntry>> ReadHistoryAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(ReportRows.HistorySql, connection);
        Add(select, "id", id);
        return await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.History, cancellationToken);
    }

    private static async Task InsertHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long reportId, int seq, HistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO report_history (report_id, seq, at, actor_key_id, actor_role, action, status, changed_fields)
            VALUES (@report, @seq, @at, @actor, @role, @action, @status, @fields)
            """, connection, transaction);
        Add(insert, "report", reportId);
        Add(insert, "seq", seq);
        Add(insert, "at", entry.At.ToUniversalTime());
        Add(insert, "actor", entry.By.KeyId);
        Add(insert, "role", BarrierNames.Name(entry.By.Role));
        Add(insert, "action", BarrierNames.Name(entry.Action));
        Add(insert, "status", BarrierNames.Name(entry.Status));
        Add(insert, "fields", entry.ChangedFields.ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ApiKey>> ReadKeysAsync(NpgsqlConnection connection, string clause, string? value, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(ReportRows.KeysSql(clause), connection);
        if (value is not null)
        {
            Add(select, "v", value);
        }
        return await ReportRows.ReadAllAsync(select, Dialect.Instance, ReportRows.Key, cancellationToken);
    }

    private static void Add(NpgsqlCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
