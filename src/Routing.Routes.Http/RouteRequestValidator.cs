using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Routing.Texts;
using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

internal enum RouteFormat
{
    Json,
    Geojson,
    Gpx,
}

/// <summary>A request that passed validation: what the engine gets, and how to write the answer and how much of it.</summary>
internal sealed record ValidRouteRequest(RouteRequest Request, RouteFormat Format, RouteDetail Detail);

/// <summary>
/// Checks a route request field by field and turns it into the engine's <see cref="RouteRequest"/>. Reports every
/// problem at once: <c>invalid-request</c> with <c>errors</c>, or <c>unknown-profile</c> when the profile name is the
/// only thing wrong.
/// </summary>
internal static class RouteRequestValidator
{
    public const int MaxViaPoints = 25;
    public const double MinSnapRadiusM = 1;
    public const double MaxSnapRadiusM = 1000;
    public static readonly IReadOnlyList<string> Formats = ["json", "geojson", "gpx"];
    public static readonly IReadOnlyList<string> Geometries = ["full", "simplified", "none"];

    /// <param name="errors">Errors found before (while reading the body or the query); more are added.</param>
    /// <param name="constraintPrefix">How constraint fields are named in this request: <c>constraints.</c> in a body, nothing in a query.</param>
    public static bool TryValidate(
        RouteRequestBody body,
        ProfileCatalog catalog,
        FieldErrors errors,
        string constraintPrefix,
        [NotNullWhen(true)] out ValidRouteRequest? valid,
        [NotNullWhen(false)] out ProblemDetails? problem)
    {
        var waypoints = new List<GeoPoint>();
        AddPoint(body.From, "from", waypoints, errors);
        if (body.Via is { } via)
        {
            if (via.Count > MaxViaPoints)
            {
                errors.AddMessage("via", "too_many_via", MaxViaPoints, via.Count);
            }
            else
            {
                for (int i = 0; i < via.Count; i++)
                {
                    AddPoint(via[i], $"via[{i}]", waypoints, errors);
                }
            }
        }
        AddPoint(body.To, "to", waypoints, errors);

        string language = LanguageOf(body.Language, errors);
        string format = OneOf(body.Format, "format", Formats, "json", errors);
        var detail = Detail(body, format, errors);

        double snapRadius = body.SnapRadiusM ?? RouteRequest.DefaultSnapRadiusM;
        if (!double.IsFinite(snapRadius) || snapRadius < MinSnapRadiusM || snapRadius > MaxSnapRadiusM)
        {
            errors.AddMessage("snap_radius_m", "out_of_range", MinSnapRadiusM, MaxSnapRadiusM, "m", snapRadius);
        }

        if (!TryProfile(body.Profile, body.Constraints, constraintPrefix, catalog, Translations.Of(language), errors, out var settings, out problem))
        {
            valid = null;
            return false;
        }

        // Instructions the answer leaves out are not written either.
        var request = new RouteRequest(waypoints, settings, snapRadius, language) { Instructions = detail.Instructions };
        valid = new ValidRouteRequest(request, Enum.Parse<RouteFormat>(format, ignoreCase: true), detail);
        problem = null;
        return true;
    }

    /// <summary>
    /// How much of the route to write (everything by default). GeoJSON and GPX answers are their line, and GeoJSON's
    /// features are the segments, so those cannot be left out of them.
    /// </summary>
    private static RouteDetail Detail(RouteRequestBody body, string format, FieldErrors errors)
    {
        var geometry = Enum.Parse<GeometryDetail>(OneOf(body.Geometry, "geometry", Geometries, "full", errors), ignoreCase: true);
        if (geometry == GeometryDetail.None && format != "json")
        {
            errors.AddMessage("geometry", "geometry_needs_json", "none", format);
        }
        bool segments = body.Segments ?? true;
        if (!segments && format == "geojson")
        {
            errors.AddMessage("segments", "segments_need_json_or_gpx");
        }
        return new RouteDetail(geometry, body.Instructions ?? true, body.Elevation ?? true, segments);
    }

    /// <summary>
    /// The preset named (default <see cref="ProfileCatalog.DefaultPreset"/>) with the request's constraints, once every field of the
    /// request has been checked: <c>invalid-request</c> when any field is wrong (the profile name included), else
    /// <c>unknown-profile</c> when only the name is. Routes, isochrones and matrices share it.
    /// </summary>
    /// <param name="language">The language an unknown profile and the field errors are told in.</param>
    public static bool TryProfile(string? profileName, ConstraintOverrides? constraints, string constraintPrefix, ProfileCatalog catalog,
        TextLanguage language, FieldErrors errors, [NotNullWhen(true)] out ProfileSettings? settings, [NotNullWhen(false)] out ProblemDetails? problem)
    {
        var overrides = constraints ?? new ConstraintOverrides();
        foreach (var (constraint, message) in overrides.Validate())
        {
            errors.Add(constraintPrefix + constraint, message);
        }
        string name = profileName ?? ProfileCatalog.DefaultPreset;
        bool knownProfile = catalog.TryGet(name, out var preset);
        settings = null;
        if (errors.Any)
        {
            if (!knownProfile)
            {
                errors.AddMessage("profile", "not_a_profile", name, string.Join(", ", catalog.Presets.Select(p => p.Name)));
            }
            problem = HttpProblems.InvalidRequest(errors.ToDictionary(language));
            return false;
        }
        if (!knownProfile)
        {
            problem = HttpProblems.UnknownProfile(name, catalog.Presets.Select(p => p.Name), StatusCodes.Status400BadRequest, language);
            return false;
        }
        settings = overrides.ApplyTo(preset);
        problem = null;
        return true;
    }

    /// <summary>Adds the point to <paramref name="points"/> when it is a valid WGS 84 position, else a field error.</summary>
    public static void AddPoint(PointDto? point, string field, List<GeoPoint> waypoints, FieldErrors errors)
    {
        if (point is null)
        {
            errors.AddMessage(field, "point_required");
            return;
        }
        bool ok = Coordinate(point.Lat, $"{field}.lat", 90, errors) & Coordinate(point.Lon, $"{field}.lon", 180, errors);
        if (ok)
        {
            waypoints.Add(new GeoPoint(point.Lat!.Value, point.Lon!.Value));
        }
    }

    private static bool Coordinate(double? value, string field, double limit, FieldErrors errors)
    {
        if (value is not { } v)
        {
            errors.AddMessage(field, "required");
            return false;
        }
        if (!double.IsFinite(v) || v < -limit || v > limit)
        {
            errors.AddMessage(field, "out_of_range_degrees", -limit, limit, v);
            return false;
        }
        return true;
    }

    /// <summary>A language with a translation file ("de", or a regional form such as "de-AT"); English when none is asked for.</summary>
    private static string LanguageOf(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return Translations.English.Code;
        }
        if (Translations.Find(value) is { } language)
        {
            return language.Code;
        }
        errors.AddMessage("language", "not_supported", value, string.Join(", ", Translations.Codes));
        return Translations.English.Code;
    }

    private static string OneOf(string? value, string field, IReadOnlyList<string> allowed, string fallback, FieldErrors errors)
    {
        if (value is null)
        {
            return fallback;
        }
        foreach (string name in allowed)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        errors.AddMessage(field, "not_supported", value, string.Join(", ", allowed));
        return fallback;
    }
}
