using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests;

/// <summary>
/// Snapping that leads somewhere, through the real host on Heidelberg: an area the map leaves unjoined routes from its
/// nearest connected way, and a start the profile's own rules cut off is refused with where to move instead.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class SnappingApiTests(HeidelbergApi api)
{
    /// <summary>The Nepomuk-Terrasse: an area outlined by a way that shares no node with the network.</summary>
    private const string Nepomuk = "49.4153279,8.711981";
    private const string Kornmarkt = "49.412116,8.711570";
    /// <summary>Beside the Karlstor, 32 m from a footway that a wheelchair can leave only by steps or a steep slope.</summary>
    private const string Karlstor = "49.41299,8.71757";

    [Theory]
    [InlineData("wheelchair")]
    [InlineData("powered_wheelchair")]
    [InlineData("walker")]
    [InlineData("pushchair")]
    [InlineData("foot")]
    public async Task The_Nepomuk_terrace_routes_from_its_nearest_connected_way_for_every_profile(string profile)
    {
        var body = await (await api.Client.GetAsync($"/v1/routes?from={Nepomuk}&to={Kornmarkt}&profile={profile}&geometry=none&instructions=false")).Json();

        var start = body.GetProperty("routes")[0].GetProperty("waypoints")[0];
        Assert.InRange(start.GetProperty("distance_m").GetDouble(), 0, 10);
        Assert.NotEqual(302221125, start.GetProperty("osm_way_id").GetInt64()); // the terrace's own outline, joined to nothing
    }

    [Fact]
    public async Task Isochrones_and_matrices_from_the_Nepomuk_terrace_start_on_the_connected_network_too()
    {
        var isochrone = await (await api.Client.PostJson("/v1/isochrones",
            """{"origins": [{"lat": 49.4153279, "lon": 8.711981}], "profile": "foot", "ranges_s": [300]}""")).Json(mediaType: "application/geo+json");
        var matrix = await (await api.Client.PostJson("/v1/matrix",
            """{"sources": [{"lat": 49.4153279, "lon": 8.711981}], "destinations": [{"lat": 49.412116, "lon": 8.711570}], "profile": "foot"}""")).Json();
        var route = (await (await api.Client.GetAsync($"/v1/routes?from={Nepomuk}&to={Kornmarkt}&profile=foot")).Json()).GetProperty("routes")[0];

        // Five minutes on foot from the old town reach far more than the terrace's outline of a few dozen metres.
        Assert.True(isochrone.GetProperty("features")[0].GetProperty("properties").GetProperty("reached_length_m").GetDouble() > 1000);
        Assert.Equal(route.GetProperty("distance_m").GetDouble(), matrix.GetProperty("distances_m")[0][0].GetDouble());
    }

    [Fact]
    public async Task A_wheelchair_start_at_the_Karlstor_is_refused_with_where_to_move_and_the_move_routes()
    {
        var response = await api.Client.GetAsync($"/v1/routes?from={Karlstor}&to={Kornmarkt}&profile=wheelchair&language=en");

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        var move = Assert.Single(problem.GetProperty("suggested_waypoints").EnumerateArray());
        Assert.Equal((0, "start"), (move.GetProperty("waypoint_index").GetInt32(), move.GetProperty("waypoint").GetString()));
        double distanceM = move.GetProperty("distance_m").GetDouble();
        Assert.InRange(distanceM, 50, 200);
        Assert.Contains("north", move.GetProperty("direction").GetString(), StringComparison.Ordinal);
        string message = move.GetProperty("message").GetString()!;
        Assert.Equal($"start {Math.Round(distanceM)} m {move.GetProperty("direction").GetString()}, at {move.GetProperty("name").GetString()}, has a route", message);
        Assert.EndsWith("; " + message + ".", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var location = move.GetProperty("location");
        (double lat, double lon) = (location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble());
        Assert.Equal(distanceM, Http.DistanceM(49.41299, 8.71757, lat, lon), 1.0);

        var moved = await (await api.Client.GetAsync($"/v1/routes?from={lat},{lon}&to={Kornmarkt}&profile=wheelchair")).Json();
        var start = moved.GetProperty("routes")[0].GetProperty("waypoints")[0];
        Assert.InRange(start.GetProperty("distance_m").GetDouble(), 0, 0.5);
        Assert.Equal(move.GetProperty("osm_way_id").GetInt64(), start.GetProperty("osm_way_id").GetInt64());
    }

    [Fact]
    public async Task The_suggestion_speaks_the_request_language_and_on_foot_the_same_start_simply_routes()
    {
        var german = await (await api.Client.GetAsync($"/v1/routes?from={Karlstor}&to={Kornmarkt}&profile=wheelchair&language=de"))
            .Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        var onFoot = await api.Client.GetAsync($"/v1/routes?from={Karlstor}&to={Kornmarkt}&profile=foot");

        Assert.StartsWith("Start ", german.GetProperty("suggested_waypoints")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(" Richtung Nord", german.GetProperty("suggested_waypoints")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await onFoot.Json()).GetProperty("routes").ValueKind);
    }

    [Fact]
    public async Task The_castle_courtyard_which_a_wheelchair_reaches_only_by_slopes_beyond_its_limit_is_refused_with_a_destination_that_routes()
    {
        var problem = await (await api.Client.GetAsync($"/v1/routes?from={Kornmarkt}&to=49.410532,8.715614&profile=wheelchair"))
            .Problem(HttpStatusCode.UnprocessableEntity, "no-route");

        Assert.Contains(problem.GetProperty("blockers").EnumerateArray(), b => b.GetProperty("constraint").GetString() is "incline_up" or "incline_down");
        var move = Assert.Single(problem.GetProperty("suggested_waypoints").EnumerateArray());
        Assert.Equal((1, "destination"), (move.GetProperty("waypoint_index").GetInt32(), move.GetProperty("waypoint").GetString()));
        var location = move.GetProperty("location");
        var moved = await api.Client.GetAsync(
            $"/v1/routes?from={Kornmarkt}&to={location.GetProperty("lat").GetDouble()},{location.GetProperty("lon").GetDouble()}&profile=wheelchair&geometry=none"
            + "&max_climb_m=500"); // the suggestion is about where the profile can go; the climb up there is over a manual chair's budget
        Assert.Equal(JsonValueKind.Array, (await moved.Json()).GetProperty("routes").ValueKind);
    }
}
