using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Routes.Http;

/// <summary>The engine's reasons for not finding a route, as 422 problems that say what, where and by how much.</summary>
internal static class RouteProblems
{
    public static ProblemDetails PointOutsideArea(PointOutsideArea outcome, int waypointCount, double[] areaBbox, TextLanguage language) =>
        PointOutsideArea(outcome, Waypoint(outcome.WaypointIndex, waypointCount), areaBbox, language);

    /// <param name="point">How the answer names the point: a route's waypoint, an isochrone's origin.</param>
    public static ProblemDetails PointOutsideArea(PointOutsideArea outcome, ProblemPoint point, double[] areaBbox, TextLanguage language)
    {
        // A point given as (lon, lat) is the commonest way to land outside: say so when the other order lies inside.
        var (lat, lon) = (outcome.Point.Lat, outcome.Point.Lon);
        bool swappedInside = lat >= areaBbox[0] && lat <= areaBbox[2] && lon >= areaBbox[1] && lon <= areaBbox[3];
        string swapped = swappedInside ? language.Format("problem.outside.swapped", Invariant(lon), Invariant(lat)) : "";
        var problem = HttpProblems.Create(ProblemTypes.PointOutsideArea, StatusCodes.Status422UnprocessableEntity,
            language.Format("problem.outside", point.Words(language), Invariant(lat), Invariant(lon),
                string.Join(", ", areaBbox.Select(d => d.ToString(CultureInfo.InvariantCulture)))) + swapped);
        point.AddTo(problem);
        problem.Extensions["swapped_inside"] = swappedInside;
        problem.Extensions["point"] = RouteMapper.Location(outcome.Point);
        problem.Extensions["area_bbox"] = areaBbox;
        return problem;
    }

    public static ProblemDetails PointNotOnNetwork(PointNotOnNetwork outcome, int waypointCount, string profile, TextLanguage language) =>
        PointNotOnNetwork(outcome, Waypoint(outcome.WaypointIndex, waypointCount), profile, language);

    /// <param name="point">How the answer names the point: a route's waypoint, an isochrone's origin.</param>
    public static ProblemDetails PointNotOnNetwork(PointNotOnNetwork outcome, ProblemPoint point, string profile, TextLanguage language)
    {
        string nearest = outcome.NearestUsableM is { } m
            ? language.Format("problem.not_on_network.nearest", language.Number(RouteMapper.Metres(m), "0.###"))
            : "";
        var problem = HttpProblems.Create(ProblemTypes.PointNotOnNetwork, StatusCodes.Status422UnprocessableEntity,
            language.Format("problem.not_on_network", ProfileName(profile, language), language.Number(outcome.RadiusM, "0.###"), point.Words(language),
                Invariant(outcome.Point.Lat), Invariant(outcome.Point.Lon), nearest));
        point.AddTo(problem);
        problem.Extensions["point"] = RouteMapper.Location(outcome.Point);
        problem.Extensions["snap_radius_m"] = outcome.RadiusM;
        problem.Extensions["nearest_usable_m"] = outcome.NearestUsableM is { } near ? RouteMapper.Metres(near) : null;
        return problem;
    }

    /// <param name="detail">What the client asked the least-violating route to hold; the full route by default.</param>
    /// <param name="settings">The request's settings, from which each blocker's lift is measured.</param>
    public static ProblemDetails NoRoute(NoRoute outcome, int waypointCount, ProfileSettings settings, TextLanguage language, RouteDetail? detail = null)
    {
        string from = Waypoint(outcome.LegIndex, waypointCount).Words(language, "problem.from.");
        string to = Waypoint(outcome.LegIndex + 1, waypointCount).Words(language, "problem.to.");
        string what = outcome.Blockers.Count == 0
            ? language.Get("problem.no_route.any_path")
            : string.Join("; ", outcome.Blockers.Select(b => b.Message).Distinct(StringComparer.Ordinal)); // "steps; steps" says nothing twice; blockers lists each place
        string moves = string.Concat(outcome.Suggestions.Select(s => "; " + s.Message));
        string profile = settings.Name;
        var problem = HttpProblems.Create(ProblemTypes.NoRoute, StatusCodes.Status422UnprocessableEntity,
            language.Format("problem.no_route", ProfileName(profile, language), from, to, what, moves));
        problem.Extensions["leg_index"] = outcome.LegIndex;
        problem.Extensions["profile"] = profile;
        problem.Extensions["blockers"] = outcome.Blockers.Select(b => ToDto(b, settings)).ToArray();
        problem.Extensions["suggested_waypoints"] = outcome.Suggestions.Select(s => ToDto(s, waypointCount)).ToArray();
        problem.Extensions["least_violating_route"] = outcome.LeastViolatingRoute is { } route
            ? PreWrittenJson.Of(RouteMapper.ToDto(route, detail), RouteJsonContext.Default.RouteDto)
            : null;
        return problem;
    }

    public static BlockerDto ToDto(Blocker blocker, ProfileSettings settings)
    {
        var v = blocker.Violation;
        return new BlockerDto(
            FactNames.Of(v.Constraint),
            v.RequestField,
            v.LiftValue(settings),
            blocker.Message,
            v.Actual,
            v.Limit,
            v.Unit,
            v.Detail,
            RouteMapper.Location(blocker.Location),
            blocker.OsmWayId,
            blocker.OsmNodeId,
            FactNames.Of(v.Evidence),
            v.InclineConfidence is { } confidence ? RouteMapper.ConfidenceName(confidence) : null,
            RouteMapper.Chance(v),
            v.Live is { } live ? new LiveElevatorDto(live.Id, live.Name, live.Feed, FactNames.Of(live.State), live.Since, live.CheckedAt) : null);
    }

    public static SuggestedWaypointDto ToDto(MoveSuggestion move, int waypointCount) => new(
        move.WaypointIndex,
        WaypointName(move.WaypointIndex, waypointCount),
        move.Message,
        RouteMapper.Location(move.Point),
        DecimalNumber.Metres(move.DistanceM),
        move.Direction,
        move.OsmWayId,
        move.Name.Length > 0 ? move.Name : null);

    private static ProblemPoint Waypoint(int index, int count) =>
        new(index, WaypointName(index, count), "waypoint_index", "waypoint", index <= 0 ? "start" : index >= count - 1 ? "destination" : "via");

    /// <summary>A preset's name in words ("Manual wheelchair"); a name no file knows as it is.</summary>
    private static string ProfileName(string profile, TextLanguage language) => language.Find("profile." + profile) ?? profile;

    /// <summary>Waypoint 0 is the start, the last is the destination, those between are via points counted from 1.</summary>
    public static string WaypointName(int index, int count) =>
        index <= 0 ? "start" : index >= count - 1 ? "destination" : $"via point {index}";

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The point a problem is about: its index and the member that carries it, and its name in the API ("start",
/// "via point 2"), also as a member when <see cref="NameField"/> is given; <see cref="Kind"/> (start, destination, via,
/// origin) names it in the detail's language.
/// </summary>
internal sealed record ProblemPoint(int Index, string Name, string IndexField, string? NameField, string Kind)
{
    /// <summary>The point in words: "problem.point.via" with its number, in the form <paramref name="prefix"/> asks ("problem.from." for "vom Start").</summary>
    public string Words(TextLanguage language, string prefix = "problem.point.") =>
        language.Format(prefix + Kind, Index.ToString(CultureInfo.InvariantCulture));

    public void AddTo(ProblemDetails problem)
    {
        problem.Extensions[IndexField] = Index;
        if (NameField is not null)
        {
            problem.Extensions[NameField] = Name;
        }
    }
}

/// <summary>One broken limit on the least-bad path.</summary>
/// <param name="Constraint">steps, construction, private_access, no_access, one_way, escalator, wheelchair_no, surface, smoothness, width, incline_up, incline_down, kerb, barrier, difficult_trail.</param>
/// <param name="RequestField">The constraint in the request that would lift this (max_kerb_cm ...), or null when no request can (construction, access).</param>
/// <param name="Lift">The value of <paramref name="RequestField"/> that accepts what blocks, as a query string writes it ("6", "12.5", "avoid", "asphalt,sett"): the engine's verdict, which a client offers as it is; null when no request can lift it.</param>
internal sealed record BlockerDto(
    string Constraint,
    string? RequestField,
    string? Lift,
    string Message,
    double? Actual,
    double? Limit,
    string? Unit,
    string? Detail,
    LatLonDto Location,
    long? OsmWayId,
    long? OsmNodeId,
    [property: Description("Where the blocking fact comes from: tagged, derived (another tag, or a terrain model that resolves the stretch and finds it very likely beyond the limit), reported, or live (an elevator status feed).")] string Evidence,
    [property: Description("For slopes: measured (a tag) or high (a terrain model that resolves the stretch); low-confidence slopes never block by default.")] string? Confidence,
    [property: Description("For a slope a terrain model estimates: the chance (0..1) that it is beyond the limit; null for facts.")] double? Chance = null,
    [property: Description("For evidence live: the elevator, its state and since when (see /v1/elevators).")] LiveElevatorDto? Elevator = null);

/// <summary>A live elevator named by a blocker: the feed's equipment, its state and since when, and when the feed last confirmed it.</summary>
internal sealed record LiveElevatorDto(string Id, string Name, string Feed, string State, DateTimeOffset Since, DateTimeOffset CheckedAt);

/// <summary>
/// Where to move a waypoint that lies off the profile's main network (on a pavement between two flights of steps, on a
/// path joined to nothing) so that the refused leg routes: the nearest point of a way from which the profile reaches
/// the rest of the network and is reached from it, within 1 km.
/// </summary>
internal sealed record SuggestedWaypointDto(
    [property: Description("The waypoint to move: 0 the start, the last the destination.")] int WaypointIndex,
    [property: Description("start, destination or via point N.")] string Waypoint,
    [property: Description("In the request's language: \"start 96 m northwest, at Hauptstraße, has a route\".")] string Message,
    [property: Description("The point to send instead: on the way, so it snaps there.")] LatLonDto Location,
    [property: Description("From the requested point, metres.")] DecimalNumber DistanceM,
    [property: Description("From the requested point: north, northeast, east, southeast, south, southwest, west or northwest.")] string Direction,
    long OsmWayId,
    [property: Description("The way's name; null when it has none.")] string? Name);
