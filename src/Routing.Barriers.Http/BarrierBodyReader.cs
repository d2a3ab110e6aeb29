using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Routing.Barriers;
using Routing.Engine.Barriers;
using Routing.Graph;

namespace Routing.Barriers.Http;

/// <summary>
/// Reads the JSON bodies of the barrier endpoints field by field, so that every wrong field gets a message of its own
/// (the serializer's messages name .NET types). Unknown fields are refused: a misspelt field is never ignored.
/// </summary>
internal static partial class BarrierBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly string[] CreateFields =
        ["kind", "location", "description", "valid_from", "valid_until", "kerb_height_cm", "remaining_width_cm", "incline_pct"];

    private static readonly string[] EditFields =
        ["kind", "description", "valid_from", "valid_until", "kerb_height_cm", "remaining_width_cm", "incline_pct"];

    /// <summary>The body as a JSON object, or null with a <c>body</c> error.</summary>
    public static Task<JsonElement?> ReadObjectAsync(HttpRequest request, FieldErrors errors, CancellationToken cancellationToken) =>
        JsonBody.ReadObjectAsync(request, MaxBodyBytes, errors, cancellationToken);

    /// <summary>A new report; <paramref name="area"/> is the graph's; the window must end after <paramref name="now"/>.</summary>
    public static BarrierDraft? ReadCreate(JsonElement body, BoundingBox area, DateTimeOffset now, FieldErrors errors)
    {
        RefuseUnknown(body, CreateFields, errors, new Dictionary<string, string>
        {
            ["location_type"] = "is not a known field (the location is a GeoJSON geometry in location)",
        });
        ReportedBarrierKind? kind = body.TryGetProperty("kind", out var k) && k.ValueKind != JsonValueKind.Null
            ? Kind(k, errors)
            : Missing<ReportedBarrierKind>("kind", $"is required: one of {string.Join(", ", BarrierNames.Kinds)}", errors);
        BarrierGeometry? geometry = null;
        if (body.TryGetProperty("location", out var location) && location.ValueKind != JsonValueKind.Null)
        {
            var found = new List<KeyValuePair<string, string>>();
            geometry = BarrierGeoJson.TryRead(location, "location", found);
            foreach (var (field, message) in found)
            {
                errors.AddEnglish(field, message);
            }
            var outsidePoints = geometry?.Points.Where(p => !area.Contains(p.Lat, p.Lon)).Take(1).ToList() ?? [];
            if (outsidePoints is [var outside])
            {
                errors.AddEnglish("location", Invariant(
                    $"lies outside the area this service covers: ({outside.Lat}, {outside.Lon}) is not within [{area.MinLon}, {area.MinLat}, {area.MaxLon}, {area.MaxLat}] (min_lon, min_lat, max_lon, max_lat)"));
                geometry = null;
            }
        }
        else
        {
            errors.AddEnglish("location", "is required: a GeoJSON geometry, e.g. {\"type\": \"Point\", \"coordinates\": [8.6934, 49.4094]}");
        }
        var description = Optional(body, "description", Description, errors);
        var from = Optional(body, "valid_from", Time, errors);
        var until = Optional(body, "valid_until", Time, errors);
        var kerb = Optional(body, "kerb_height_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinKerbHeightCm, BarrierLimits.MaxKerbHeightCm, "cm", x), errors);
        var width = Optional(body, "remaining_width_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinRemainingWidthCm, BarrierLimits.MaxRemainingWidthCm, "cm", x), errors);
        var incline = Optional(body, "incline_pct", Incline, errors);
        if (from.Value is { } start && until.Value is { } end && end <= start)
        {
            errors.AddEnglish("valid_until", "must be after valid_from");
        }
        else if (until.Value is { } ends && ends <= now)
        {
            errors.AddEnglish("valid_until", Invariant($"has already passed (now is {now:O}); a report must still apply"));
        }
        if (errors.Any || kind is null || geometry is null)
        {
            return null;
        }
        return new BarrierDraft(kind.Value, geometry, new ValidityWindow(from.Value, until.Value), description.Value,
            new MeasuredFacts(kerb.Value, width.Value, incline.Value));
    }

    /// <summary>An edit: only the fields present change; null clears an optional field.</summary>
    public static BarrierEdit? ReadEdit(JsonElement body, FieldErrors errors)
    {
        RefuseUnknown(body, EditFields, errors, new Dictionary<string, string>
        {
            ["location"] = "cannot be changed: reject this report and create a new one at the right place",
            ["status"] = "cannot be edited: use POST /v1/barriers/{id}/verify, /resolve or /reject",
        });
        if (!body.EnumerateObject().Any())
        {
            errors.AddEnglish("body", $"names no field to change; give at least one of {string.Join(", ", EditFields)}");
            return null;
        }
        Change<ReportedBarrierKind> kind = default;
        if (body.TryGetProperty("kind", out var k))
        {
            if (k.ValueKind == JsonValueKind.Null)
            {
                errors.AddEnglish("kind", "cannot be null: every report has a kind");
            }
            else if (Kind(k, errors) is { } parsed)
            {
                kind = Change.To(parsed);
            }
        }
        var edit = new BarrierEdit
        {
            Kind = kind,
            Description = Optional(body, "description", Description, errors),
            ValidFrom = Optional(body, "valid_from", Time, errors),
            ValidUntil = Optional(body, "valid_until", Time, errors),
            KerbHeightCm = Optional(body, "kerb_height_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinKerbHeightCm, BarrierLimits.MaxKerbHeightCm, "cm", x), errors),
            RemainingWidthCm = Optional(body, "remaining_width_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinRemainingWidthCm, BarrierLimits.MaxRemainingWidthCm, "cm", x), errors),
            InclinePct = Optional(body, "incline_pct", Incline, errors),
        };
        if (edit.ValidFrom.Value is { } start && edit.ValidUntil.Value is { } end && end <= start)
        {
            errors.AddEnglish("valid_until", "must be after valid_from");
        }
        return errors.Any ? null : edit;
    }

    /// <summary>The body of <c>POST /v1/admin/api-keys</c>: role, and an optional name (at most 200 characters).</summary>
    public static (ApiKeyRole Role, string? Name)? ReadCreateKey(JsonElement body, FieldErrors errors)
    {
        RefuseUnknown(body, ["role", "name"], errors, new Dictionary<string, string>
        {
            ["key"] = "cannot be chosen: the service generates every key",
        });
        ApiKeyRole? role = null;
        if (!body.TryGetProperty("role", out var r) || r.ValueKind == JsonValueKind.Null)
        {
            errors.AddEnglish("role", $"is required: one of {string.Join(", ", BarrierNames.Roles)}");
        }
        else if (r.ValueKind != JsonValueKind.String || !BarrierNames.TryParse<ApiKeyRole>(r.GetString(), out var parsed))
        {
            errors.AddEnglish("role", $"must be one of {string.Join(", ", BarrierNames.Roles)}");
        }
        else
        {
            role = parsed;
        }
        string? name = null;
        if (body.TryGetProperty("name", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.String)
            {
                errors.AddEnglish("name", "must be a string");
            }
            else if (n.GetString()!.Trim() is { Length: > 200 })
            {
                errors.AddEnglish("name", "must be at most 200 characters");
            }
            else
            {
                name = n.GetString()!.Trim() is { Length: > 0 } trimmed ? trimmed : null;
            }
        }
        return errors.Any || role is null ? null : (role.Value, name);
    }

    private static void RefuseUnknown(JsonElement body, string[] known, FieldErrors errors, Dictionary<string, string> explained)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.AddEnglish(property.Name, explained.TryGetValue(property.Name, out var message) ? message : "is not a known field");
            }
        }
    }

    private static T? Missing<T>(string field, string message, FieldErrors errors) where T : struct
    {
        errors.AddEnglish(field, message);
        return null;
    }

    private static ReportedBarrierKind? Kind(JsonElement element, FieldErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String && BarrierNames.TryParse<ReportedBarrierKind>(element.GetString(), out var kind))
        {
            return kind;
        }
        errors.AddEnglish("kind", $"must be one of {string.Join(", ", BarrierNames.Kinds)}");
        return null;
    }

    /// <summary>A field that may be absent (unchanged), null (cleared) or a value read by <paramref name="read"/>.</summary>
    private static Change<T?> Optional<T>(JsonElement body, string field, Func<JsonElement, string, FieldErrors, (bool Ok, T? Value)> read, FieldErrors errors)
    {
        if (!body.TryGetProperty(field, out var element))
        {
            return default;
        }
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Change.To<T?>(default);
        }
        var (ok, value) = read(element, field, errors);
        return ok ? Change.To(value) : default;
    }

    private static (bool, string?) Description(JsonElement element, string field, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.AddEnglish(field, "must be a string");
            return (false, null);
        }
        string text = element.GetString()!.Trim();
        if (text.Length > BarrierLimits.MaxDescriptionLength)
        {
            errors.AddEnglish(field, $"must be at most {BarrierLimits.MaxDescriptionLength} characters, has {text.Length}");
            return (false, null);
        }
        return (true, text.Length == 0 ? null : text);
    }

    private static (bool, DateTimeOffset?) Time(JsonElement element, string field, FieldErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text && Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && time.Year is >= 2000 and <= 2200)
        {
            return (true, time.ToUniversalTime());
        }
        errors.AddEnglish(field, "must be a date and time with offset (RFC 3339), e.g. 2026-12-01T08:00:00Z or 2026-12-01T09:00:00+01:00");
        return (false, null);
    }

    private static (bool, int?) Integer(JsonElement element, string field, int min, int max, string unit, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
        {
            errors.AddEnglish(field, element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double d) && double.IsFinite(d)
                ? Invariant($"must be a whole number ({unit}) between {min} and {max}, was {element.GetRawText()}")
                : $"must be a whole number ({unit})");
            return (false, null);
        }
        if (value < min || value > max)
        {
            errors.AddEnglish(field, Invariant($"must be between {min} and {max} {unit}, was {value}"));
            return (false, null);
        }
        return (true, value);
    }

    private static (bool, double?) Incline(JsonElement element, string field, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            errors.AddEnglish(field, "must be a number (percent)");
            return (false, null);
        }
        if (value < BarrierLimits.MinInclinePct || value > BarrierLimits.MaxInclinePct)
        {
            errors.AddEnglish(field, Invariant($"must be between {BarrierLimits.MinInclinePct} and {BarrierLimits.MaxInclinePct} %, was {element.GetRawText()}"));
            return (false, null);
        }
        return (true, value);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
