using Microsoft.Data.Sqlite;

namespace Routing.Barriers.Sqlite;

/// <summary>
/// The schema, as numbered migrations applied in order when a file is opened; <c>schema_version</c> holds one row
/// per applied migration. A migration runs in one transaction with its row, so a file is always at a whole version.
/// Never change a released migration: add the next one.
/// </summary>
internal static class SqliteMigrations
{
    public sealed record Migration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply);

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "reports, their history, api keys", V1),
        new(2, "pins, bounding boxes, versions for optimistic concurrency", V2),
        new(3, "the person behind a shared key; reports by reporter and time, for the report rate and the pending cap", V3),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>The version of the file's schema; 0 for an empty file.</summary>
    public static int CurrentVersion(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        using var max = connection.CreateCommand();
        max.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies every migration after the file's version up to <paramref name="target"/>; returns the versions applied.</summary>
    public static IReadOnlyList<int> MigrateTo(SqliteConnection connection, int target, DateTimeOffset now)
    {
        var applied = new List<int>();
        foreach (var migration in All.Where(m => m.Version <= target))
        {
            using var transaction = connection.BeginTransaction();
            if (migration.Version <= CurrentVersion(connection))
            {
                continue;
            }
            migration.Apply(connection, transaction);
            Execute(connection, transaction, "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t)",
                ("$v", migration.Version), ("$d", migration.Description), ("$t", now.ToUnixTimeMilliseconds()));
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    private static void V1(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        CREATE TABLE reports (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            kind               TEXT NOT NULL,
            geometry           TEXT NOT NULL,
            status             TEXT NOT NULL,
            description        TEXT,
            valid_from         INTEGER,
            valid_until        INTEGER,
            kerb_height_cm     INTEGER,
            remaining_width_cm INTEGER,
            incline_pct        REAL,
            reporter_key_id    TEXT NOT NULL,
            reporter_role      TEXT NOT NULL,
            created_at         INTEGER NOT NULL,
            updated_at         INTEGER NOT NULL
        );
        CREATE INDEX reports_by_status ON reports (status, valid_until);
        CREATE TABLE report_history (
            report_id      INTEGER NOT NULL REFERENCES reports (id),
            seq            INTEGER NOT NULL,
            at             INTEGER NOT NULL,
            actor_key_id   TEXT NOT NULL,
            actor_role     TEXT NOT NULL,
            action         TEXT NOT NULL,
            status         TEXT NOT NULL,
            changed_fields TEXT NOT NULL,
            PRIMARY KEY (report_id, seq)
        );
        CREATE TABLE api_keys (
            key_id     TEXT PRIMARY KEY,
            key_sha256 TEXT NOT NULL UNIQUE,
            role       TEXT NOT NULL,
            name       TEXT,
            source     TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        """);

    /// <summary>Adds what a report was pinned to, its bounding box (for bbox queries) and a version; fills the boxes of existing reports.</summary>
    private static void V2(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, """
            ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE reports ADD COLUMN pinned_way_ids TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE reports ADD COLUMN pinned_node_ids TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE reports ADD COLUMN pinned_lat REAL;
            ALTER TABLE reports ADD COLUMN pinned_lon REAL;
            ALTER TABLE reports ADD COLUMN pinned_distance_m REAL;
            ALTER TABLE reports ADD COLUMN min_lat REAL;
            ALTER TABLE reports ADD COLUMN min_lon REAL;
            ALTER TABLE reports ADD COLUMN max_lat REAL;
            ALTER TABLE reports ADD COLUMN max_lon REAL;
            """);
        var boxes = new List<(long Id, GeoBounds Box)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id, geometry FROM reports";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                boxes.Add((reader.GetInt64(0), GeoBounds.Of(BarrierGeoJson.Parse(reader.GetString(1)))));
            }
        }
        foreach (var (id, box) in boxes)
        {
            Execute(connection, transaction, "UPDATE reports SET min_lat = $a, min_lon = $b, max_lat = $c, max_lon = $d WHERE id = $id",
                ("$a", box.MinLat), ("$b", box.MinLon), ("$c", box.MaxLat), ("$d", box.MaxLon), ("$id", id));
        }
        Execute(connection, transaction, "CREATE INDEX reports_by_box ON reports (min_lon, max_lon, min_lat, max_lat)");
    }

    private static void V3(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        ALTER TABLE reports ADD COLUMN reporter_user_id TEXT;
        CREATE INDEX reports_by_reporter ON reports (reporter_key_id, reporter_user_id, created_at);
        """);

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }
}
