using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Routing.Routes.Http;

namespace Routing.Api.Tests;

/// <summary>
/// A client asks for less (<c>geometry</c>, <c>instructions</c>, <c>elevation</c>, <c>segments</c>) through the real
/// host on the Heidelberg graph with its terrain: what is not asked for is left out, the rest is the full answer's.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class RouteDetailTests(HeidelbergApi api)
{
    /// <summary>Bismarckplatz to Universitätsplatz: a route of about 1 km with many points on curved ways.</summary>
    private const string AcrossTown = "from=49.4094,8.6934&to=49.4106,8.7059&profile=wheelchair";

    /// <summary>Kornmarkt to the castle courtyard: refused for a manual wheelchair, with a least-violating route.</summary>
    private const string ToCastleCourtyard = "from=49.4105,8.7105&to=49.4106,8.7153&profile=wheelchair";

    [Fact]
    public async Task By_default_the_answer_is_whole()
    {
        var route = await api.Client.GetRoute(AcrossTown);

        foreach (string member in new[] { "geometry", "elevation_profile", "segments", "instructions", "warnings", "summary" })
        {
            Assert.True(route.TryGetProperty(member, out _), member);
        }
        Assert.Equal(3, route.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
    }

    [Fact]
    public async Task Geometry_none_leaves_out_the_line_and_the_elevation_profile_and_keeps_the_rest()
    {
        var full = await api.Client.GetRoute(AcrossTown);
        var route = await api.Client.GetRoute(AcrossTown + "&geometry=none");

        Assert.False(route.TryGetProperty("geometry", out _));
        Assert.False(route.TryGetProperty("elevation_profile", out _));
        Assert.Equal(full.GetProperty("distance_m").GetDouble(), route.GetProperty("distance_m").GetDouble());
        Assert.Equal(full.GetProperty("bbox").GetRawText(), route.GetProperty("bbox").GetRawText());
        Assert.Equal(full.GetProperty("segments").GetRawText(), route.GetProperty("segments").GetRawText());
        Assert.Equal(full.GetProperty("instructions").GetRawText(), route.GetProperty("instructions").GetRawText());
    }

    [Fact]
    public async Task Geometry_simplified_keeps_every_segment_end_and_strays_at_most_two_metres_from_the_full_line()
    {
        var full = await api.Client.GetRoute(AcrossTown);
        var route = await api.Client.GetRoute(AcrossTown + "&geometry=simplified");

        var fullPoints = Positions(full);
        var points = Positions(route);
        Assert.InRange(points.Count, 2, fullPoints.Count - 1);
        // Each kept position is a position of the full line, in the same order; the heights stay with their points.
        var kept = new List<int>();
        int next = 0;
        foreach (var point in points)
        {
            while (fullPoints[next] != point)
            {
                next++;
            }
            kept.Add(next);
        }
        Assert.Equal(0, kept[0]);
        Assert.Equal(fullPoints.Count - 1, kept[^1]);
        // Every segment still starts and ends where it did, now indexing the shorter line.
        var fullSegments = full.GetProperty("segments").EnumerateArray().ToList();
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(fullSegments.Count, segments.Count);
        for (int i = 0; i < segments.Count; i++)
        {
            Assert.Equal(fullSegments[i].GetProperty("first_point").GetInt32(), kept[segments[i].GetProperty("first_point").GetInt32()]);
            Assert.Equal(fullSegments[i].GetProperty("last_point").GetInt32(), kept[segments[i].GetProperty("last_point").GetInt32()]);
        }
        // No point left out lies further than the tolerance (and the rounding to 7 decimals) from the simplified line.
        for (int k = 0; k + 1 < kept.Count; k++)
        {
            var (a, b) = (fullPoints[kept[k]], fullPoints[kept[k + 1]]);
            for (int i = kept[k] + 1; i < kept[k + 1]; i++)
            {
                Assert.InRange(DistanceToSegmentM(fullPoints[i], a, b), 0, RouteLine.SimplifyToleranceM + 0.05);
            }
        }
        // One height per position, as in the full answer.
        Assert.Equal(points.Count, route.GetProperty("elevation_profile").GetArrayLength());
    }

    [Fact]
    public async Task Instructions_false_leaves_out_the_instructions_in_json_and_the_waypoints_in_gpx()
    {
        var route = await api.Client.GetRoute(AcrossTown + "&instructions=false");
        var gpx = await api.Client.GetGpx(AcrossTown + "&instructions=false");

        Assert.False(route.TryGetProperty("instructions", out _));
        Assert.True(route.GetProperty("segments").GetArrayLength() > 0);
        XNamespace ns = GpxWriter.Namespace;
        Assert.Empty(gpx.Descendants(ns + "wpt"));
        Assert.NotEmpty(gpx.Descendants(ns + "trkpt"));
    }

    [Fact]
    public async Task Elevation_false_leaves_out_the_heights_but_keeps_the_climb()
    {
        var full = await api.Client.GetRoute(AcrossTown);
        var route = await api.Client.GetRoute(AcrossTown + "&elevation=false");
        var geo = await (await api.Client.GetAsync("/v1/routes?" + AcrossTown + "&elevation=false&format=geojson")).Json(mediaType: "application/geo+json");
        var gpx = await api.Client.GetGpx(AcrossTown + "&elevation=false");

        Assert.False(route.TryGetProperty("elevation_profile", out _));
        Assert.All(route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray(), p => Assert.Equal(2, p.GetArrayLength()));
        Assert.Equal(full.GetProperty("ascent_m").GetDouble(), route.GetProperty("ascent_m").GetDouble());
        Assert.False(geo.GetProperty("route").TryGetProperty("elevation_profile", out _));
        Assert.All(geo.GetProperty("features").EnumerateArray(),
            f => Assert.All(f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray(), p => Assert.Equal(2, p.GetArrayLength())));
        XNamespace ns = GpxWriter.Namespace;
        Assert.Empty(gpx.Descendants(ns + "ele"));
    }

    [Fact]
    public async Task Segments_false_leaves_out_the_segments()
    {
        var route = await api.Client.GetRoute(AcrossTown + "&segments=false");

        Assert.False(route.TryGetProperty("segments", out _));
        Assert.True(route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 2);
        Assert.True(route.GetProperty("summary").GetProperty("unknown_share").GetDouble() >= 0);
    }

    [Fact]
    public async Task Post_takes_the_same_options_as_get()
    {
        var get = await api.Client.GetRoute(AcrossTown + "&geometry=simplified&instructions=false&elevation=false&segments=false");
        var post = (await (await api.Client.PostJson("/v1/routes", """
            {"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4106, "lon": 8.7059}, "profile": "wheelchair",
             "geometry": "simplified", "instructions": false, "elevation": false, "segments": false}
            """)).Json()).GetProperty("routes")[0];

        Assert.Equal(get.GetRawText(), post.GetRawText());
        Assert.False(post.TryGetProperty("instructions", out _));
    }

    [Fact]
    public async Task A_refusal_writes_its_least_violating_route_with_the_detail_asked_for()
    {
        var response = await api.Client.GetAsync("/v1/routes?" + ToCastleCourtyard + "&geometry=none&instructions=false");

        var leastBad = (await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route")).GetProperty("least_violating_route");
        Assert.False(leastBad.TryGetProperty("geometry", out _));
        Assert.False(leastBad.TryGetProperty("instructions", out _));
        Assert.True(leastBad.GetProperty("segments").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("geometry=curvy", "geometry")]
    [InlineData("instructions=yes", "instructions")]
    [InlineData("elevation=0", "elevation")]
    [InlineData("segments=maybe", "segments")]
    [InlineData("geometry=none&format=geojson", "geometry")]
    [InlineData("geometry=none&format=gpx", "geometry")]
    [InlineData("segments=false&format=geojson", "segments")]
    public async Task An_unknown_or_impossible_value_is_400_naming_the_field(string parameters, string field)
    {
        var response = await api.Client.GetAsync("/v1/routes?" + AcrossTown + "&" + parameters);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task A_body_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var response = await api.Client.PostJson("/v1/routes", """
            {"from": {"lat": 49.4094, "lon": 8.6934}, "to": {"lat": 49.4106, "lon": 8.7059}, "instructions": "no"}
            """);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["instructions"], problem.ErrorFields());
        Assert.Equal("must be true or false", problem.GetProperty("errors").GetProperty("instructions")[0].GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_options_with_their_defaults()
    {
        var document = await (await api.Client.GetAsync("/openapi/v1.json")).Json();

        var get = document.GetProperty("paths").GetProperty("/v1/routes").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("description").GetString()!);
        Assert.Contains("full (default", parameters["geometry"], StringComparison.Ordinal);
        Assert.Contains("true (default)", parameters["instructions"], StringComparison.Ordinal);
        Assert.Contains("true (default)", parameters["elevation"], StringComparison.Ordinal);
        Assert.Contains("true (default)", parameters["segments"], StringComparison.Ordinal);
        var body = document.GetProperty("components").GetProperty("schemas").GetProperty("RouteRequestBody").GetProperty("properties");
        foreach (string member in new[] { "geometry", "instructions", "elevation", "segments" })
        {
            Assert.True(body.TryGetProperty(member, out _), member);
        }
    }

    private static List<(double Lon, double Lat)> Positions(JsonElement route) =>
        [.. route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))];

    /// <summary>Distance from p to the segment a-b on a local plane, metres.</summary>
    private static double DistanceToSegmentM((double Lon, double Lat) p, (double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        double metresPerLon = 111_195 * Math.Cos(a.Lat * Math.PI / 180), metresPerLat = 111_195;
        double px = (p.Lon - a.Lon) * metresPerLon, py = (p.Lat - a.Lat) * metresPerLat;
        double bx = (b.Lon - a.Lon) * metresPerLon, by = (b.Lat - a.Lat) * metresPerLat;
        double lengthSquared = (bx * bx) + (by * by);
        double t = lengthSquared > 0 ? Math.Clamp(((px * bx) + (py * by)) / lengthSquared, 0, 1) : 0;
        double dx = px - (t * bx), dy = py - (t * by);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
