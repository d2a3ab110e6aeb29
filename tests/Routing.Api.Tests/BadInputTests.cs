using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Routing.TestSupport;

namespace Routing.Api.Tests;

/// <summary>
/// Every malformed or out-of-range request is a 400 problem with a stable type and the field at fault, and is refused
/// before the engine runs.
/// </summary>
[Collection(FixtureApiCollection.Name)]
public sealed class BadInputTests(FixtureApi api)
{
    private const string From = """{"lat": 49.4100, "lon": 8.6900}""";
    private const string To = """{"lat": 49.4115, "lon": 8.6920}""";

    private static string Body(string extra = "", string from = From, string to = To) =>
        $$"""{"from": {{from}}, "to": {{to}}{{(extra.Length > 0 ? ", " + extra : "")}}}""";

    private static string ManyVia(int count) =>
        "\"via\": [" + string.Join(", ", Enumerable.Repeat("""{"lat": 49.41, "lon": 8.69}""", count)) + "]";

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{", "body" },
        { "", "body" },
        { "   ", "body" },
        { "null", "body" },
        { "[]", "body" },
        { "42", "body" },
        { """{"from": {"lat": NaN, "lon": 8.69}}""", "body" },
        { Body(from: """{"lat": "north", "lon": 8.69}"""), "from.lat" },
        { Body(from: """{"lat": "NaN", "lon": 8.69}"""), "from.lat" },
        { Body(from: """{"lat": true, "lon": 8.69}"""), "from.lat" },
        { Body(from: "[49.41, 8.69]"), "from" },
        { Body(from: "\"49.41,8.69\""), "from" },
        { """{"to": {"lat": 49.41, "lon": 8.69}}""", "from" },
        { """{"from": {"lat": 49.41, "lon": 8.69}}""", "to" },
        { """{"from": null, "to": {"lat": 49.41, "lon": 8.69}}""", "from" },
        { "{}", "from" },
        { Body(from: """{"lon": 8.69}"""), "from.lat" },
        { Body(from: """{"lat": 91, "lon": 8.69}"""), "from.lat" },
        { Body(from: """{"lat": -90.5, "lon": 8.69}"""), "from.lat" },
        { Body(to: """{"lat": 49.41, "lon": 180.01}"""), "to.lon" },
        { Body(from: """{"lat": 1e400, "lon": 8.69}"""), "from.lat" },
        { Body(ManyVia(26)), "via" },
        { Body("""  "via": [{"lat": 100, "lon": 8.69}]"""), "via[0].lat" },
        { Body("""  "via": [null]"""), "via[0]" },
        { Body("""  "via": {}"""), "via" },
        { Body("""  "via": [42]"""), "via[0]" },
        { Body("""  "constraints": {"max_kerb_cm": 80}"""), "constraints.max_kerb_cm" },
        { Body("""  "constraints": {"max_kerb_cm": -1}"""), "constraints.max_kerb_cm" },
        { Body("""  "constraints": {"max_kerb_cm": "high"}"""), "constraints.max_kerb_cm" },
        { Body("""  "constraints": {"max_kerb_cm": 2.5}"""), "constraints.max_kerb_cm" },
        { Body("""  "constraints": {"max_incline_up_pct": 0}"""), "constraints.max_incline_up_pct" },
        { Body("""  "constraints": {"max_incline_down_pct": 150}"""), "constraints.max_incline_down_pct" },
        { Body("""  "constraints": {"min_width_cm": 501}"""), "constraints.min_width_cm" },
        { Body("""  "constraints": {"avoid_surfaces": ["lava"]}"""), "constraints.avoid_surfaces" },
        { Body("""  "constraints": {"avoid_surfaces": [null]}"""), "constraints.avoid_surfaces" },
        { Body("""  "constraints": {"avoid_surfaces": "gravel"}"""), "constraints.avoid_surfaces" },
        { Body("""  "constraints": {"avoid_surfaces": [1]}"""), "constraints.avoid_surfaces[0]" },
        { Body("""  "constraints": {"min_smoothness": "silky"}"""), "constraints.min_smoothness" },
        { Body("""  "constraints": {"steps": "sometimes"}"""), "constraints.steps" },
        { Body("""  "constraints": {"steps": 1}"""), "constraints.steps" },
        { Body("""  "constraints": {"unknown": "ignore"}"""), "constraints.unknown" },
        { Body("""  "constraints": {"derived_incline": "sometimes"}"""), "constraints.derived_incline" },
        { Body("""  "constraints": {"speed_mps": 0}"""), "constraints.speed_mps" },
        { Body("""  "constraints": {"speed_mps": 9}"""), "constraints.speed_mps" },
        { Body("""  "constraints": {"max_kerb": 3}"""), "constraints.max_kerb" },
        { Body("""  "constraints": [3]"""), "constraints" },
        { Body("""  "language": "xx" """), "language" },
        { Body("""  "language": 7"""), "language" },
        { Body("""  "format": "kml" """), "format" },
        { Body("""  "snap_radius_m": 0"""), "snap_radius_m" },
        { Body("""  "snap_radius_m": 1000.5"""), "snap_radius_m" },
        { Body("""  "snap_radius_m": "far" """), "snap_radius_m" },
        { Body("""  "colour": "red" """), "colour" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_400_invalid_request_naming_the_field(string body, string field)
    {
        var response = await api.Client.PostJson("/v1/routes", body);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains(field, problem.ErrorFields());
        Assert.All(problem.GetProperty("errors").EnumerateObject(), e => Assert.NotEqual(0, e.Value.GetArrayLength()));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "", "from" },
        { "from=49.41,8.69", "to" },
        { "from=abc&to=49.41,8.69", "from" },
        { "from=49.41&to=49.41,8.69", "from" },
        { "from=49.41,8.69,3&to=49.41,8.69", "from" },
        { "from=49,41;8,69&to=49.41,8.69", "from" },
        { "from=NaN,8.69&to=49.41,8.69", "from" },
        { "from=91,8.69&to=49.41,8.69", "from.lat" },
        { "from=49.41,8.69&to=49.41,-181", "to.lon" },
        { "from=49.41,8.69&to=49.41,8.69&via=49.41,8.69;x", "via[1]" },
        { "from=49.41,8.69&to=49.41,8.69&via=" + string.Join(";", Enumerable.Repeat("49.41,8.69", 26)), "via" },
        { "from=49.41,8.69&to=49.41,8.69&max_kerb_cm=abc", "max_kerb_cm" },
        { "from=49.41,8.69&to=49.41,8.69&max_kerb_cm=80", "max_kerb_cm" },
        { "from=49.41,8.69&to=49.41,8.69&max_kerb_cm=2.5", "max_kerb_cm" },
        { "from=49.41,8.69&to=49.41,8.69&max_incline_up_pct=steep", "max_incline_up_pct" },
        { "from=49.41,8.69&to=49.41,8.69&min_width_cm=9999", "min_width_cm" },
        { "from=49.41,8.69&to=49.41,8.69&avoid_surfaces=gravel,lava", "avoid_surfaces" },
        { "from=49.41,8.69&to=49.41,8.69&min_smoothness=silky", "min_smoothness" },
        { "from=49.41,8.69&to=49.41,8.69&steps=sometimes", "steps" },
        { "from=49.41,8.69&to=49.41,8.69&unknown=ignore", "unknown" },
        { "from=49.41,8.69&to=49.41,8.69&derived_incline=maybe", "derived_incline" },
        { "from=49.41,8.69&to=49.41,8.69&speed_mps=NaN", "speed_mps" },
        { "from=49.41,8.69&to=49.41,8.69&language=xx", "language" },
        { "from=49.41,8.69&to=49.41,8.69&format=kml", "format" },
        { "from=49.41,8.69&to=49.41,8.69&snap_radius_m=0", "snap_radius_m" },
        { "from=49.41,8.69&to=49.41,8.69&snap_radius_m=far", "snap_radius_m" },
        { "from=49.41,8.69&to=49.41,8.69&maxkerb=3", "maxkerb" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_400_invalid_request_naming_the_parameter(string query, string field)
    {
        var response = await api.Client.GetAsync("/v1/routes?" + query);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Every_error_is_reported_at_once()
    {
        var response = await api.Client.PostJson("/v1/routes",
            """{"from": {"lat": 91, "lon": 8.69}, "constraints": {"max_kerb_cm": 80}, "language": "xx", "profile": "rollerblades"}""");

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["constraints.max_kerb_cm", "from.lat", "language", "profile", "to"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        string padding = new('x', 70_000);
        var response = await api.Client.PostJson("/v1/routes", Body($"\"profile\": \"{padding}\""));

        var problem = await response.Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(64 * 1024, problem.GetProperty("limit_bytes").GetInt32());
    }

    [Fact]
    public async Task An_unknown_profile_in_a_route_request_is_400_unknown_profile_listing_the_known_ones()
    {
        var post = await api.Client.PostJson("/v1/routes", Body("\"profile\": \"rollerblades\""));
        var get = await api.Client.GetAsync("/v1/routes?from=49.41,8.69&to=49.4115,8.692&profile=rollerblades");

        foreach (var response in new[] { post, get })
        {
            var problem = await response.Problem(HttpStatusCode.BadRequest, "unknown-profile");
            Assert.Equal("rollerblades", problem.GetProperty("profile").GetString());
            Assert.Equal(["wheelchair", "powered_wheelchair", "walker", "pushchair", "foot"],
                problem.GetProperty("known_profiles").EnumerateArray().Select(p => p.GetString()));
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_unsupported_media_type()
    {
        var response = await api.Client.PostAsync("/v1/routes", new StringContent("from=1,2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_body_without_content_type_is_still_validated()
    {
        var response = await api.Client.PostAsync("/v1/routes", new ByteArrayContent("{}"u8.ToArray()));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("from", problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await api.Client.GetAsync("/v1/nowhere");

        await response.Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await api.Client.DeleteAsync("/v1/routes");

        await response.Problem(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_internal_problem_without_internals()
    {
        using var factory = new ThrowingApiFactory(api.GraphPath, api.OsmPath);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/test/throw");

        var problem = await response.Problem(HttpStatusCode.InternalServerError, "internal");
        Assert.DoesNotContain("secret", problem.GetRawText(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("trace_id").GetString()));
    }

    /// <summary>The service with one more endpoint, behind the service's own middleware, that fails.</summary>
    private sealed class ThrowingApiFactory(string graphPath, string osmPath) : RoutingApiFactory(graphPath, osmPath)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) => context.Request.Path == "/test/throw"
                ? throw new InvalidOperationException("secret internals at /srv/routing")
                : nextMiddleware(context));
        };
    }
}
