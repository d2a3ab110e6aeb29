using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Routing.Barriers;
using Routing.Engine.Barriers;
using Routing.Graph;
using Routing.Texts;

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
            ["location_type"] = "location_type_unknown",
        });
        ReportedBarrierKind? kind = body.TryGetProperty("kind", out var k) && k.ValueKind != JsonValueKind.Null
            ? Kind(k, errors)
            : Missing<ReportedBarrierKind>("kind", Phrase.FieldError("required_one_of", string.Join(", ", BarrierNames.Kinds)), errors);
        BarrierGeometry? geometry = null;
        if (body.TryGetProperty("location", out var location) && location.ValueKind != JsonValueKind.Null)
        {
            var found = new List<KeyValuePair<string, Phrase>>();
            geometry = BarrierGeoJson.TryRead(location, "location", found);
            foreach (var (field, message) in found)
            {
                errors.Add(field, message);
            }
            var outsidePoints = geometry?.Points.Where(p => !area.Contains(p.Lat, p.Lon)).Take(1).ToList() ?? [];
            if (outsidePoints is [var outside])
            {
                errors.AddMessage("location", "location_outside", outside.Lat, outside.Lon, area.MinLon, area.MinLat, area.MaxLon, area.MaxLat);
                geometry = null;
            }
        }
        else
        {
            errors.AddMessage("location", "location_required");
        }
        var description = Optional(body, "description", Description, errors);
        var from = Optional(body, "valid_from", Time, errors);
        var until = Optional(body, "valid_until", Time, errors);
        var kerb = Optional(body, "kerb_height_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinKerbHeightCm, BarrierLimits.MaxKerbHeightCm, "cm", x), errors);
        var width = Optional(body, "remaining_width_cm", (e, f, x) => Integer(e, f, BarrierLimits.MinRemainingWidthCm, BarrierLimits.MaxRemainingWidthCm, "cm", x), errors);
        var incline = Optional(body, "incline_pct", Incline, errors);
        if (from.Value is { } start && until.Value is { } end && end <= start)
        {
            errors.AddMessage("valid_until", "after_valid_from");
        }
        else if (until.Value is { } ends && ends <= now)
        {
            errors.AddMessage("valid_until", "already_passed", now.ToString("O", CultureInfo.InvariantCulture));
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
            ["location"] = "location_unchangeable",
            ["status"] = "status_not_editable",
        });
        if (!body.EnumerateObject().Any())
        {
            errors.AddMessage("body", "no_field_to_change", string.Join(", ", EditFields));
            return null;
        }
        Change<ReportedBarrierKind> kind = default;
        if (body.TryGetProperty("kind", out var k))
        {
            if (k.ValueKind == JsonValueKind.Null)
            {
                errors.AddMessage("kind", "kind_not_null");
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
            errors.AddMessage("valid_until", "after_valid_from");
        }
        return errors.Any ? null : edit;
    }

    /// <summary>The body of <c>POST /v1/admin/api-keys</c>: role, and an optional name (at most 200 characters).</summary>
    public static (ApiKeyRole Role, string? Name)? ReadCreateKey(JsonElement body, FieldErrors errors)
    {
        RefuseUnknown(body, ["role", "name"], errors, new Dictionary<string, string>
        {
            ["key"] = "key_not_chosen",
        });
        ApiKeyRole? role = null;
        if (!body.TryGetProperty("role", out var r) || r.ValueKind == JsonValueKind.Null)
        {
            errors.AddMessage("role", "required_one_of", string.Join(", ", BarrierNames.Roles));
        }
        else if (r.ValueKind != JsonValueKind.String || !BarrierNames.TryParse<ApiKeyRole>(r.GetString(), out var parsed))
        {
            errors.AddMessage("role", "must_be_one_of", string.Join(", ", BarrierNames.Roles));
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
                errors.AddMessage("name", "must_be_string");
            }
            else if (n.GetString()!.Trim() is { Length: > 200 })
            {
                errors.AddMessage("name", "at_most_characters", 200);
            }
            else
            {
                name = n.GetString()!.Trim() is { Length: > 0 } trimmed ? trimmed : null;
            }
        }
        return errors.Any || role is null ? null : (role.Value, name);
    }

    /// <param name="explained">Fields a client may expect here, each with the key of the message that says why not.</param>
    private static void RefuseUnknown(JsonElement body, string[] known, FieldErrors errors, Dictionary<string, string> explained)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.AddMessage(property.Name, explained.TryGetValue(property.Name, out var key) ? key : "not_known_field");
            }
        }
    }

    private static T? Missing<T>(string field, Phrase message, FieldErrors errors) where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    private static ReportedBarrierKind? Kind(JsonElement element, FieldErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String && BarrierNames.TryParse<ReportedBarrierKind>(element.GetString(), out var kind))
        {
            return kind;
        }
        errors.AddMessage("kind", "must_be_one_of", string.Join(", ", BarrierNames.Kinds));
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
            errors.AddMessage(field, "must_be_string");
            return (false, null);
        }
        string text = element.GetString()!.Trim();
        if (text.Length > BarrierLimits.MaxDescriptionLength)
        {
            errors.AddMessage(field, "at_most_characters_has", BarrierLimits.MaxDescriptionLength, text.Length);
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
        errors.AddMessage(field, "rfc3339_time");
        return (false, null);
    }

    /// <param name="unit">The unit's key in the translation files' <c>field_error.unit</c> words, e.g. <c>cm</c>.</param>
    private static (bool, int?) Integer(JsonElement element, string field, int min, int max, string unit, FieldErrors errors)
    {
        var unitWord = Phrase.FieldError("unit." + unit);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
        {
            errors.Add(field, element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double d) && double.IsFinite(d)
                ? Phrase.FieldError("whole_number_in_range_was", unitWord, min, max, element.GetRawText())
                : Phrase.FieldError("must_be_whole_number_in", unitWord));
            return (false, null);
        }
        if (value < min || value > max)
        {
            errors.AddMessage(field, "out_of_range", min, max, unitWord, value);
            return (false, null);
        }
        return (true, value);
    }

    private static (bool, double?) Incline(JsonElement element, string field, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            errors.AddMessage(field, "must_be_number_in", Phrase.FieldError("unit.percent"));
            return (false, null);
        }
        if (value < BarrierLimits.MinInclinePct || value > BarrierLimits.MaxInclinePct)
        {
            errors.AddMessage(field, "out_of_range", BarrierLimits.MinInclinePct, BarrierLimits.MaxInclinePct, "%", element.GetRawText());
            return (false, null);
        }
        return (true, value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
