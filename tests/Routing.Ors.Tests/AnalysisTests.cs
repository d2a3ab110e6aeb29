using System.Net;

namespace Routing.Ors.Tests;

/// <summary>ORS's isochrones and matrix: the same answers as our own /v1 analysis, in ORS's shape and numbering.</summary>
[Collection(OrsHostCollection.Name)]
public sealed class AnalysisTests(OrsHost host)
{
    [Fact]
    public async Task Isochrones_are_our_isochrones_in_ORS_shape()
    {
        var (status, body) = await host.Post("/ors/v2/isochrones/foot-walking",
            """{"locations": [[8.6934, 49.4094]], "range": [600], "interval": 300, "attributes": ["area"]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([300.0, 600.0], features.Select(f => f.GetProperty("properties").GetProperty("value").GetDouble()));
        Assert.All(features, f => Assert.Equal(0, f.GetProperty("properties").GetProperty("group_index").GetInt32()));
        Assert.True(features[1].GetProperty("properties").GetProperty("area").GetDouble() > features[0].GetProperty("properties").GetProperty("area").GetDouble());
        Assert.Equal(4, body.GetProperty("bbox").GetArrayLength());

        var (ownStatus, own) = await host.Post("/v1/isochrones", """{"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "foot", "ranges_s": [300, 600]}""");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        var ownAreas = own.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("area_m2").GetDouble());
        Assert.Equal(ownAreas, features.Select(f => f.GetProperty("properties").GetProperty("area").GetDouble()));
    }

    [Fact]
    public async Task The_matrix_agrees_with_directions_and_says_which_points_it_cannot_place()
    {
        var (status, body) = await host.Post("/ors/v2/matrix/wheelchair",
            """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122], [0.5, 0.5]], "sources": [0], "metrics": ["duration", "distance"]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var durations = body.GetProperty("durations")[0];
        Assert.Equal(0, durations[0].GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, durations[2].ValueKind);
        Assert.Equal("point-outside-area", body.GetProperty("destinations")[2].GetProperty("problem").GetString());

        var (_, directions) = await host.Post(Ors.Directions + "wheelchair", $$"""{"coordinates": {{Ors.OldTown}}}""");
        var summary = directions.GetProperty("routes")[0].GetProperty("summary");
        Assert.Equal(summary.GetProperty("duration").GetDouble(), durations[1].GetDouble(), 0.1);
        Assert.Equal(summary.GetProperty("distance").GetDouble(), body.GetProperty("distances")[0][1].GetDouble(), 0.1);
    }

    [Theory]
    [InlineData("isochrones/wheelchair", """{"range": [300]}""", 3001)]
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [99999]}""", 3004)]
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [600], "interval": 50}""", 3004)]
    // Billions of ranges by the interval: counted before they are made (was an OutOfMemoryException and 500).
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [600], "interval": 1e-300}""", 3004)]
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [300], "intersections": true}""", 3003)]
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [300], "colour": 1}""", 3011)]
    [InlineData("isochrones/driving-car", """{"locations": [[8.6934, 49.4094]], "range": [300]}""", 3003)]
    [InlineData("matrix/wheelchair", """{"locations": [[8.6934, 49.4094]]}""", 6003)]
    [InlineData("matrix/wheelchair", """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122]], "sources": [5]}""", 6003)]
    [InlineData("matrix/wheelchair", """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122]], "metrics": ["weight"]}""", 6003)]
    [InlineData("matrix/wheelchair", """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122]], "foo": 1}""", 6011)]
    [InlineData("matrix/wheelchair", "{not json", 6000)]
    // Beyond a double's range: was read as infinity and answered 500 when the request was echoed.
    [InlineData("matrix/wheelchair", """{"locations": [[1e309, 49.4094], [8.7101, 49.4122]], "metrics": ["distance"]}""", 6002)]
    [InlineData("isochrones/wheelchair", """{"locations": [[8.6934, 49.4094]], "range": [300], "smoothing": -1e400}""", 3002)]
    public async Task Analysis_errors_use_ORS_numbering_of_their_service(string path, string body, int code)
    {
        var (status, answer) = await host.Post("/ors/v2/" + path, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, Ors.ErrorCode(answer));
    }
}
