using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.GeoFormats;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Ors;

/// <summary>An ORS request translated: the engine's request and how the answer is to be written.</summary>
/// <param name="Warnings">What the request asked for that this service answers differently, said in the answer.</param>
internal sealed record OrsQuery(
    string OrsProfile,
    RouteRequest Request,
    OrsUnits Units,
    bool Geometry,
    bool Instructions,
    bool Elevation,
    IReadOnlyList<string> ExtraInfo,
    IReadOnlyList<string> Warnings);

internal sealed record OrsUnits(string Name, double PerMetre)
{
    public static OrsUnits Metres { get; } = new("m", 1);

    public static IReadOnlyDictionary<string, OrsUnits> ByName { get; } = new Dictionary<string, OrsUnits>(StringComparer.Ordinal)
    {
        ["m"] = Metres,
        ["km"] = new("km", 0.001),
        ["mi"] = new("mi", 1 / 1609.344),
    };

    /// <summary>ORS's rounding: metres to 0.1, kilometres and miles to 0.001.</summary>
    public double Of(double metres) => Math.Round(metres * PerMetre, PerMetre == 1 ? 1 : 3);
}

/// <summary>
/// ORS parameters onto our <see cref="ProfileSettings"/> and <see cref="RouteRequest"/> (README, "openrouteservice-compatible
/// API", for the table). This decides only what the user asked for; what a way is worth for them stays with
/// <see cref="ProfileRules"/>.
/// </summary>
internal static class OrsRequestMapper
{
    /// <summary>ORS profile -> our preset.</summary>
    public static IReadOnlyDictionary<string, string> Profiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wheelchair"] = "wheelchair",
        ["foot-walking"] = "foot",
    };

    /// <summary>The most waypoints one request may have (ORS's default limit for directions).</summary>
    public const int MaxCoordinates = 50;

    /// <summary>
    /// The most polygons <c>options.avoid_polygons</c> may hold, and the most positions all of them together: each is
    /// pinned to the ways inside it for this one request, at a cost that grows with both (1,000 copies of one polygon
    /// took 32 s of CPU and 600 MB before these limits).
    /// </summary>
    public const int MaxAvoidPolygons = 20;

    /// <inheritdoc cref="MaxAvoidPolygons"/>
    public const int MaxAvoidPolygonPositions = 1000;

    /// <summary>The largest snap radius; ORS's -1 ("unlimited") means this.</summary>
    public const double MaxRadiusM = 1000;

    /// <summary>ORS's documented defaults for the wheelchair restrictions, used when a request leaves one out.</summary>
    public const string DefaultSurfaceType = "cobblestone:flattened";
    public const string DefaultTrackType = "grade1";
    public const string DefaultSmoothnessType = "good";
    public const double DefaultMaximumSlopedKerbM = 0.06;
    public const double DefaultMaximumInclinePct = 6;

    /// <summary>The languages ORS writes instructions in; those without a translation file here fall back to en.</summary>
    private static readonly HashSet<string> OrsLanguages = new(
        ["cs", "de", "en", "eo", "es", "fr", "gr", "he", "hu", "id", "it", "ja", "nb", "ne", "nl", "pl", "pt", "ro", "ru", "tr", "ua", "vi", "zh"],
        StringComparer.Ordinal);

    /// <summary>ORS's own codes that are not the ISO 639-1 code our translation files are named by.</summary>
    private static readonly Dictionary<string, string> IsoCodeOfOrsCode = new(StringComparer.Ordinal) { ["ua"] = "uk", ["gr"] = "el" };

    private static readonly HashSet<string> Preferences = new(["recommended", "fastest", "shortest"], StringComparer.Ordinal);

    /// <summary>The extra_info values answered, and the ORS key each goes under.</summary>
    public static IReadOnlyDictionary<string, string> ExtraKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["osmid"] = "osmId",
        ["surface"] = "surface",
        ["smoothness"] = "smoothness",
        ["steepness"] = "steepness",
        ["waytype"] = "waytypes",
        ["suitability"] = "suitability",
        ["traildifficulty"] = "traildifficulty",
    };

    public static OrsQuery Map(string orsProfile, OrsDirectionsRequest body, ProfileCatalog catalog)
    {
        var preset = Preset(orsProfile, catalog);
        var warnings = new List<string>();
        var waypoints = Coordinates(body.Coordinates, "coordinates", 2);
        var units = Units(body.Units);
        if (body.Preference is { } preference && !Preferences.Contains(preference))
        {
            throw Invalid("preference", preference, string.Join(", ", Preferences));
        }
        if (body.InstructionsFormat is { } format && format is not ("text" or "html"))
        {
            throw Invalid("instructions_format", format, "text, html");
        }
        string language = Language(body.Language, warnings);
        var extras = ExtraInfo(body.ExtraInfo);
        var settings = Settings(orsProfile, preset, body.Options, warnings);
        var request = new RouteRequest(waypoints, settings, SnapRadius(body.Radiuses, waypoints.Count), language)
        {
            AvoidAreas = AvoidPolygons(body.Options?.AvoidPolygons),
        };
        return new OrsQuery(orsProfile, request, units, body.Geometry ?? true, body.Instructions ?? true, body.Elevation ?? false,
            extras, warnings);
    }

    /// <summary>Our preset for an ORS profile; any other profile is ORS's 2003.</summary>
    public static ProfileSettings Preset(string orsProfile, ProfileCatalog catalog) =>
        Profiles.TryGetValue(orsProfile, out string? presetName) && catalog.TryGet(presetName, out var preset)
            ? preset
            : throw new OrsRequestException(OrsErrorCodes.InvalidValue,
                $"Parameter 'profile' has incorrect value of '{orsProfile}'. This service routes: {string.Join(", ", Profiles.Keys)}.");

    /// <summary>The GET form: <c>start=lon,lat&amp;end=lon,lat</c>.</summary>
    public static OrsDirectionsRequest FromQuery(IQueryCollection query)
    {
        foreach (string key in query.Keys)
        {
            if (key is not ("start" or "end" or "api_key"))
            {
                throw new OrsRequestException(OrsErrorCodes.UnknownParameter, $"Unknown parameter '{key}'. Known here: start, end, api_key.");
            }
        }
        return new OrsDirectionsRequest { Coordinates = [LonLat(query, "start"), LonLat(query, "end")] };
    }

    private static double[] LonLat(IQueryCollection query, string name)
    {
        string? text = query[name];
        if (string.IsNullOrEmpty(text))
        {
            throw new OrsRequestException(OrsErrorCodes.MissingParameter, $"Parameter '{name}' is missing: give it as lon,lat.");
        }
        string[] parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lat))
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidFormat, $"Parameter '{name}' has incorrect format '{text}': give it as lon,lat.");
        }
        return [lon, lat];
    }

    /// <summary>[lon, lat] positions, <paramref name="min"/> to <paramref name="max"/> of them.</summary>
    public static List<GeoPoint> Coordinates(IReadOnlyList<IReadOnlyList<double>>? coordinates, string name, int min, int max = MaxCoordinates)
    {
        if (coordinates is null)
        {
            throw new OrsRequestException(OrsErrorCodes.MissingParameter, $"Parameter '{name}' is missing: give [[lon, lat], [lon, lat], ...].");
        }
        if (coordinates.Count < min)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidValue, $"Parameter '{name}' needs at least {min} position{(min == 1 ? "" : "s")}.");
        }
        if (coordinates.Count > max)
        {
            throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                $"Parameter '{name}' has {coordinates.Count} positions; at most {max} are allowed.");
        }
        var points = new List<GeoPoint>(coordinates.Count);
        for (int i = 0; i < coordinates.Count; i++)
        {
            points.Add(Position(coordinates[i], $"{name}[{i}]"));
        }
        return points;
    }

    private static GeoPoint Position(IReadOnlyList<double>? position, string name)
    {
        if (position is not { Count: 2 })
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidFormat, $"Parameter '{name}' must be [lon, lat].");
        }
        double lon = position[0], lat = position[1];
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidValue,
                $"Parameter '{name}' has incorrect value [{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}]: lon must lie in -180..180, lat in -90..90 (ORS takes [lon, lat]).");
        }
        return new GeoPoint(lat, lon);
    }

    public static OrsUnits Units(string? units) =>
        units is null ? OrsUnits.Metres
        : OrsUnits.ByName.TryGetValue(units, out var u) ? u
        : throw Invalid("units", units, string.Join(", ", OrsUnits.ByName.Keys));

    private static string Language(string? language, List<string> warnings)
    {
        if (language is null)
        {
            return "en";
        }
        string code = language.Length >= 2 ? language[..2].ToLowerInvariant() : language;
        if (!OrsLanguages.Contains(code) || (language.Length != 2 && !(language.Length == 5 && language[2] == '-')))
        {
            throw Invalid("language", language, string.Join(", ", OrsLanguages));
        }
        if (Translations.Find(IsoCodeOfOrsCode.GetValueOrDefault(code, code)) is { } ours)
        {
            return ours.Code;
        }
        warnings.Add($"Instructions are in English: this service writes {string.Join(", ", Translations.Codes)}, not '{language}'.");
        return "en";
    }

    private static List<string> ExtraInfo(IReadOnlyList<string>? extraInfo)
    {
        var extras = new List<string>();
        foreach (string extra in extraInfo ?? [])
        {
            if (!ExtraKeys.ContainsKey(extra))
            {
                throw Invalid("extra_info", extra, string.Join(", ", ExtraKeys.Keys));
            }
            if (!extras.Contains(extra))
            {
                extras.Add(extra);
            }
        }
        return extras;
    }

    /// <summary>
    /// One radius for every point: the engine snaps all points of a request with one radius, so the largest asked for
    /// (ORS's -1, unlimited, is our maximum) keeps every point findable.
    /// </summary>
    private static double SnapRadius(IReadOnlyList<double>? radiuses, int coordinates)
    {
        if (radiuses is null)
        {
            return RouteRequest.DefaultSnapRadiusM;
        }
        if (radiuses.Count != coordinates)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidValue,
                $"Parameter 'radiuses' has {radiuses.Count} values for {coordinates} coordinates: give one per coordinate.");
        }
        double largest = 0;
        foreach (double radius in radiuses)
        {
            if (radius != -1 && (!double.IsFinite(radius) || radius <= 0 || radius > MaxRadiusM))
            {
                throw new OrsRequestException(radius > MaxRadiusM ? OrsErrorCodes.LimitExceeded : OrsErrorCodes.InvalidValue,
                    $"Parameter 'radiuses' has incorrect value {radius.ToString(CultureInfo.InvariantCulture)}: give metres in 1..{MaxRadiusM}, or -1 for the largest.");
            }
            largest = Math.Max(largest, radius == -1 ? MaxRadiusM : radius);
        }
        return largest;
    }

    /// <summary>The preset with the request's avoid_features and wheelchair restrictions (absent ones at ORS's defaults).</summary>
    public static ProfileSettings Settings(string orsProfile, ProfileSettings preset, OrsOptions? options, List<string> warnings)
    {
        var settings = preset;
        foreach (string feature in options?.AvoidFeatures ?? [])
        {
            switch (feature)
            {
                case "steps":
                    settings = settings with { Steps = StepsPolicy.Never };
                    break;
                case "ferries":
                case "fords":
                    // Nothing to avoid: the network has no ferry routes, and fords are not among its ways.
                    break;
                default:
                    throw new OrsRequestException(OrsErrorCodes.InvalidValue,
                        $"Parameter 'options.avoid_features' has incorrect value '{feature}' for profile {orsProfile}: use steps, ferries, fords.");
            }
        }
        var profileParams = options?.ProfileParams;
        if (profileParams?.Weightings is not null)
        {
            warnings.Add("options.profile_params.weightings (green, quiet) has no effect here: this service has no greenery or noise data.");
        }
        var restrictions = profileParams?.Restrictions;
        if (orsProfile != "wheelchair")
        {
            if (restrictions is not null || profileParams?.SurfaceQualityKnown is not null || profileParams?.AllowUnsuitable is not null)
            {
                throw new OrsRequestException(OrsErrorCodes.IncompatibleParameters,
                    $"options.profile_params.restrictions, surface_quality_known and allow_unsuitable apply to profile wheelchair, not {orsProfile}.");
            }
            return settings;
        }
        return Wheelchair(settings, restrictions ?? new OrsRestrictions(),
            restrictions?.SurfaceQualityKnown ?? profileParams?.SurfaceQualityKnown ?? false,
            restrictions?.AllowUnsuitable ?? profileParams?.AllowUnsuitable ?? false);
    }

    /// <summary>The wheelchair restrictions, each absent one at ORS's documented default; limits are checked like our own API's.</summary>
    private static ProfileSettings Wheelchair(ProfileSettings preset, OrsRestrictions r, bool surfaceQualityKnown, bool allowUnsuitable)
    {
        const string prefix = "options.profile_params.restrictions.";
        string surface = r.SurfaceType ?? DefaultSurfaceType;
        if (!OrsSurfaces.IsKnown(surface))
        {
            throw Invalid(prefix + "surface_type", surface, string.Join(", ", OrsSurfaces.Names));
        }
        string track = r.TrackType ?? DefaultTrackType;
        if (track is not ("grade1" or "grade2" or "grade3" or "grade4" or "grade5"))
        {
            throw Invalid(prefix + "track_type", track, "grade1, grade2, grade3, grade4, grade5");
        }
        string smoothness = r.SmoothnessType ?? DefaultSmoothnessType;
        if (!FactNames.TryParseSmoothness(smoothness, out var s) || s == Smoothness.Unknown)
        {
            throw Invalid(prefix + "smoothness_type", smoothness, string.Join(", ", FactNames.SmoothnessValues));
        }
        if (r.MinimumWidth is { } w && (!double.IsFinite(w) || w < 0 || w > 5))
        {
            throw Invalid(prefix + "minimum_width", w.ToString(CultureInfo.InvariantCulture), "metres from 0 to 5");
        }
        double? kerbM = Limit(r.MaximumSlopedKerb, prefix + "maximum_sloped_kerb", DefaultMaximumSlopedKerbM, "metres");
        double? inclinePct = Limit(r.MaximumIncline, prefix + "maximum_incline", DefaultMaximumInclinePct, "percent");
        var overrides = new ConstraintOverrides
        {
            AvoidSurfaces = OrsSurfaces.WorseThan(surface),
            MinSmoothness = smoothness,
            MaxKerbCm = kerbM is { } m ? (int)Math.Round(m * 100) : null,
            MaxInclineUpPct = inclinePct,
            MaxInclineDownPct = inclinePct,
            MinWidthCm = r.MinimumWidth is { } width ? (int)Math.Round(width * 100) : null,
            Unknown = surfaceQualityKnown ? UnknownPolicy.Avoid : allowUnsuitable ? UnknownPolicy.Allow : null,
        };
        if (overrides.Validate() is [var (constraint, problem), ..])
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidValue, $"Parameter '{prefix}{OrsName(constraint)}' {problem}.");
        }
        var settings = overrides.ApplyTo(preset);
        // "any" lifts the limit altogether, which an override (null keeps the preset's value) cannot say.
        return settings with
        {
            MaxKerbCm = kerbM is null ? null : settings.MaxKerbCm,
            MaxInclineUpPct = inclinePct is null ? null : settings.MaxInclineUpPct,
            MaxInclineDownPct = inclinePct is null ? null : settings.MaxInclineDownPct,
        };
    }

    /// <summary>A number, or "any" (null: no limit); absent is ORS's default.</summary>
    private static double? Limit(JsonElement? value, string name, double orsDefault, string unit) => value switch
    {
        null => orsDefault,
        { ValueKind: JsonValueKind.Number } number => number.GetDouble(),
        { ValueKind: JsonValueKind.String } text when text.GetString() == "any" => null,
        { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        var other => throw Invalid(name, other.Value.GetRawText(), $"a number of {unit}, or \"any\""),
    };

    /// <summary>Our constraint name -> the ORS restriction that sets it (its row's), for messages.</summary>
    public static string OrsName(string constraint) =>
        ConstraintTable.TryGet(constraint, out var row) && row.OrsName is { } orsName ? orsName : constraint;

    private static List<BarrierGeometry> AvoidPolygons(JsonElement? geoJson)
    {
        const string name = "options.avoid_polygons";
        if (geoJson is not { ValueKind: JsonValueKind.Object } g)
        {
            return geoJson is null ? [] : throw new OrsRequestException(OrsErrorCodes.InvalidFormat, $"Parameter '{name}' must be a GeoJSON Polygon or MultiPolygon.");
        }
        string? type = g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!g.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new OrsRequestException(OrsErrorCodes.InvalidFormat, $"Parameter '{name}' needs 'coordinates'.");
        }
        CheckAvoidPolygonBudget(type, coordinates, name);
        return type switch
        {
            "Polygon" => [Polygon(coordinates, name + ".coordinates")],
            "MultiPolygon" => [.. coordinates.EnumerateArray().Select((polygon, i) => Polygon(polygon, $"{name}.coordinates[{i}]"))],
            _ => throw new OrsRequestException(OrsErrorCodes.InvalidValue, $"Parameter '{name}' has type '{type}': give a GeoJSON Polygon or MultiPolygon."),
        };
    }

    /// <summary>Counts the polygons and their positions before any is read or pinned: over a limit is 2004, naming it.</summary>
    private static void CheckAvoidPolygonBudget(string? type, JsonElement coordinates, string name)
    {
        var polygons = type == "MultiPolygon" ? [.. coordinates.EnumerateArray()] : (List<JsonElement>)[coordinates];
        if (polygons.Count > MaxAvoidPolygons)
        {
            throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                $"Parameter '{name}' has {polygons.Count} polygons; at most {MaxAvoidPolygons} are allowed.");
        }
        int positions = polygons
            .Where(polygon => polygon.ValueKind == JsonValueKind.Array)
            .SelectMany(polygon => polygon.EnumerateArray())
            .Sum(ring => ring.ValueKind == JsonValueKind.Array ? ring.GetArrayLength() : 0);
        if (positions > MaxAvoidPolygonPositions)
        {
            throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                $"Parameter '{name}' has {positions} positions; at most {MaxAvoidPolygonPositions} are allowed in all its polygons together.");
        }
    }

    /// <summary>One polygon, read by the one GeoJSON reader (as a barrier report's area is); its fault in ORS's words.</summary>
    private static BarrierGeometry Polygon(JsonElement rings, string name)
    {
        var faults = new List<GeoJsonError>();
        var polygon = GeoJsonCoordinates.ReadPolygon(rings, name, MaxAvoidPolygonPositions, faults);
        if (polygon is null)
        {
            throw AvoidPolygonError(faults[0]);
        }
        return new BarrierGeometry(BarrierGeometryType.Polygon, [.. polygon.ExteriorRing.Coordinates.Select(c => new GeoPoint(c.Y, c.X))]);
    }

    private static OrsRequestException AvoidPolygonError(GeoJsonError fault) => fault.Fault switch
    {
        GeoJsonFault.NotRings => new(OrsErrorCodes.InvalidFormat, $"Parameter '{fault.Field}' must be a list of linear rings."),
        GeoJsonFault.Holes => new(OrsErrorCodes.InvalidValue, $"Parameter '{fault.Field}' has holes, which this service does not support: give the outer ring only, or split the area."),
        GeoJsonFault.TooManyPositions => new(OrsErrorCodes.LimitExceeded, $"Parameter '{fault.Field}' has {fault.Detail} positions; at most {MaxAvoidPolygonPositions} are allowed."),
        GeoJsonFault.NotPositions or GeoJsonFault.NotPosition => new(OrsErrorCodes.InvalidFormat, $"Parameter '{fault.Field}' must be [lon, lat]."),
        GeoJsonFault.LongitudeRange or GeoJsonFault.LatitudeRange => new(OrsErrorCodes.InvalidValue,
            $"Parameter '{fault.Field}' has incorrect value [{fault.Coordinate(0)}, {fault.Coordinate(1)}]: lon must lie in -180..180, lat in -90..90 (ORS takes [lon, lat])."),
        GeoJsonFault.RingNotClosed => new(OrsErrorCodes.InvalidValue, $"Parameter '{fault.Field}' is not closed: its last position must repeat its first."),
        GeoJsonFault.RingNotValid => new(OrsErrorCodes.InvalidValue, $"Parameter '{fault.Field}' is not a valid area ({fault.Detail}): a ring must not cross or touch itself."),
        _ => new(OrsErrorCodes.InvalidValue, $"Parameter '{fault.Field}' needs at least four positions (a closed ring)."),
    };

    public static OrsRequestException Invalid(string name, string value, string expected) =>
        new(OrsErrorCodes.InvalidValue, $"Parameter '{name}' has incorrect value '{value}': use {expected}.");
}
