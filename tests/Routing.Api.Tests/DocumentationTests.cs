using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Routing.Api.Tests;

[Collection(FixtureApiCollection.Name)]
public sealed class DocumentationTests(FixtureApi api)
{
    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_with_summary_description_and_responses()
    {
        var doc = await (await api.Client.GetAsync("/openapi/v1.json")).Json();

        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        var expected = new[] { ("/v1/routes", "get"), ("/v1/routes", "post"), ("/v1/profiles", "get"), ("/v1/profiles/{name}", "get"), ("/health", "get") };
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{method} {path} has no description");
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{method} {path} documents no 200");
        }
        Assert.False(paths.TryGetProperty("/", out _));
    }

    [Fact]
    public async Task The_route_operations_document_formats_problems_and_examples()
    {
        var doc = await (await api.Client.GetAsync("/openapi/v1.json")).Json();
        var post = doc.GetProperty("paths").GetProperty("/v1/routes").GetProperty("post");

        var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal(49.4094, body.GetProperty("example").GetProperty("from").GetProperty("lat").GetDouble());
        var ok = post.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.TryGetProperty("application/json", out var json));
        Assert.True(json.TryGetProperty("example", out _));
        Assert.True(ok.TryGetProperty("application/geo+json", out _));
        Assert.True(ok.TryGetProperty("application/gpx+xml", out _));
        foreach (string status in new[] { "400", "422", "500" })
        {
            Assert.True(post.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
        string example422 = post.GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetRawText();
        Assert.Contains("\"blockers\"", example422, StringComparison.Ordinal);
        Assert.Contains("\"request_field\"", example422, StringComparison.Ordinal);

        var get = doc.GetProperty("paths").GetProperty("/v1/routes").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (string name in new[] { "from", "to", "via", "profile", "language", "format", "snap_radius_m", "max_kerb_cm", "avoid_surfaces", "steps", "unknown" })
        {
            Assert.Contains(name, parameters);
        }
    }

    [Fact]
    public async Task Schemas_use_snake_case()
    {
        string doc = await api.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"snap_radius_m\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"max_incline_up_pct\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"distance_m\"", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("\"snapRadiusM\"", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("\"distanceM\"", doc, StringComparison.Ordinal);
    }

    /// <summary>The answer's rounded numbers are written by a converter of their own, and documented as plain numbers in place.</summary>
    [Fact]
    public async Task Rounded_numbers_are_documented_as_numbers()
    {
        var schemas = (await (await api.Client.GetAsync("/openapi/v1.json")).Json()).GetProperty("components").GetProperty("schemas");

        Assert.False(schemas.TryGetProperty("DecimalNumber", out _));
        Assert.Equal("number", schemas.GetProperty("SegmentDto").GetProperty("properties").GetProperty("distance_m").GetProperty("type").GetString());
        Assert.Equal("number", schemas.GetProperty("LatLonDto").GetProperty("properties").GetProperty("lat").GetProperty("type").GetString());
        var inclineValue = schemas.GetProperty("InclineFact").GetProperty("properties").GetProperty("value").GetProperty("type");
        Assert.Equal(["null", "number"], inclineValue.EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        var ascent = schemas.GetProperty("RouteDto").GetProperty("properties").GetProperty("ascent_m");
        Assert.Contains("Total climb", ascent.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The segments are written by hand (<see cref="Routing.Api.Routes.SegmentList"/>) and documented as the array of segment objects they are.</summary>
    [Fact]
    public async Task Segments_are_documented_as_an_array_of_segment_objects()
    {
        var schemas = (await (await api.Client.GetAsync("/openapi/v1.json")).Json()).GetProperty("components").GetProperty("schemas");
        var segments = schemas.GetProperty("RouteDto").GetProperty("properties").GetProperty("segments");

        Assert.False(schemas.TryGetProperty("SegmentList", out _));
        Assert.Equal(["array", "null"], segments.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/SegmentDto", segments.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Contains("first_point", schemas.GetProperty("SegmentDto").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_reference_page_is_html()
    {
        var response = await api.Client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_root_is_the_map_and_the_reference_stays_at_scalar()
    {
        using var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/app/app.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
