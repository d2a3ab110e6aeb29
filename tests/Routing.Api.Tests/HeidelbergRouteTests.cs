using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Routing.Api.Tests;

/// <summary>Real routes on the Heidelberg graph. These need the engine (Router.Route).</summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class HeidelbergRouteTests(HeidelbergApi api)
{
    private const double FromLat = 49.4094, FromLon = 8.6934, ToLat = 49.4122, ToLon = 8.7101;

    private const string WheelchairBody =
        """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "via": [], "profile": "wheelchair", "constraints": {"max_kerb_cm": 3}, "language": "de"}""";

    private const string WheelchairQuery = "from=49.4094,8.6934&to=49.4122,8.7101&via=&profile=wheelchair&max_kerb_cm=3&language=de";

    private async Task<JsonElement> PostRoute(string body) => (await (await api.Client.PostJson("/v1/routes", body)).Json()).GetProperty("routes")[0];

    [Fact]
    public async Task A_wheelchair_route_has_distance_geometry_and_segments_from_the_start()
    {
        var route = await PostRoute(WheelchairBody);

        double distance = route.GetProperty("distance_m").GetDouble();
        Assert.InRange(distance, 1000, 4000);
        Assert.True(route.GetProperty("duration_s").GetDouble() > distance / 1.0);
        Assert.True(route.GetProperty("cost_s").GetDouble() >= route.GetProperty("duration_s").GetDouble() - 0.1);

        var geometry = route.GetProperty("geometry");
        Assert.Equal("LineString", geometry.GetProperty("type").GetString());
        var coordinates = geometry.GetProperty("coordinates").EnumerateArray().Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
        Assert.True(coordinates.Count >= 2);
        Assert.InRange(Http.DistanceM(FromLat, FromLon, coordinates[0].Lat, coordinates[0].Lon), 0, 50);
        Assert.InRange(Http.DistanceM(ToLat, ToLon, coordinates[^1].Lat, coordinates[^1].Lon), 0, 50);
        Assert.All(coordinates, c => Assert.Equal(Math.Round(c.Lon, 7), c.Lon));

        var bbox = route.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(4, bbox.Length);
        Assert.All(coordinates, c =>
        {
            Assert.InRange(c.Lon, bbox[0], bbox[2]);
            Assert.InRange(c.Lat, bbox[1], bbox[3]);
        });

        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        Assert.Equal(0, segments[0].GetProperty("first_point").GetInt32());
        Assert.Equal(coordinates.Count - 1, segments[^1].GetProperty("last_point").GetInt32());
        for (int i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].GetProperty("last_point").GetInt32(), segments[i].GetProperty("first_point").GetInt32());
        }
        Assert.InRange(segments.Sum(s => s.GetProperty("distance_m").GetDouble()), distance - (0.1 * segments.Count) - 0.1, distance + (0.1 * segments.Count) + 0.1);
        string[] evidence = ["tagged", "derived", "unknown"];
        Assert.All(segments, s =>
        {
            Assert.True(s.GetProperty("osm_way_id").GetInt64() > 0);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("highway").GetString()));
            Assert.Contains(s.GetProperty("surface").GetProperty("evidence").GetString(), evidence);
            Assert.Contains(s.GetProperty("width_cm").GetProperty("evidence").GetString(), evidence);
            Assert.Contains(s.GetProperty("incline_pct").GetProperty("evidence").GetString(), evidence);
            Assert.Equal(JsonValueKind.Array, s.GetProperty("unknown").ValueKind);
            Assert.False(s.GetProperty("steps").GetBoolean() && !s.GetProperty("ramp").GetBoolean(), "a wheelchair route takes steps");
            if (s.GetProperty("kerb_at_start").ValueKind == JsonValueKind.Object
                && s.GetProperty("kerb_at_start").GetProperty("height_cm").GetProperty("value") is { ValueKind: JsonValueKind.Number } height)
            {
                Assert.InRange(height.GetInt32(), 0, 3);
            }
        });

        var summary = route.GetProperty("summary");
        Assert.InRange(summary.GetProperty("unknown_share").GetDouble(), 0, 1);
        Assert.Equal("wheelchair", summary.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(3, summary.GetProperty("profile").GetProperty("max_kerb_cm").GetInt32());

        var instructions = route.GetProperty("instructions").EnumerateArray().ToList();
        Assert.Equal("depart", instructions[0].GetProperty("type").GetString());
        Assert.Equal("arrive", instructions[^1].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, route.GetProperty("warnings").ValueKind);
        Assert.Equal(2, route.GetProperty("waypoints").GetArrayLength());
    }

    [Fact]
    public async Task Constraints_are_applied_and_reported_in_the_summary()
    {
        var route = await PostRoute(
            """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "constraints": {"max_kerb_cm": 2, "min_width_cm": 100, "avoid_surfaces": ["gravel", "sett"], "unknown": "avoid"}}""");

        var profile = route.GetProperty("summary").GetProperty("profile");
        Assert.Equal("wheelchair", profile.GetProperty("name").GetString());
        Assert.Equal(2, profile.GetProperty("max_kerb_cm").GetInt32());
        Assert.Equal(100, profile.GetProperty("min_width_cm").GetInt32());
        Assert.Equal(["gravel", "sett"], profile.GetProperty("avoid_surfaces").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("avoid", profile.GetProperty("unknown").GetString());
        Assert.DoesNotContain(route.GetProperty("segments").EnumerateArray(), s => s.GetProperty("surface").GetProperty("value").GetString() == "sett");
    }

    [Fact]
    public async Task Get_and_post_give_the_same_route()
    {
        var post = await api.Client.PostJson("/v1/routes", WheelchairBody);
        var get = await api.Client.GetAsync("/v1/routes?" + WheelchairQuery);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(await post.Content.ReadAsStringAsync(), await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task German_and_English_instructions_differ_in_text_not_in_kind()
    {
        var german = await PostRoute(WheelchairBody);
        var english = await PostRoute(WheelchairBody.Replace("\"de\"", "\"en\"", StringComparison.Ordinal));

        var de = german.GetProperty("instructions").EnumerateArray().ToList();
        var en = english.GetProperty("instructions").EnumerateArray().ToList();
        Assert.Equal(en.Select(i => i.GetProperty("type").GetString()), de.Select(i => i.GetProperty("type").GetString()));
        Assert.All(de.Concat(en), i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("text").GetString())));
        Assert.Equal(en.Count, Enumerable.Range(0, en.Count).Count(i => de[i].GetProperty("text").GetString() != en[i].GetProperty("text").GetString()));
        Assert.Equal(german.GetProperty("distance_m").GetDouble(), english.GetProperty("distance_m").GetDouble());
    }

    [Fact]
    public async Task Geojson_is_a_feature_collection_of_segments_with_their_facts()
    {
        var json = await PostRoute(WheelchairBody);
        var response = await api.Client.GetAsync("/v1/routes?" + WheelchairQuery + "&format=geojson");

        var geo = await response.Json(mediaType: "application/geo+json");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var features = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("segments").GetArrayLength(), features.Count);
        for (int i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.True(feature.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() >= 2);
            var properties = feature.GetProperty("properties");
            Assert.Equal(i, properties.GetProperty("index").GetInt32());
            Assert.True(properties.GetProperty("osm_way_id").GetInt64() > 0);
            Assert.True(properties.GetProperty("surface").TryGetProperty("evidence", out _));
        }
        var first = features[0].GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.InRange(Http.DistanceM(FromLat, FromLon, first[1].GetDouble(), first[0].GetDouble()), 0, 50);
        var routeMember = geo.GetProperty("route");
        Assert.Equal(json.GetProperty("distance_m").GetDouble(), routeMember.GetProperty("distance_m").GetDouble());
        Assert.Equal(json.GetProperty("instructions").GetArrayLength(), routeMember.GetProperty("instructions").GetArrayLength());
        Assert.Equal(4, geo.GetProperty("bbox").GetArrayLength());
    }

    [Fact]
    public async Task Gpx_is_a_track_with_the_instructions_as_waypoints()
    {
        var json = await PostRoute(WheelchairBody);
        var response = await api.Client.PostJson("/v1/routes", WheelchairBody.Replace("\"language\"", "\"format\": \"gpx\", \"language\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gpx+xml", response.Content.Headers.ContentType?.MediaType);
        var gpx = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.topografix.com/GPX/1/1";
        Assert.Equal(ns + "gpx", gpx.Root!.Name);
        Assert.Equal("1.1", gpx.Root.Attribute("version")?.Value);
        var points = gpx.Root.Elements(ns + "trk").Single().Elements(ns + "trkseg").Single().Elements(ns + "trkpt").ToList();
        Assert.Equal(json.GetProperty("geometry").GetProperty("coordinates").GetArrayLength(), points.Count);
        double lat = double.Parse(points[0].Attribute("lat")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double lon = double.Parse(points[0].Attribute("lon")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Http.DistanceM(FromLat, FromLon, lat, lon), 0, 50);
        var waypoints = gpx.Root.Elements(ns + "wpt").ToList();
        Assert.Equal(json.GetProperty("instructions").GetArrayLength(), waypoints.Count);
        Assert.All(waypoints, w =>
        {
            Assert.False(string.IsNullOrWhiteSpace(w.Element(ns + "name")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(w.Element(ns + "desc")?.Value));
        });
        Assert.Equal(
            json.GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("text").GetString()),
            waypoints.Select(w => w.Element(ns + "name")!.Value));
    }

    [Fact]
    public async Task A_via_point_is_passed()
    {
        var route = await PostRoute(
            """{"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4122, "lon": 8.7101}, "via": [{"lat": 49.4105, "lon": 8.7050}]}""");

        Assert.Equal(3, route.GetProperty("waypoints").GetArrayLength());
        var coordinates = route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().ToList();
        Assert.Contains(coordinates, c => Http.DistanceM(49.4105, 8.7050, c[1].GetDouble(), c[0].GetDouble()) < 50);
    }

    [Fact]
    public async Task A_point_far_outside_heidelberg_is_422_point_outside_area()
    {
        var response = await api.Client.GetAsync("/v1/routes?from=52.52,13.405&to=49.4122,8.7101");

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "point-outside-area");
        Assert.Equal(0, problem.GetProperty("waypoint_index").GetInt32());
        Assert.Equal(52.52, problem.GetProperty("point").GetProperty("lat").GetDouble());
        Assert.Equal(4, problem.GetProperty("area_bbox").GetArrayLength());
    }
}
