using System.Net;
using System.Text.Json;

namespace Routing.Web.Tests;

/// <summary><c>GET /v1/places</c> on the Heidelberg extract: streets and named places, no outside geocoder.</summary>
[Collection(WebHostCollection.Name)]
public sealed class PlaceApiTests(WebHost host)
{
    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await host.Client.GetAsync($"/v1/places?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Stops_come_with_their_wheelchair_tag_as_geojson_points()
    {
        var answer = await SearchAsync("q=Bismarckplatz&limit=20");

        Assert.Equal("FeatureCollection", answer.GetProperty("type").GetString());
        var features = answer.GetProperty("features").EnumerateArray().ToList();
        Assert.All(features, f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
        var stops = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() is "stop" or "station").ToList();
        Assert.NotEmpty(stops);
        Assert.All(stops, s => Assert.Contains(s.GetProperty("properties").GetProperty("wheelchair").GetString(), new[] { "yes", "limited", "no", "unknown" }));
        Assert.Contains(stops, s => s.GetProperty("properties").GetProperty("wheelchair").GetString() == "limited");
    }

    [Fact]
    public async Task Streets_are_found_without_case_or_accents_and_the_nearest_first()
    {
        var answer = await SearchAsync("q=hauptstrasse&near=49.4115,8.7060");

        var first = answer.GetProperty("features")[0];
        Assert.Equal("Hauptstraße", first.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("street", first.GetProperty("properties").GetProperty("kind").GetString());
        double lon = first.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble();
        double lat = first.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble();
        Assert.InRange(lat, 49.40, 49.42);
        Assert.InRange(lon, 8.68, 8.72);
    }

    [Fact]
    public async Task Places_are_found_by_their_kind_nearest_first()
    {
        // The bundled extract has one set of toilets; stops show the rule on many places.
        var answer = await SearchAsync("q=haltestelle&near=49.4115,8.7060&limit=5");

        var features = answer.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count);
        Assert.All(features, f => Assert.Contains(f.GetProperty("properties").GetProperty("kind").GetString(), new[] { "stop", "station" }));
        double nearestLat = features[0].GetProperty("geometry").GetProperty("coordinates")[1].GetDouble();
        Assert.InRange(nearestLat, 49.40, 49.42);
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=Plöck&limit=500", "limit")]
    [InlineData("q=Plöck&near=north", "near")]
    public async Task Bad_searches_are_refused_naming_the_field(string query, string field)
    {
        var response = await host.Client.GetAsync($"/v1/places?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://routing.example/problems/invalid-request", problem.RootElement.GetProperty("type").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }
}
