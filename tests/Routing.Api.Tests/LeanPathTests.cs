using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Api.Hosting;
using Routing.Http;
using Routing.Routes.Http;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.TestSupport;
using Routing.Texts;

namespace Routing.Api.Tests;

/// <summary>
/// The route path stays lean: its JSON comes from the source-generated context, and answering (a route, a refusal, a
/// bad request) writes no log line at Information or above with the production settings.
/// </summary>
[Collection(FixtureApiCollection.Name)]
public sealed class LeanPathTests(FixtureApi api)
{
    /// <summary>The route path's types, as the host's JSON options resolve them.</summary>
    [Theory]
    [InlineData(typeof(RoutesResponse))]
    [InlineData(typeof(GeoJsonRoute))]
    [InlineData(typeof(RouteRequestBody))]
    [InlineData(typeof(BlockerDto[]))]
    [InlineData(typeof(RouteDto))]
    public void The_hosts_json_options_serialize_the_route_path_with_the_source_generated_context(Type type)
    {
        var options = api.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.IsType<RouteJsonContext>(options.GetTypeInfo(type).OriginatingResolver);
    }

    /// <summary>
    /// Answers are written by the context's generated code (<see cref="JsonAnswer{T}"/>); a converter on one of these
    /// types or on the context's options would quietly send them back to the slow, resumable path.
    /// </summary>
    [Theory]
    [InlineData(typeof(RoutesResponse))]
    [InlineData(typeof(RouteDto))]
    [InlineData(typeof(SegmentDto))]
    [InlineData(typeof(TextFact))]
    [InlineData(typeof(InclineFact))]
    [InlineData(typeof(InstructionDto))]
    [InlineData(typeof(LatLonDto))]
    [InlineData(typeof(SummaryDto))]
    [InlineData(typeof(GeoJsonRoute))]
    [InlineData(typeof(Routing.GeoFormats.GeoJsonFeature<LineStringDto, SegmentDto>))]
    public void The_answer_types_have_a_generated_fast_path(Type type)
    {
        var typeInfo = RouteJsonContext.Default.GetTypeInfo(type)!;
        var handler = typeInfo.GetType().GetProperty("SerializeHandler")!.GetValue(typeInfo);

        Assert.NotNull(handler);
        Assert.Empty(RouteJsonContext.Default.Options.Converters);
    }

    /// <summary>
    /// The fast path writes what the host's options (snake_case enums by a global converter, reflection for the rest)
    /// write, on real Heidelberg routes of every preset: facts with evidence, kerbs, heights, the profile's policies.
    /// </summary>
    [Fact]
    public void The_fast_path_writes_the_same_answer_as_the_hosts_options()
    {
        var hostOptions = api.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var random = new Random(14);
        int compared = 0;
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            for (int i = 0; i < 8; i++)
            {
                var from = new GeoPoint(49.39 + random.NextDouble() * 0.03, 8.66 + random.NextDouble() * 0.05);
                var to = new GeoPoint(49.39 + random.NextDouble() * 0.03, 8.66 + random.NextDouble() * 0.05);
                if (router.Route(new RouteRequest([from, to], preset)) is not RouteFound found)
                {
                    continue;
                }
                var answer = new RoutesResponse([RouteMapper.ToDto(found.Route)]);
                var geoJson = GeoJsonRoute.From(found.Route);

                AssertSameJson(JsonSerializer.Serialize(answer, hostOptions), JsonSerializer.Serialize(answer, RouteJsonContext.Default.RoutesResponse));
                AssertSameJson(JsonSerializer.Serialize(geoJson, hostOptions), JsonSerializer.Serialize(geoJson, RouteJsonContext.Default.GeoJsonRoute));
                compared++;
            }
        }
        Assert.True(compared >= 20, $"only {compared} routes found");
    }

    /// <summary>
    /// A refusal's least-violating route is written ahead by its generated code (<see cref="PreWrittenJson"/>) and
    /// carried into the problem as text: the same text the host's options write for the route, on real refusals.
    /// </summary>
    [Fact]
    public void A_refusals_pre_written_route_is_what_the_hosts_options_write()
    {
        var hostOptions = api.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        int compared = 0;
        foreach (var fields in File.ReadLines(RepositoryPaths.UrbanPairs).Skip(1).Select(line => line.Split(',')))
        {
            var from = new GeoPoint(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
            var to = new GeoPoint(double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture));
            if (router.Route(new RouteRequest([from, to], wheelchair!)) is not NoRoute { LeastViolatingRoute: { } route } refused)
            {
                continue;
            }
            string problem = JsonSerializer.Serialize(RouteProblems.NoRoute(refused, 2, wheelchair!, Translations.English), hostOptions);

            Assert.Contains("\"least_violating_route\":" + JsonSerializer.Serialize(RouteMapper.ToDto(route), hostOptions), problem, StringComparison.Ordinal);
            if (++compared == 5)
            {
                return;
            }
        }
        Assert.Fail($"only {compared} refusals with a least-violating route among the urban pairs");
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"{expected}\n---\n{actual}");

    [Fact]
    public void Other_types_still_resolve_by_reflection_with_the_same_style()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);

        Assert.IsNotType<RouteJsonContext>(options.GetTypeInfo(typeof(Dictionary<string, int>)).OriginatingResolver);
        Assert.Equal("""{"max_kerb_cm":3}""", JsonSerializer.Serialize(new { MaxKerbCm = 3 }, options));
    }

    [Fact]
    public async Task Answering_routes_refusals_and_bad_requests_logs_nothing_at_information()
    {
        // Everything start-up said is before this mark; requests of other collections go to their own hosts.
        int mark = api.Factory.Logs.Entries.Count;

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/v1/routes?from=49.4100,8.6905&to=49.4115,8.6920")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Client.GetAsync("/v1/routes?from=49.4100,8.6905&to=49.4115,8.6920&geometry=curvy")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Client.PostJson("/v1/routes", "{not json")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.Client.GetAsync("/v1/routes?from=52.5,13.4&to=49.4115,8.6920")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/v1/nothing")).StatusCode);

        var loud = api.Factory.Logs.Entries.Skip(mark).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    [Fact]
    public void The_settings_beside_the_program_are_the_lowest_layer()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File(ProgramSettings.FileName),
            """{"Logging": {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning"}}}""");
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine(["--Logging:LogLevel:Default=Debug"]);

        configuration.AddSettingsBesideProgram(directory.Path);

        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        Assert.Equal("Debug", configuration["Logging:LogLevel:Default"]);
    }

    [Fact]
    public void The_shipped_settings_keep_the_framework_quiet()
    {
        var configuration = new ConfigurationManager();

        configuration.AddSettingsBesideProgram(Path.Combine(RepositoryPaths.Root, "src", "Routing.Api"));

        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }
}
