using System.Globalization;
using System.Text.Json;
using Routing.Engine.Profiles;

namespace Routing.Api.Routes;

/// <summary>Turns the text of a <c>GET /v1/routes</c> query into the same <see cref="RouteRequestBody"/> a POST carries.</summary>
internal static class RouteQueryParser
{
    private const string PointFormat = "must be LAT,LON in degrees, e.g. 49.4094,8.6934";

    public static RouteRequestBody Parse(RouteQuery query, IEnumerable<string> parameterNames, FieldErrors errors)
    {
        foreach (string name in parameterNames)
        {
            if (!RouteQuery.Names.Contains(name))
            {
                errors.Add(name, "is not a known parameter");
            }
        }

        bool hasConstraints = query.MaxInclineUpPct is not null || query.MaxInclineDownPct is not null || query.MaxKerbCm is not null
            || query.MinWidthCm is not null || query.AvoidSurfaces is not null || query.MinSmoothness is not null
            || query.Steps is not null || query.Unknown is not null || query.DerivedIncline is not null || query.SpeedMps is not null
            || query.MaxClimbM is not null;

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
            Constraints = hasConstraints
                ? new ConstraintsDto
                {
                    MaxInclineUpPct = Number(query.MaxInclineUpPct, "max_incline_up_pct", errors),
                    MaxInclineDownPct = Number(query.MaxInclineDownPct, "max_incline_down_pct", errors),
                    MaxKerbCm = Integer(query.MaxKerbCm, "max_kerb_cm", errors),
                    MinWidthCm = Integer(query.MinWidthCm, "min_width_cm", errors),
                    AvoidSurfaces = query.AvoidSurfaces is { } surfaces
                        ? surfaces.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        : null,
                    MinSmoothness = query.MinSmoothness,
                    Steps = EnumValue<StepsPolicy>(query.Steps, "steps", errors),
                    Unknown = EnumValue<UnknownPolicy>(query.Unknown, "unknown", errors),
                    DerivedIncline = EnumValue<DerivedInclinePolicy>(query.DerivedIncline, "derived_incline", errors),
                    SpeedMps = Number(query.SpeedMps, "speed_mps", errors),
                    MaxClimbM = Number(query.MaxClimbM, "max_climb_m", errors),
                }
                : null,
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
            errors.Add(field, PointFormat);
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
            errors.Add(field, $"must be a number, was '{text}'");
            return null;
        }
        return value;
    }

    private static int? Integer(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            errors.Add(field, $"must be a whole number, was '{text}'");
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
            errors.Add(field, $"must be true or false, was '{text}'");
            return null;
        }
        return value;
    }

    private static TEnum? EnumValue<TEnum>(string? text, string field, FieldErrors errors) where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        errors.Add(field, $"'{text}' is not supported; use one of {string.Join(", ", EnumNames<TEnum>())}");
        return null;
    }

    public static IEnumerable<string> EnumNames<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    /// <summary>Invariant decimal numbers only: no thousands separators, no "NaN" or "Infinity" (rejected later as out of range anyway).</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
