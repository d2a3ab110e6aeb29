using System.Globalization;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>Turns the text of a <c>GET /v1/routes</c> query into the same <see cref="RouteRequestBody"/> a POST carries.</summary>
internal static class RouteQueryParser
{
    public static RouteRequestBody Parse(RouteQuery query, IQueryCollection parameters, FieldErrors errors)
    {
        foreach (string name in parameters.Keys)
        {
            if (!RouteQuery.Names.Contains(name) && !ConstraintTable.TryGet(name, out _))
            {
                errors.AddMessage(name, "not_known_parameter");
            }
        }

        return new RouteRequestBody
        {
            From = Point(query.From, "from", errors),
            To = Point(query.To, "to", errors),
            Via = ViaPoints(query.Via, errors),
            Profile = query.Profile,
            Language = query.Language,
            Format = query.Format,
            Geometry = query.Geometry,
            Instructions = Boolean(query.Instructions, "instructions", errors),
            Elevation = Boolean(query.Elevation, "elevation", errors),
            Segments = Boolean(query.Segments, "segments", errors),
            SnapRadiusM = Number(query.SnapRadiusM, "snap_radius_m", errors),
            Constraints = ConstraintParameters.AnyIn(parameters) ? ConstraintParameters.Read(parameters, errors) : null,
        };
    }

    private static PointDto? Point(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryNumber(parts[0], out double lat) || !TryNumber(parts[1], out double lon))
        {
            errors.AddMessage(field, "point_format");
            // Reported here; an empty point keeps the validator from also calling it missing.
            return new PointDto { Lat = 0, Lon = 0 };
        }
        return new PointDto { Lat = lat, Lon = lon };
    }

    private static List<PointDto?>? ViaPoints(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        string[] points = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var via = new List<PointDto?>(points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            via.Add(Point(points[i], $"via[{i}]", errors));
        }
        return via;
    }

    private static double? Number(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (!TryNumber(text, out double value))
        {
            errors.AddMessage(field, "must_be_number_was", text);
            return null;
        }
        return value;
    }

    private static bool? Boolean(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (!bool.TryParse(text.Trim(), out bool value))
        {
            errors.AddMessage(field, "must_be_boolean_was", text);
            return null;
        }
        return value;
    }

    /// <summary>Invariant decimal numbers only: no thousands separators, no "NaN" or "Infinity" (rejected later as out of range anyway).</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
