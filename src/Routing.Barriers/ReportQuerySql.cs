using System.Data.Common;

namespace Routing.Barriers;

/// <summary>
/// What differs between the SQL of the two stores: how a list of values is matched, how an instant is stored and read
/// back, how two possibly null values are compared, and how a list column (ids, names) is read.
/// </summary>
public interface IReportSqlDialect
{
    /// <summary><c>column</c> is one of <paramref name="values"/>; adds the parameters it needs.</summary>
    string In(string column, string parameterPrefix, IReadOnlyList<object> values, Action<string, object?> addParameter);

    /// <summary>An instant as the store keeps it.</summary>
    object Instant(DateTimeOffset at);

    /// <summary>Equal, a null equal to a null.</summary>
    string NullSafeEquals(string column, string parameter);

    /// <summary>The instant in the column, or null for NULL.</summary>
    DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>A list of ids (the OSM ways and nodes a report is pinned to).</summary>
    long[] ReadIds(DbDataReader reader, int ordinal);

    /// <summary>A list of ids as the store keeps it.</summary>
    object Ids(IReadOnlyList<long> ids);

    /// <summary>A list of names (the fields an edit changed).</summary>
    string[] ReadNames(DbDataReader reader, int ordinal);
}

/// <summary>
/// The one WHERE clause of a <see cref="BarrierQuery"/>, shared by every store so that a filter means the same in each:
/// visibility, status, kind, box, reporter and time are decided in the database, never by reading every report.
/// Parameters are named <c>@name</c>, which both SQLite and PostgreSQL read.
/// </summary>
public static class ReportQuerySql
{
    /// <summary>The clause, <c>WHERE …</c> (empty when the query filters nothing).</summary>
    public static string Where(BarrierQuery query, IReportSqlDialect dialect, Action<string, object?> addParameter)
    {
        var where = new List<string>();
        if (query.Ids is { } ids)
        {
            where.Add(dialect.In("id", "ids", [.. ids.Select(id => (object)id)], addParameter));
        }
        if (query.Statuses is { } statuses)
        {
            where.Add(dialect.In("status", "statuses", [.. statuses.Select(s => (object)BarrierNames.Name(s))], addParameter));
        }
        if (query.Kinds is { } kinds)
        {
            where.Add(dialect.In("kind", "kinds", [.. kinds.Select(k => (object)BarrierNames.Name(k))], addParameter));
        }
        if (query.Bounds is { } box)
        {
            where.Add("max_lat >= @minlat AND min_lat <= @maxlat AND max_lon >= @minlon AND min_lon <= @maxlon");
            addParameter("minlat", box.MinLat);
            addParameter("minlon", box.MinLon);
            addParameter("maxlat", box.MaxLat);
            addParameter("maxlon", box.MaxLon);
        }
        if (query.NotEndedAt is { } at)
        {
            where.Add("(valid_until IS NULL OR valid_until > @notendedat)");
            addParameter("notendedat", dialect.Instant(at));
        }
        if (query.ReportedBy is { } reporter)
        {
            where.Add($"reporter_key_id = @reporterkey AND {dialect.NullSafeEquals("reporter_user_id", "@reporteruser")}");
            addParameter("reporterkey", reporter.KeyId);
            addParameter("reporteruser", reporter.EndUserId);
        }
        if (query.CreatedSince is { } since)
        {
            where.Add("created_at >= @createdsince");
            addParameter("createdsince", dialect.Instant(since));
        }
        if (query.VisibleTo is { } visibility)
        {
            // BarrierPermissions.CanSee, for a reader who does not see everything: reports that count now, and their own.
            string counts = $"(status = '{BarrierNames.Name(BarrierStatus.Verified)}' AND (valid_from IS NULL OR valid_from <= @visibleat)"
                + " AND (valid_until IS NULL OR valid_until > @visibleat))";
            addParameter("visibleat", dialect.Instant(visibility.At));
            if (visibility.Reader is { } own)
            {
                counts = $"({counts} OR (reporter_key_id = @readerkey AND {dialect.NullSafeEquals("reporter_user_id", "@readeruser")}))";
                addParameter("readerkey", own.KeyId);
                addParameter("readeruser", own.EndUserId);
            }
            where.Add(counts);
        }
        if (query.AfterId is { } after)
        {
            where.Add("id > @afterid");
            addParameter("afterid", after);
        }
        return where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
    }

    /// <summary>The clause, its order and its page: <c>WHERE … ORDER BY id [LIMIT n]</c>.</summary>
    public static string WhereOrderPage(BarrierQuery query, IReportSqlDialect dialect, Action<string, object?> addParameter)
    {
        string sql = Where(query, dialect, addParameter) + " ORDER BY id";
        if (query.Limit is { } limit)
        {
            sql += " LIMIT @limit";
            addParameter("limit", limit);
        }
        return sql;
    }
}
