using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Routing.Analysis.Http;
using Routing.Barriers.Http;
using Routing.Routes.Http;
using Routing.Barriers;
using Routing.Ors;

namespace Routing.Reliability.Tests;

/// <summary>The service on the fixture with an admin key exactly as long as a key may be.</summary>
public sealed class FixtureHost : IDisposable
{
    /// <summary>The longest key the service authenticates (longer ones are refused before any lookup).</summary>
    public static readonly string LongestKey = new('k', ApiKeyHasher.MaxKeyLength);

    public ServiceHost Host { get; } = ServiceHost.Fixture(new Dictionary<string, string?>
    {
        ["Barriers:ApiKeys:2:Key"] = LongestKey,
        ["Barriers:ApiKeys:2:Role"] = "admin",
    });

    public HttpClient Client => _client ??= Host.CreateClient();

    private HttpClient? _client;

    public void Dispose()
    {
        _client?.Dispose();
        Host.Dispose();
    }
}

/// <summary>
/// Every limit at its edge, by the constant that sets it: exactly at the limit the request is taken (answered: a
/// route, a report, or a routing answer such as no-route when a report the barrier cases made blocks the way), one
/// over it is refused with the right problem type and the field that broke it.
/// </summary>
public sealed class LimitEdgeTests(FixtureHost fixture) : IClassFixture<FixtureHost>
{
    private const string ProblemBase = "https://routing.example/problems/";

    /// <summary>On way 200 of the fixture (between nodes 1 and 2) and another point on its network.</summary>
    private const double Lat = 49.41, Lon = 8.69025, ToLat = 49.4115, ToLon = 8.6900;

    /// <summary>A request at <c>n</c>: <c>n</c> at the limit is taken, <c>n + 1</c> is refused naming <see cref="Field"/>.</summary>
    public sealed record Edge(string Path, int Limit, Func<int, string> Body, string Field, string? Key = null);

    private static readonly Dictionary<string, Edge> Edges = new(StringComparer.Ordinal)
    {
        ["route body bytes"] = new("/v1/routes", RouteBodyReader.MaxBodyBytes, n => Padded(Route(0), n), "body"),
        ["route via points"] = new("/v1/routes", RouteRequestValidator.MaxViaPoints, Route, "via"),
        ["barrier body bytes"] = new("/v1/barriers", BarrierBodyReader.MaxBodyBytes, n => Padded(Report(4, 0), n), "body", ServiceHost.PlannerKey),
        ["barrier polygon positions"] = new("/v1/barriers", BarrierLimits.MaxPositions, n => Report(n, 0), "location", ServiceHost.PlannerKey),
        ["barrier description characters"] = new("/v1/barriers", BarrierLimits.MaxDescriptionLength, n => Report(4, n), "description", ServiceHost.PlannerKey),
        ["matrix sources"] = new("/v1/matrix", AnalysisEndpoints.MaxMatrixSide, n => Matrix(n, 1), "sources"),
        ["matrix destinations"] = new("/v1/matrix", AnalysisEndpoints.MaxMatrixSide, n => Matrix(1, n), "destinations"),
        ["analysis body bytes"] = new("/v1/matrix", AnalysisEndpoints.MaxBodyBytes, n => Padded(Matrix(1, 1), n), "body"),
        ["isochrone origins"] = new("/v1/isochrones", AnalysisEndpoints.MaxOrigins, n => Isochrone(n, 1, 60), "origins"),
        ["isochrone ranges"] = new("/v1/isochrones", AnalysisEndpoints.MaxRanges, n => Isochrone(1, n, 60), "ranges_s"),
        ["isochrone seconds"] = new("/v1/isochrones", (int)AnalysisEndpoints.MaxRangeS, n => Isochrone(1, 1, n), "ranges_s[0]"),
    };

    public static TheoryData<string> Limits => [.. Edges.Keys];

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task At_the_limit_taken_one_over_refused_naming_the_field(string limit)
    {
        var edge = Edges[limit];

        using var at = await Post(edge.Path, edge.Body(edge.Limit), edge.Key);
        string atBody = await at.Content.ReadAsStringAsync();
        Assert.True(at.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity,
            $"{limit} at {edge.Limit}: {(int)at.StatusCode} {atBody}");

        using var over = await Post(edge.Path, edge.Body(edge.Limit + 1), edge.Key);
        string overBody = await over.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(overBody);
        if (edge.Field == "body")
        {
            // A body one byte too long is refused as too large (413), naming the limit, before it is parsed.
            Assert.True(over.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{limit} at {edge.Limit + 1}: {(int)over.StatusCode} {overBody}");
            Assert.Equal(ProblemBase + "body-too-large", problem.RootElement.GetProperty("type").GetString());
            Assert.Equal(edge.Limit, problem.RootElement.GetProperty("limit_bytes").GetInt32());
            return;
        }
        Assert.True(over.StatusCode == HttpStatusCode.BadRequest, $"{limit} at {edge.Limit + 1}: {(int)over.StatusCode} {overBody}");
        Assert.Equal(ProblemBase + "invalid-request", problem.RootElement.GetProperty("type").GetString());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(fields, f => f == edge.Field || f.StartsWith(edge.Field + ".", StringComparison.Ordinal) || f.StartsWith(edge.Field + "[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_as_long_as_a_key_may_be_works_and_one_character_more_is_an_invalid_key()
    {
        using var at = await Send(HttpMethod.Get, "/v1/admin/api-keys", null, FixtureHost.LongestKey);
        Assert.Equal(HttpStatusCode.OK, at.StatusCode);

        using var over = await Send(HttpMethod.Get, "/v1/admin/api-keys", null, FixtureHost.LongestKey + "k");
        Assert.Equal(HttpStatusCode.Unauthorized, over.StatusCode);
        using var problem = JsonDocument.Parse(await over.Content.ReadAsStringAsync());
        Assert.Equal(ProblemBase + "api-key-invalid", problem.RootElement.GetProperty("type").GetString());
    }

    /// <summary>
    /// The configured keys' edge: the fixture starts with a key of exactly <see cref="ApiKeyHasher.MaxKeyLength"/>
    /// (the test above uses it); one character more could never match a request, so the service refuses to start,
    /// naming the setting and the bounds.
    /// </summary>
    [Fact]
    public void A_configured_key_one_character_longer_than_a_key_may_be_stops_start_up_naming_the_setting()
    {
        using var host = ServiceHost.Fixture(new Dictionary<string, string?>
        {
            ["Barriers:ApiKeys:2:Key"] = FixtureHost.LongestKey + "k",
            ["Barriers:ApiKeys:2:Role"] = "admin",
        });

        Assert.ThrowsAny<Exception>(() => host.CreateClient());

        string message = Assert.Single(host.Errors, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical).Message;
        Assert.Contains($"Barriers:ApiKeys:2:Key is {ApiKeyHasher.MaxKeyLength + 1} characters long", message, StringComparison.Ordinal);
        Assert.Contains($"at most {ApiKeyHasher.MaxKeyLength}", message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> OrsEdges => new()
    {
        { "/ors/v2/directions/foot-walking", OrsRequestMapper.MaxCoordinates, "coordinates" },
        { "/ors/v2/isochrones/foot-walking", OrsAnalysis.MaxLocations, "locations" },
        { "/ors/v2/matrix/foot-walking", OrsAnalysis.MaxMatrixLocations, "locations" },
    };

    /// <summary>
    /// ORS's door answers in ORS's own errors: at the limit a route or "route not found" (x009, when a report blocks),
    /// one over it code x004 (limit exceeded) in the service's numbering.
    /// </summary>
    [Theory]
    [MemberData(nameof(OrsEdges))]
    public async Task Ors_takes_positions_up_to_its_limit_and_refuses_one_more_as_limit_exceeded(string path, int limit, string field)
    {
        string Body(int n) => $$"""{"{{field}}": [{{string.Join(", ", Enumerable.Range(0, n).Select(i => Position(i)))}}]{{(path.Contains("isochrones", StringComparison.Ordinal) ? ", \"range\": [60]" : "")}}}""";

        using var at = await Post(path, Body(limit), null);
        string atBody = await at.Content.ReadAsStringAsync();
        bool answered = at.StatusCode == HttpStatusCode.OK
            || (at.StatusCode == HttpStatusCode.NotFound && JsonDocument.Parse(atBody).RootElement.GetProperty("error").GetProperty("code").GetInt32() % 100 == 9);
        Assert.True(answered, $"{path} at {limit}: {(int)at.StatusCode} {atBody}");

        using var over = await Post(path, Body(limit + 1), null);
        string overBody = await over.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        using var error = JsonDocument.Parse(overBody);
        Assert.Equal(4, error.RootElement.GetProperty("error").GetProperty("code").GetInt32() % 100);
    }

    private static string Position(int i) => Invariant($"[{Lon + (i % 2 == 0 ? 0 : ToLon - Lon)}, {Lat + (i % 2 == 0 ? 0 : ToLat - Lat)}]");

    private static string Point(double lat, double lon) => Invariant($$"""{"lat": {{lat}}, "lon": {{lon}}}""");

    private static string Route(int via) =>
        $$"""{"from": {{Point(Lat, Lon)}}, "to": {{Point(ToLat, ToLon)}}, "via": [{{string.Join(", ", Enumerable.Repeat(Point(ToLat, ToLon), via))}}], "profile": "foot"}""";

    /// <summary>
    /// A polygon with <paramref name="positions"/> positions (the closing one included) around node 7 of the fixture,
    /// on the way north from node 6, inside the covered area.
    /// </summary>
    private static string Report(int positions, int descriptionLength)
    {
        var ring = Enumerable.Range(0, positions - 1)
            .Select(i => 2 * Math.PI * i / (positions - 1))
            .Select(angle => Invariant($"[{8.691 + 0.0002 * Math.Cos(angle)}, {49.4112 + 0.00015 * Math.Sin(angle)}]"))
            .ToList();
        ring.Add(ring[0]);
        return $$"""{"kind": "construction", "location": {"type": "Polygon", "coordinates": [[{{string.Join(", ", ring)}}]]}, "description": "{{new string('d', descriptionLength)}}"}""";
    }

    private static string Matrix(int sources, int destinations) =>
        $$"""{"sources": [{{string.Join(", ", Enumerable.Repeat(Point(Lat, Lon), sources))}}], "destinations": [{{string.Join(", ", Enumerable.Repeat(Point(ToLat, ToLon), destinations))}}], "profile": "foot"}""";

    private static string Isochrone(int origins, int ranges, int seconds) =>
        $$"""{"origins": [{{string.Join(", ", Enumerable.Repeat(Point(Lat, Lon), origins))}}], "profile": "foot", "ranges_s": [{{string.Join(", ", Enumerable.Range(0, ranges).Select(i => seconds - i))}}]}""";

    /// <summary><paramref name="json"/> followed by spaces up to exactly <paramref name="bytes"/> bytes: still the same request.</summary>
    private static string Padded(string json, int bytes)
    {
        int length = Encoding.UTF8.GetByteCount(json);
        Assert.True(length <= bytes, $"the request alone is {length} bytes");
        return json + new string(' ', bytes - length);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> Post(string path, string json, string? key) => Send(HttpMethod.Post, path, json, key);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? json, string? key)
    {
        using var message = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            message.Content = new StringContent(json, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        if (key is not null)
        {
            message.Headers.Add("X-Api-Key", key);
        }
        return await fixture.Client.SendAsync(message);
    }
}
