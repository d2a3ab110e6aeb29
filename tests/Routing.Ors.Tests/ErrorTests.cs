using System.Net;

namespace Routing.Ors.Tests;

/// <summary>ORS's error shape, codes and statuses for what can go wrong.</summary>
[Collection(OrsHostCollection.Name)]
public sealed class ErrorTests(OrsHost host)
{
    private const string Coordinates = "\"coordinates\": " + Ors.OldTown;

    public static TheoryData<string, string, int, HttpStatusCode, string> Cases => new()
    {
        { "driving-car", "{" + Coordinates + "}", 2003, HttpStatusCode.BadRequest, "profile" },
        { "wheelchair", "{bad json", 2000, HttpStatusCode.BadRequest, "parse" },
        { "wheelchair", "[]", 2000, HttpStatusCode.BadRequest, "object" },
        { "wheelchair", "{}", 2001, HttpStatusCode.BadRequest, "coordinates" },
        { "wheelchair", """{"coordinates": "here"}""", 2002, HttpStatusCode.BadRequest, "[lon, lat]" },
        { "wheelchair", """{"coordinates": [[8.69, 49.40]]}""", 2003, HttpStatusCode.BadRequest, "at least 2" },
        { "wheelchair", """{"coordinates": [[49.4094, 8.6934], [49.4122, 98.7101]]}""", 2003, HttpStatusCode.BadRequest, "lon" },
        { "wheelchair", "{" + Coordinates + """, "units": "yd"}""", 2003, HttpStatusCode.BadRequest, "units" },
        { "wheelchair", "{" + Coordinates + """, "language": "xx"}""", 2003, HttpStatusCode.BadRequest, "language" },
        { "wheelchair", "{" + Coordinates + """, "extra_info": ["tollways"]}""", 2003, HttpStatusCode.BadRequest, "extra_info" },
        { "wheelchair", "{" + Coordinates + """, "radiuses": [50]}""", 2003, HttpStatusCode.BadRequest, "radiuses" },
        { "wheelchair", "{" + Coordinates + """, "radiuses": [50, 5000]}""", 2004, HttpStatusCode.BadRequest, "radiuses" },
        { "wheelchair", "{" + Coordinates + """, "alternative_routes": {"target_count": 2}}""", 2003, HttpStatusCode.BadRequest, "alternative_routes" },
        { "wheelchair", "{" + Coordinates + """, "colour": "red"}""", 2012, HttpStatusCode.BadRequest, "colour" },
        { "wheelchair", "{" + Coordinates + """, "options": {"avoid_features": ["highways"]}}""", 2003, HttpStatusCode.BadRequest, "avoid_features" },
        { "wheelchair", "{" + Coordinates + """, "options": {"profile_params": {"restrictions": {"weight": 3}}}}""", 2003, HttpStatusCode.BadRequest, "driving-hgv" },
        { "wheelchair", "{" + Coordinates + """, "options": {"profile_params": {"restrictions": {"surface_type": "marble"}}}}""", 2003, HttpStatusCode.BadRequest, "cobblestone:flattened" },
        { "wheelchair", "{" + Coordinates + """, "options": {"profile_params": {"restrictions": {"maximum_incline": "steep"}}}}""", 2003, HttpStatusCode.BadRequest, "any" },
        { "wheelchair", "{" + Coordinates + """, "options": {"profile_params": {"restrictions": {"maximum_sloped_kerb": 0.9}}}}""", 2003, HttpStatusCode.BadRequest, "maximum_sloped_kerb" },
        { "foot-walking", "{" + Coordinates + """, "options": {"profile_params": {"restrictions": {"maximum_incline": 6}}}}""", 2011, HttpStatusCode.BadRequest, "wheelchair" },
        { "wheelchair", "{" + Coordinates + """, "options": {"avoid_polygons": {"type": "Point", "coordinates": [8.7, 49.4]}}}""", 2003, HttpStatusCode.BadRequest, "Polygon" },
        { "wheelchair", "{" + Coordinates + """, "options": {"avoid_polygons": {"type": "Polygon", "coordinates": [[[8.70, 49.41], [8.71, 49.41], [8.71, 49.42], [8.70, 49.41]], [[8.701, 49.411], [8.702, 49.411], [8.702, 49.412], [8.701, 49.411]]]}}}""", 2003, HttpStatusCode.BadRequest, "holes" },
        // Read by the same reader as a barrier report's area: a ring that crosses itself encloses no area.
        { "wheelchair", "{" + Coordinates + """, "options": {"avoid_polygons": {"type": "Polygon", "coordinates": [[[8.70, 49.41], [8.71, 49.42], [8.71, 49.41], [8.70, 49.42], [8.70, 49.41]]]}}}""", 2003, HttpStatusCode.BadRequest, "coordinates[0]' is not a valid area" },
        { "wheelchair", """{"coordinates": [[8.6934, 49.4094], [0.5, 0.5]]}""", 2010, HttpStatusCode.NotFound, "coordinate 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_requests_get_ORS_codes_statuses_and_a_message_that_says_what_to_change(string profile, string body, int code, HttpStatusCode status, string mentions)
    {
        var (actualStatus, answer) = await host.Post(Ors.Directions + profile, body);
        Assert.Equal(status, actualStatus);
        Assert.Equal(code, Ors.ErrorCode(answer));
        Assert.Contains(mentions, answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("info").TryGetProperty("timestamp", out _));
        Assert.DoesNotContain("System.", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_and_unknown_GET_parameters_are_ORS_errors()
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair/kml", "{" + Coordinates + "}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2007, Ors.ErrorCode(body));

        (status, body) = await host.Get(Ors.Directions + "wheelchair?start=8.6934,49.4094&end=8.7101,49.4122&profile=x");
        Assert.Equal(2012, Ors.ErrorCode(body));
        (status, body) = await host.Get(Ors.Directions + "wheelchair?start=8.6934,49.4094");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2001, Ors.ErrorCode(body));
    }

    [Fact]
    public async Task No_route_is_2009_with_our_blockers_and_the_least_violating_route()
    {
        // Kornmarkt up to the castle courtyard: cobblestone and steep ramps on every way up.
        var (status, body) = await host.Post(Ors.Directions + "wheelchair",
            """{"coordinates": [[8.7092, 49.4108], [8.7155, 49.4106]], "options": {"profile_params": {"restrictions": {"maximum_incline": 3}}}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(2009, Ors.ErrorCode(body));
        var blockers = body.GetProperty("blockers").EnumerateArray().ToList();
        Assert.NotEmpty(blockers);
        Assert.All(blockers, b => Assert.Equal(2, b.GetProperty("location").GetArrayLength()));
        Assert.Contains(blockers, b => b.TryGetProperty("request_parameter", out var parameter)
            && parameter.GetString()!.StartsWith("options.profile_params.restrictions.", StringComparison.Ordinal));
        var least = body.GetProperty("least_violating_route");
        Assert.NotEmpty(least.GetProperty("violations").EnumerateArray());
        Assert.NotEmpty(Polyline.Decode(least.GetProperty("geometry").GetString()!, withElevation: false));
    }

    [Fact]
    public async Task A_route_blocked_by_an_avoided_polygon_names_the_polygon()
    {
        var (status, body) = await host.Post(Ors.Directions + "wheelchair",
            "{" + Coordinates + """, "options": {"avoid_polygons": {"type": "MultiPolygon", "coordinates": [[[[8.70, 49.40], [8.701, 49.40], [8.701, 49.401], [8.70, 49.40]]], [[[8.68, 49.40], [8.73, 49.40], [8.73, 49.42], [8.68, 49.42], [8.68, 49.40]]]]}}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(2009, Ors.ErrorCode(body));
        Assert.Contains(body.GetProperty("blockers").EnumerateArray(), b =>
            b.TryGetProperty("avoid_polygon", out var polygon) && polygon.GetInt32() == 1
            && b.GetProperty("request_parameter").GetString() == "options.avoid_polygons");
    }
}
