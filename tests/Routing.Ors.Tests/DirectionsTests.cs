using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Routing.Ors.Tests;

/// <summary>ORS's documented requests replayed; the answers checked for ORS's shape and for agreeing with our own API.</summary>
[Collection(OrsHostCollection.Name)]
public sealed class DirectionsTests(OrsHost host)
{
    private static readonly int[] StepTypes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

    [Fact]
    public async Task ORS_wheelchair_example_answers_in_ORS_shape_with_a_3D_polyline()
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair/json",
            $$"""{"coordinates": {{Ors.OldTown}}, "elevation": true, "language": "de", "id": "wheelchair-example", "extra_info": ["osmid", "surface", "smoothness", "steepness", "waytype", "suitability", "traildifficulty"], "options": {{Ors.WheelchairOptions}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var route = Assert.Single(body.GetProperty("routes").EnumerateArray());
        var summary = route.GetProperty("summary");
        double distance = summary.GetProperty("distance").GetDouble();
        Assert.InRange(distance, 1000, 4000);
        Assert.True(summary.GetProperty("duration").GetDouble() > 0);
        Assert.True(summary.GetProperty("ascent").GetDouble() >= 0);

        var positions = Polyline.Decode(route.GetProperty("geometry").GetString()!, withElevation: true);
        Assert.All(positions, p => Assert.InRange(p[2], 90, 600));
        var bbox = route.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(6, bbox.Length); // [min lon, min lat, min ele, max lon, max lat, max ele]
        Assert.All(positions, p =>
        {
            Assert.InRange(p[0], bbox[0] - 1e-5, bbox[3] + 1e-5);
            Assert.InRange(p[1], bbox[1] - 1e-5, bbox[4] + 1e-5);
        });
        var wayPoints = route.GetProperty("way_points").EnumerateArray().Select(w => w.GetInt32()).ToArray();
        Assert.Equal([0, positions.Count - 1], wayPoints);

        var segment = Assert.Single(route.GetProperty("segments").EnumerateArray());
        Assert.Equal(distance, segment.GetProperty("distance").GetDouble(), 0.5);
        var steps = segment.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(11, steps[0].GetProperty("type").GetInt32());
        Assert.Equal(10, steps[^1].GetProperty("type").GetInt32());
        Assert.All(steps, s => Assert.Contains(s.GetProperty("type").GetInt32(), StepTypes));
        Assert.Contains(steps, s => s.GetProperty("instruction").GetString()!.Contains("Sie", StringComparison.Ordinal));
        Assert.Equal(distance, steps.Sum(s => s.GetProperty("distance").GetDouble()), 1.0);
        for (int i = 1; i < steps.Count; i++)
        {
            Assert.Equal(steps[i - 1].GetProperty("way_points")[1].GetInt32(), steps[i].GetProperty("way_points")[0].GetInt32());
        }

        var extras = route.GetProperty("extras");
        foreach (string key in new[] { "osmId", "surface", "smoothness", "steepness", "waytypes", "suitability", "traildifficulty" })
        {
            var extra = extras.GetProperty(key);
            var runs = extra.GetProperty("values").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToList();
            Assert.Equal(0, runs[0][0]);
            Assert.Equal(positions.Count - 1, runs[^1][1]);
            Assert.Equal(100, extra.GetProperty("summary").EnumerateArray().Sum(s => s.GetProperty("amount").GetDouble()), 0.1);
        }
        Assert.All(extras.GetProperty("steepness").GetProperty("values").EnumerateArray(), v => Assert.InRange(v[2].GetInt32(), -5, 5));
        Assert.All(extras.GetProperty("suitability").GetProperty("values").EnumerateArray(), v => Assert.InRange(v[2].GetInt32(), 1, 10));
        Assert.DoesNotContain(extras.GetProperty("waytypes").GetProperty("values").EnumerateArray(), v => v[2].GetInt32() == 8);

        var metadata = body.GetProperty("metadata");
        Assert.Equal("wheelchair-example", metadata.GetProperty("id").GetString());
        Assert.Equal("wheelchair", metadata.GetProperty("query").GetProperty("profile").GetString());
        Assert.Contains("OpenStreetMap", metadata.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        Assert.True(metadata.GetProperty("engine").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task ORS_foot_example_is_our_foot_route_and_says_what_it_cannot_weigh()
    {
        var (status, body) = await host.Post(Ors.Directions + "foot-walking",
            $$"""{"coordinates": {{Ors.OldTown}}, "options": {{Ors.FootOptions}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var route = body.GetProperty("routes")[0];
        Assert.Contains(route.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetInt32() == 100
            && w.GetProperty("message").GetString()!.Contains("weightings", StringComparison.Ordinal));

        // Decoding the polyline gives our own API's geometry for the same route (at the polyline's 1e-5 degrees).
        var (ownStatus, own) = await host.Get("/v1/routes?from=49.4094,8.6934&to=49.4122,8.7101&profile=foot");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        var expected = Ors.Positions(own.GetProperty("routes")[0].GetProperty("geometry").GetProperty("coordinates")).ToList();
        var decoded = Polyline.Decode(route.GetProperty("geometry").GetString()!, withElevation: false);
        Assert.Equal(expected.Count, decoded.Count);
        for (int i = 0; i < decoded.Count; i++)
        {
            Assert.Equal(expected[i][0], decoded[i][0], 0.000006);
            Assert.Equal(expected[i][1], decoded[i][1], 0.000006);
        }
        Assert.Equal(own.GetProperty("routes")[0].GetProperty("distance_m").GetDouble(), route.GetProperty("summary").GetProperty("distance").GetDouble(), 0.1);
    }

    [Fact]
    public async Task Via_points_make_one_segment_per_leg_and_units_apply_to_every_distance()
    {
        var (status, body) = await host.Post(Ors.Directions + "foot-walking",
            """{"coordinates": [[8.6934, 49.4094], [8.7005, 49.4110], [8.7101, 49.4122]], "units": "km", "instructions": true}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var route = body.GetProperty("routes")[0];
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(2, segments.Count);
        var wayPoints = route.GetProperty("way_points").EnumerateArray().Select(w => w.GetInt32()).ToArray();
        Assert.Equal(3, wayPoints.Length);
        Assert.True(wayPoints[0] < wayPoints[1] && wayPoints[1] < wayPoints[2]);
        Assert.Equal(10, segments[0].GetProperty("steps").EnumerateArray().Last().GetProperty("type").GetInt32());
        double km = route.GetProperty("summary").GetProperty("distance").GetDouble();
        Assert.InRange(km, 1, 4);
        Assert.Equal(km, segments.Sum(s => s.GetProperty("distance").GetDouble()), 0.01);
    }

    [Fact]
    public async Task A_route_to_its_own_start_is_a_line_of_two_positions()
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair",
            """{"coordinates": [[8.6934, 49.4094], [8.6934, 49.4094]], "elevation": true, "extra_info": ["steepness"]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var route = body.GetProperty("routes")[0];
        Assert.Equal(0, route.GetProperty("summary").GetProperty("distance").GetDouble());
        Assert.Equal(2, Polyline.Decode(route.GetProperty("geometry").GetString()!, withElevation: true).Count);
        Assert.Equal([0, 1], route.GetProperty("way_points").EnumerateArray().Select(w => w.GetInt32()));
    }

    [Theory]
    [InlineData("ua", "uk")] // ORS names Ukrainian "ua", not ISO's "uk"
    [InlineData("de", "de")]
    public async Task ORS_language_codes_choose_our_translation(string orsCode, string ourCode)
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair", $$"""{"coordinates": {{Ors.OldTown}}, "language": "{{orsCode}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var route = body.GetProperty("routes")[0];
        Assert.False(route.TryGetProperty("warnings", out var warnings) && warnings.EnumerateArray().Any(w => w.GetProperty("code").GetInt32() == 100),
            "no fallback-to-English warning");
        string arrive = Routing.Texts.Translations.Of(ourCode).Get("route.arrive");
        string last = route.GetProperty("segments").EnumerateArray().Last().GetProperty("steps").EnumerateArray().Last().GetProperty("instruction").GetString()!;
        Assert.StartsWith(arrive.Split('{')[0].Trim(), last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_ORS_languages_fall_back_to_English_and_optional_parts_can_be_left_out()
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair",
            $$"""{"coordinates": {{Ors.OldTown}}, "language": "nl", "radiuses": [-1, 30], "preference": "shortest", "instructions": false, "geometry": false}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var route = body.GetProperty("routes")[0];
        Assert.False(route.TryGetProperty("segments", out _));
        Assert.False(route.TryGetProperty("geometry", out _));
        Assert.Contains(route.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetInt32() == 100
            && w.GetProperty("message").GetString()!.Contains("'nl'", StringComparison.Ordinal));

        // A body without Content-Type is refused (a web page can send one to any site without asking it first), in ORS's format.
        using var unlabelled = await host.Client.PostAsync(Ors.Directions + "wheelchair", new ByteArrayContent("{}"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unlabelled.StatusCode);
        using var error = JsonDocument.Parse(await unlabelled.Content.ReadAsStringAsync());
        Assert.Equal(2000, Ors.ErrorCode(error.RootElement));
    }

    [Fact]
    public async Task GET_answers_GeoJSON_and_geojson_and_gpx_carry_the_same_route()
    {
        using var get = await host.Client.GetAsync(Ors.Directions + "wheelchair?start=8.6934,49.4094&end=8.7101,49.4122&api_key=ignored");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/geo+json", get.Content.Headers.ContentType?.MediaType);
        using var geoJson = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        var feature = geoJson.RootElement.GetProperty("features")[0];
        Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = Ors.Positions(feature.GetProperty("geometry").GetProperty("coordinates")).ToList();

        var (_, json) = await host.Post(Ors.Directions + "wheelchair", $$"""{"coordinates": {{Ors.OldTown}}}""");
        var decoded = Polyline.Decode(json.GetProperty("routes")[0].GetProperty("geometry").GetString()!, withElevation: false);
        Assert.Equal(coordinates.Count, decoded.Count);
        Assert.Equal(feature.GetProperty("properties").GetProperty("summary").GetProperty("distance").GetDouble(),
            json.GetProperty("routes")[0].GetProperty("summary").GetProperty("distance").GetDouble());

        using var gpx = await host.Client.PostAsync(Ors.Directions + "wheelchair/gpx",
            new StringContent($$"""{"coordinates": {{Ors.OldTown}}, "elevation": true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("application/gpx+xml", gpx.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await gpx.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.topografix.com/GPX/1/1";
        var points = document.Descendants(ns + "rtept").ToList();
        Assert.Equal(coordinates.Count, points.Count);
        Assert.All(points, p => Assert.NotNull(p.Element(ns + "ele")));
    }

    [Fact]
    public async Task The_OpenAPI_document_has_the_ORS_group_with_examples()
    {
        var (status, document) = await host.Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var post = document.GetProperty("paths").GetProperty("/ors/v2/directions/{profile}").GetProperty("post");
        Assert.Equal("openrouteservice-compatible", post.GetProperty("tags")[0].GetString());
        Assert.True(post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.True(post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.True(post.GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
    }
}
