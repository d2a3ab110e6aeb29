using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Routing.Http;

namespace Routing.Ors;

/// <summary>
/// Reads an ORS request body: malformed JSON is 2000, a member of the wrong type 2002, a member ORS knows but this
/// service cannot honour 2003 (named, with why), a member ORS does not know either 2012. Nothing is dropped silently.
/// </summary>
internal static class OrsRequestReader
{
    /// <summary>What each level of the body may hold: the members read, and those ORS has that we refuse with a reason.</summary>
    public static Level Directions { get; } = new("",
        ["coordinates", "preference", "units", "language", "geometry", "instructions", "instructions_format", "elevation",
         "extra_info", "radiuses", "id", "options", "maneuvers", "continue_straight", "roundabout_exits", "suppress_warnings",
         "geometry_simplify"],
        new Dictionary<string, string>
        {
            ["alternative_routes"] = "this service answers the one cheapest route for the profile",
            ["attributes"] = "route attributes (avgspeed, detourfactor, percentage) are not computed here",
            ["bearings"] = "bearings are not used for snapping here",
            ["skip_segments"] = "every leg is routed on the network here",
            ["maximum_speed"] = "walking and wheelchair speeds come from the profile",
            ["custom_model"] = "profiles are judged by this service's own rules",
            ["schedule"] = "there is no public transport here",
        });

    public static Level Isochrones { get; } = new("",
        ["locations", "range", "range_type", "interval", "units", "location_type", "attributes", "smoothing", "area_units", "id", "options"],
        new Dictionary<string, string>
        {
            ["intersections"] = "intersections of isochrones are not computed here",
        });

    public static Level Matrix { get; } = new("",
        ["locations", "sources", "destinations", "metrics", "units", "resolve_locations", "id"], new Dictionary<string, string>());

    private static readonly Level Options = new("options.",
        ["avoid_features", "avoid_polygons", "profile_params"],
        new Dictionary<string, string>
        {
            ["avoid_borders"] = "it applies to driving-* profiles only",
            ["avoid_countries"] = "it applies to driving-* profiles only",
            ["vehicle_type"] = "it applies to driving-hgv only",
            ["round_trip"] = "round trips are not generated here",
        });

    private static readonly Level ProfileParams = new("options.profile_params.",
        ["restrictions", "weightings", "surface_quality_known", "allow_unsuitable"], new Dictionary<string, string>());

    private static readonly Level Restrictions = new("options.profile_params.restrictions.",
        ["surface_type", "track_type", "smoothness_type", "maximum_sloped_kerb", "maximum_incline", "minimum_width",
         "surface_quality_known", "allow_unsuitable"],
        new Dictionary<string, string>
        {
            ["length"] = "it applies to driving-hgv only",
            ["width"] = "it applies to driving-hgv only (minimum_width is the wheelchair's)",
            ["height"] = "it applies to driving-hgv only",
            ["axleload"] = "it applies to driving-hgv only",
            ["weight"] = "it applies to driving-hgv only",
            ["hazmat"] = "it applies to driving-hgv only",
            ["gradient"] = "it applies to cycling-* only (maximum_incline is the wheelchair's)",
        });

    /// <summary>The largest body read: a directions request at every limit (50 positions, 20 avoid polygons of 1,000 positions) is far below it.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>: refused with 415 unless labelled JSON, with 413 when longer than
    /// <see cref="MaxBodyBytes"/>, and as a format error when it holds a lone surrogate escape (no string can hold it).
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, Level top, CancellationToken cancellationToken) where T : class
    {
        if (!RequestBody.IsJson(request))
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidJson,
                $"Unsupported Content-Type '{request.ContentType}': send the request as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }
        byte[] bytes;
        try
        {
            bytes = await RequestBody.ReadBoundedAsync(request, MaxBodyBytes, cancellationToken)
                    ?? throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                        $"The request body is longer than {MaxBodyBytes} bytes, the most this service reads.", StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException ex)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidJson, $"Unable to read the request: {ex.Message}", ex.StatusCode);
        }
        if (JsonEscapes.LoneSurrogateAt(bytes) is var at and >= 0)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidJson,
                $"Unable to parse JSON request: the escape at byte {at + 1} is half a character (a lone UTF-16 surrogate).");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidJson, $"Unable to parse JSON request: {ex.Message}");
        }
        using (document)
        {
            try
            {
                return Read<T>(document.RootElement, top);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
            {
                // The parser checks the structure, not the bytes inside strings: invalid UTF-8 surfaces when a name or
                // value is read (found by the reliability suite's fuzzing, where it answered 500).
                throw new OrsRequestException(OrsErrorCodes.InvalidJson, "Unable to parse JSON request: the body is not valid UTF-8.");
            }
        }
    }

    public static OrsDirectionsRequest Read(JsonElement root) => Read<OrsDirectionsRequest>(root, Directions);

    private static T Read<T>(JsonElement root, Level top) where T : class
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidJson, "Unable to parse JSON request: the body must be a JSON object.");
        }
        top.Check(root);
        ThrowIfNotFinite(root);
        if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            Options.Check(options);
            if (options.TryGetProperty("profile_params", out var profileParams) && profileParams.ValueKind == JsonValueKind.Object)
            {
                ProfileParams.Check(profileParams);
                if (profileParams.TryGetProperty("restrictions", out var restrictions) && restrictions.ValueKind == JsonValueKind.Object)
                {
                    Restrictions.Check(restrictions);
                }
            }
        }
        try
        {
            return root.Deserialize<T>(OrsJson.Options)
                   ?? throw new OrsRequestException(OrsErrorCodes.InvalidJson, "Unable to parse JSON request: the body is null.");
        }
        catch (JsonException ex)
        {
            string path = ex.Path is { Length: > 2 } p ? p[2..] : "body";
            throw new OrsRequestException(OrsErrorCodes.InvalidFormat, $"Parameter '{path}' has incorrect format: expected {Expected(ex.Message)}.");
        }
    }

    /// <summary>
    /// A number beyond a double's range (1e309) is read as infinity, which no parameter takes and which cannot be
    /// written back into the answer's metadata.query: refused as a format error (found by the reliability suite,
    /// where the isochrones and matrix answers echoed it and failed with 500).
    /// </summary>
    private static void ThrowIfNotFinite(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when !(element.TryGetDouble(out double value) && double.IsFinite(value)):
                string number = element.GetRawText();
                throw new OrsRequestException(OrsErrorCodes.InvalidFormat,
                    $"Unable to parse JSON request: the number {(number.Length > 40 ? number[..40] + "..." : number)} is beyond the range of a number.");
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ThrowIfNotFinite(item);
                }
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    ThrowIfNotFinite(member.Value);
                }
                break;
        }
    }

    /// <summary>What the serializer wanted, in JSON's words rather than .NET's (its message names the target type).</summary>
    private static string Expected(string message) =>
        message.Contains("IReadOnlyList`1[System.Collections.Generic.IReadOnlyList", StringComparison.Ordinal) ? "an array of [lon, lat] arrays"
        : message.Contains("IReadOnlyList`1[System.Double]", StringComparison.Ordinal) ? "an array of numbers"
        : message.Contains("IReadOnlyList`1[System.Text.Json.JsonElement]", StringComparison.Ordinal) ? "an array"
        : message.Contains("IReadOnlyList`1[System.String]", StringComparison.Ordinal) ? "an array of strings"
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
        : message.Contains("System.Double", StringComparison.Ordinal) ? "a number"
        : message.Contains("System.String", StringComparison.Ordinal) ? "a string"
        : "an object";

    /// <param name="Prefix">The level's path in messages.</param>
    /// <param name="Read">The members read at this level.</param>
    /// <param name="Refused">Members ORS has here that this service refuses, with why.</param>
    internal sealed class Level(string Prefix, string[] Read, IReadOnlyDictionary<string, string> Refused)
    {
        public void Check(JsonElement element)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (Read.Contains(member.Name, StringComparer.Ordinal))
                {
                    continue;
                }
                if (Refused.TryGetValue(member.Name, out string? why))
                {
                    throw new OrsRequestException(OrsErrorCodes.InvalidValue, $"Parameter '{Prefix}{member.Name}' is not supported by this service: {why}.");
                }
                throw new OrsRequestException(OrsErrorCodes.UnknownParameter,
                    $"Unknown parameter '{Prefix}{member.Name}'. Known here: {string.Join(", ", Read.Order(StringComparer.Ordinal))}.");
            }
        }
    }
}
