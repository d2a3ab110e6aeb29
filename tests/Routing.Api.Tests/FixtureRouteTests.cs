using System.Net;

namespace Routing.Api.Tests;

/// <summary>
/// Routes on the hand-written fixture, whose header describes it: crossing way 300 (6-7-8-9-10) has a raised 12 cm
/// kerb at node 9 (49.412, 8.691); node 10 (49.4125, 8.691) is reached only through it. These need the engine.
/// </summary>
[Collection(FixtureApiCollection.Name)]
public sealed class FixtureRouteTests(FixtureApi api)
{
    /// <summary>From node 10, beyond the raised kerb, to node 11 at the west end of road 400 (Plöck).</summary>
    private static string AcrossTheKerb(int maxKerbCm) =>
        $$$"""{"from": {"lat": 49.4125, "lon": 8.6910}, "to": {"lat": 49.4115, "lon": 8.6900}, "profile": "wheelchair", "constraints": {"max_kerb_cm": {{{maxKerbCm}}}}}""";

    [Fact]
    public async Task A_kerb_above_the_limit_is_422_no_route_naming_the_constraint_and_the_node()
    {
        var response = await api.Client.PostJson("/v1/routes", AcrossTheKerb(0));

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        Assert.Equal(0, problem.GetProperty("leg_index").GetInt32());
        Assert.Equal("wheelchair", problem.GetProperty("profile").GetString());
        var blockers = problem.GetProperty("blockers").EnumerateArray().ToList();
        var kerb = Assert.Single(blockers, b => b.GetProperty("constraint").GetString() == "kerb");
        Assert.Equal("max_kerb_cm", kerb.GetProperty("request_field").GetString());
        Assert.Equal(9, kerb.GetProperty("osm_node_id").GetInt64());
        Assert.Equal(12, kerb.GetProperty("actual").GetDouble());
        Assert.Equal(0, kerb.GetProperty("limit").GetDouble());
        Assert.Equal("cm", kerb.GetProperty("unit").GetString());
        Assert.InRange(Http.DistanceM(49.412, 8.691, kerb.GetProperty("location").GetProperty("lat").GetDouble(), kerb.GetProperty("location").GetProperty("lon").GetDouble()), 0, 1);
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(kerb.GetProperty("message").GetString()!, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_with_a_high_enough_kerb_limit_finds_the_route_over_the_kerb()
    {
        var route = (await (await api.Client.PostJson("/v1/routes", AcrossTheKerb(15))).Json()).GetProperty("routes")[0];

        var kerbs = route.GetProperty("segments").EnumerateArray()
            .Where(s => s.GetProperty("kerb_at_start").ValueKind == System.Text.Json.JsonValueKind.Object)
            .Select(s => s.GetProperty("kerb_at_start")).ToList();
        var kerb = Assert.Single(kerbs, k => k.GetProperty("osm_node_id").GetInt64() == 9);
        Assert.Equal(12, kerb.GetProperty("height_cm").GetProperty("value").GetInt32());
        Assert.Equal("tagged", kerb.GetProperty("height_cm").GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task A_point_far_from_any_way_is_422_point_not_on_network()
    {
        var response = await api.Client.GetAsync("/v1/routes?from=49.4160,8.6950&to=49.4115,8.6900&snap_radius_m=50");

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "point-not-on-network");
        Assert.Equal(0, problem.GetProperty("waypoint_index").GetInt32());
        Assert.Equal(50, problem.GetProperty("snap_radius_m").GetDouble());
        Assert.True(problem.TryGetProperty("nearest_usable_m", out _));
    }

    [Fact]
    public async Task A_route_on_the_fixture_answers_in_every_format()
    {
        const string query = "/v1/routes?from=49.4125,8.6910&to=49.4115,8.6900&max_kerb_cm=15";

        await (await api.Client.GetAsync(query)).Json();
        await (await api.Client.GetAsync(query + "&format=geojson")).Json(mediaType: "application/geo+json");
        var gpx = await api.Client.GetAsync(query + "&format=gpx");
        Assert.Equal(HttpStatusCode.OK, gpx.StatusCode);
        Assert.Equal("application/gpx+xml", gpx.Content.Headers.ContentType?.MediaType);
        System.Xml.Linq.XDocument.Parse(await gpx.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_route_from_a_point_to_itself_is_a_valid_empty_route()
    {
        var route = (await (await api.Client.GetAsync("/v1/routes?from=49.4100,8.6905&to=49.4100,8.6905")).Json()).GetProperty("routes")[0];

        Assert.Equal(0, route.GetProperty("distance_m").GetDouble());
        Assert.True(route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() >= 2, "a LineString needs two positions");
    }

    [Theory]
    [InlineData("from=49.4100,8.6905&to=49.4115,8.6920&via=49.4100,8.6905;49.4100,8.6905")]
    [InlineData("from=90,180&to=-90,-180")]
    [InlineData("from=0,0&to=49.4115,8.6920")]
    [InlineData("from=49.4100,8.6905&to=49.4202,8.7010&snap_radius_m=1000")]
    [InlineData("from=49.4100,8.6905&to=49.4202,8.7010")]
    [InlineData("from=49.4100,8.6900&to=49.4115,8.6945&profile=foot&steps=allowed&unknown=avoid&max_kerb_cm=0&min_width_cm=500&max_incline_up_pct=0.5&max_incline_down_pct=0.5&speed_mps=0.1&avoid_surfaces=asphalt,sett,paving_stones")]
    [InlineData("from=49.4100,8.6900&to=49.4115,8.6945&profile=walker&language=DE&format=GeoJSON")]
    [InlineData("from=49.4100,8.6900&to=49.4115,8.6945&profile=pushchair&format=gpx&avoid_surfaces=")]
    public async Task Odd_but_valid_requests_get_an_answer_or_a_422_never_a_500(string query)
    {
        var response = await api.Client.GetAsync("/v1/routes?" + query);

        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            await response.Problem(HttpStatusCode.UnprocessableEntity, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("type").GetString()![Http.ProblemBase.Length..]);
        }
    }
}
