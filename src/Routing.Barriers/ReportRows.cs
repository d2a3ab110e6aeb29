using System.Data.Common;
using Routing.Engine;
using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>
/// The one shape of every store's reads: the columns selected, the one loop over the rows, and each row made into a
/// report, a version, a history entry or a key. A store only says, through its <see cref="IReportSqlDialect"/>, how it
/// keeps instants and lists.
/// </summary>
public static class ReportRows
{
    public const string ReportColumns =
        "id, kind, geometry, status, description, valid_from, valid_until, kerb_height_cm, remaining_width_cm, incline_pct, " +
        "reporter_key_id, reporter_role, created_at, updated_at, version, pinned_way_ids, pinned_node_ids, pinned_lat, pinned_lon, pinned_distance_m, reporter_user_id";

    public const string VersionColumns = "id, version";

    public const string KeyColumns = "key_id, key_sha256, role, name, source, created_at, revoked_at";

    /// <summary>A report's history, oldest first (parameter <c>@id</c>: the report).</summary>
    public const string HistorySql = "SELECT at, actor_key_id, actor_role, action, status, changed_fields FROM report_history WHERE report_id = @id ORDER BY seq";

    /// <summary>One report by id (parameter <c>@id</c>), without its history.</summary>
    public const string ReportByIdSql = $"SELECT {ReportColumns} FROM reports WHERE id = @id";

    /// <summary>The <paramref name="columns"/> of every report the query matches, by id, one page.</summary>
    public static string SelectSql(string columns, BarrierQuery query, IReportSqlDialect dialect, Action<string, object?> addParameter) =>
        $"SELECT {columns} FROM reports" + ReportQuerySql.WhereOrderPage(query, dialect, addParameter);

    /// <summary>How many reports the query matches, whatever page it asks for.</summary>
    public static string CountSql(BarrierQuery query, IReportSqlDialect dialect, Action<string, object?> addParameter) =>
        "SELECT count(*) FROM reports" + ReportQuerySql.Where(query with { AfterId = null }, dialect, addParameter);

    /// <summary>Keys, filtered or ordered by <paramref name="clause"/> (parameter <c>@v</c>, when it has one).</summary>
    public static string KeysSql(string clause) => $"SELECT {KeyColumns} FROM api_keys {clause}";

    /// <summary>Runs <paramref name="command"/> and makes every row into a <typeparamref name="T"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(DbCommand command, IReportSqlDialect dialect, Func<DbDataReader, IReportSqlDialect, T> row,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader, dialect));
        }
        return rows;
    }

    /// <summary>
    /// The parameters a report's INSERT and UPDATE write (named without a prefix: kind, geometry, status ...), each value
    /// as the store keeps it; the columns they fill are the stores' own statements.
    /// </summary>
    public static void AddReportParameters(BarrierReport report, IReportSqlDialect dialect, Action<string, object?> addParameter)
    {
        addParameter("kind", BarrierNames.Name(report.Kind));
        addParameter("geometry", BarrierGeoJson.ToJson(report.Geometry));
        addParameter("status", BarrierNames.Name(report.Status));
        addParameter("description", report.Description);
        addParameter("from", report.Window.From is { } from ? dialect.Instant(from) : null);
        addParameter("until", report.Window.Until is { } until ? dialect.Instant(until) : null);
        addParameter("kerb", report.Facts.KerbHeightCm);
        addParameter("width", report.Facts.RemainingWidthCm);
        addParameter("incline", report.Facts.InclinePct);
        addParameter("updated", dialect.Instant(report.UpdatedAt));
        addParameter("version", report.Version);
        addParameter("ways", dialect.Ids(report.Pin.OsmWayIds));
        addParameter("nodes", dialect.Ids(report.Pin.OsmNodeIds));
        addParameter("plat", report.Pin.PinnedPoint?.Lat);
        addParameter("plon", report.Pin.PinnedPoint?.Lon);
        addParameter("pdist", report.Pin.DistanceM);
    }

    /// <summary>A row of <see cref="ReportColumns"/>; its history is read apart.</summary>
    public static BarrierReport Report(DbDataReader r, IReportSqlDialect dialect)
    {
        GeoPoint? pinnedPoint = r.IsDBNull(17) || r.IsDBNull(18) ? null : new GeoPoint(r.GetDouble(17), r.GetDouble(18));
        var pin = new BarrierPin(dialect.ReadIds(r, 15), dialect.ReadIds(r, 16), pinnedPoint, r.IsDBNull(19) ? null : r.GetDouble(19));
        return new BarrierReport(
            Id: r.GetInt64(0),
            Kind: BarrierNames.Parse<ReportedBarrierKind>(r.GetString(1)),
            Geometry: BarrierGeoJson.Parse(r.GetString(2)),
            Pin: pin,
            Window: new ValidityWindow(dialect.ReadInstant(r, 5), dialect.ReadInstant(r, 6)),
            Description: r.IsDBNull(4) ? null : r.GetString(4),
            Facts: new MeasuredFacts(r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetDouble(9)),
            Status: BarrierNames.Parse<BarrierStatus>(r.GetString(3)),
            Reporter: new Actor(r.GetString(10), BarrierNames.Parse<ApiKeyRole>(r.GetString(11)), r.IsDBNull(20) ? null : r.GetString(20)),
            CreatedAt: dialect.ReadInstant(r, 12)!.Value,
            UpdatedAt: dialect.ReadInstant(r, 13)!.Value,
            Version: r.GetInt32(14),
            History: []);
    }

    /// <summary>A row of <see cref="VersionColumns"/>.</summary>
    public static ReportVersion Version(DbDataReader r, IReportSqlDialect _) => new(r.GetInt64(0), r.GetInt32(1));

    /// <summary>A row of <see cref="HistorySql"/>.</summary>
    public static HistoryEntry History(DbDataReader r, IReportSqlDialect dialect) => new(
        dialect.ReadInstant(r, 0)!.Value,
        new Actor(r.GetString(1), BarrierNames.Parse<ApiKeyRole>(r.GetString(2))),
        BarrierNames.Parse<BarrierAction>(r.GetString(3)),
        BarrierNames.Parse<BarrierStatus>(r.GetString(4)),
        dialect.ReadNames(r, 5));

    /// <summary>A row of <see cref="KeyColumns"/>.</summary>
    public static ApiKey Key(DbDataReader r, IReportSqlDialect dialect) => new(
        r.GetString(0), r.GetString(1), BarrierNames.Parse<ApiKeyRole>(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3),
        BarrierNames.Parse<ApiKeySource>(r.GetString(4)), dialect.ReadInstant(r, 5)!.Value, dialect.ReadInstant(r, 6));
}
