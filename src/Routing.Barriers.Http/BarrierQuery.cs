using System.Globalization;
using Routing.Barriers;
using Routing.Engine.Barriers;

namespace Routing.Barriers.Http;

/// <summary>The query of <c>GET /v1/barriers</c> and <c>GET /v1/barriers.geojson</c>.</summary>
internal sealed class BarrierListQuery
{
    public static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "bbox", "status", "kind", "limit", "after" };

    /// <summary>The most reports one page holds (and the default page size).</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only reports whose geometry's box meets this one: <c>min_lon,min_lat,max_lon,max_lat</c>.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bbox")]
    public string? Bbox { get; init; }

    /// <summary>Comma-separated statuses: reported, verified, resolved, rejected (anonymous callers see only active reports in any case).</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Comma-separated kinds: elevator_out_of_service, construction, missing_kerb_ramp, ...</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>Reports per page, 1 to <see cref="MaxLimit"/> (the default).</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>Only reports with a greater id: the <c>next_after</c> of the previous page.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "after")]
    public string? After { get; init; }

    public BarrierQuery? Parse(IEnumerable<string> parameterNames, FieldErrors errors)
    {
        foreach (string name in parameterNames)
        {
            if (!Names.Contains(name))
            {
                errors.AddMessage(name, "not_known_parameter_of", "bbox, status, kind, limit, after");
            }
        }
        var statuses = List<BarrierStatus>(Status, "status", BarrierNames.Statuses, errors);
        var kinds = List<ReportedBarrierKind>(Kind, "kind", BarrierNames.Kinds, errors);
        GeoBounds? bounds = null;
        if (Bbox is not null)
        {
            string[] parts = Bbox.Split(',', StringSplitOptions.TrimEntries);
            double[] values = new double[parts.Length];
            bool numbers = parts.Length == 4 && parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok);
            if (!numbers)
            {
                errors.AddMessage("bbox", "bbox_format");
            }
            else if (values[0] is < -180 or > 180 || values[2] is < -180 or > 180 || values[1] is < -90 or > 90 || values[3] is < -90 or > 90)
            {
                errors.AddMessage("bbox", "bbox_range");
            }
            else if (values[0] > values[2] || values[1] > values[3])
            {
                errors.AddMessage("bbox", "bbox_order");
            }
            else
            {
                bounds = new GeoBounds(values[1], values[0], values[3], values[2]);
            }
        }
        int limit = MaxLimit;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.AddMessage("limit", "whole_number_from_to", 1, MaxLimit);
        }
        long? after = null;
        if (After is not null)
        {
            if (long.TryParse(After, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            {
                after = id;
            }
            else
            {
                errors.AddMessage("after", "report_id", "next_after");
            }
        }
        return errors.Any ? null : new BarrierQuery(statuses, kinds, bounds, AfterId: after, Limit: limit);
    }

    private static List<T>? List<T>(string? text, string field, IReadOnlyList<string> known, FieldErrors errors) where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }
        var values = new List<T>();
        foreach (string name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (BarrierNames.TryParse<T>(name, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.AddMessage(field, "not_one_of", name, string.Join(", ", known));
            }
        }
        if (values.Count == 0 && !errors.Any)
        {
            errors.AddMessage(field, "at_least_one_of", string.Join(", ", known));
        }
        return values;
    }
}
