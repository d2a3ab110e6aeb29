using System.Net;
using System.Text.RegularExpressions;
using Routing.Engine.Profiles;
using Routing.Texts;

namespace Routing.Api.Tests;

/// <summary>
/// Texts in the reader's language through the real host: a refusal's detail and blockers, a route's instructions, by
/// <c>language</c> or <c>Accept-Language</c>; places named by street, never by OSM id. The expected words are the
/// translation files' own, so the test holds whatever a translator writes.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed partial class LanguageApiTests(HeidelbergApi api)
{
    /// <summary>Beside the Karlstor: a wheelchair is refused (steps, a 9 % slope) and told where to move.</summary>
    private const string Refused = "/v1/routes?from=49.41299,8.71757&to=49.412116,8.711570&profile=wheelchair";

    private const string Found = "/v1/routes?from=49.4094,8.6934&to=49.4122,8.7101&profile=wheelchair";

    /// <summary>The fixed words of a template before its first placeholder: "Keine Route für das Profil „".</summary>
    private static string Opening(string code, string key)
    {
        string template = Translations.Of(code).Get(key);
        int placeholder = template.IndexOf('{', StringComparison.Ordinal);
        return (placeholder < 0 ? template : template[..placeholder]).TrimEnd();
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task A_refusal_speaks_the_language_asked_for(string code)
    {
        var problem = await (await api.Client.GetAsync($"{Refused}&language={code}")).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith(Opening(code, "problem.no_route"), detail, StringComparison.Ordinal);
        Assert.Contains(Translations.Of(code).Get("profile.wheelchair"), detail, StringComparison.Ordinal);
        if (code != "en")
        {
            Assert.DoesNotContain("No route", detail, StringComparison.Ordinal);
            Assert.DoesNotContain(" has a route", detail, StringComparison.Ordinal);
        }
        var blockers = problem.GetProperty("blockers").EnumerateArray().ToList();
        Assert.NotEmpty(blockers);
        foreach (var blocker in blockers)
        {
            string message = blocker.GetProperty("message").GetString()!;
            // Named by street or kind; the OSM id stays a member for planners.
            Assert.False(OsmId().IsMatch(message), message);
            Assert.True(blocker.GetProperty("osm_way_id").ValueKind == System.Text.Json.JsonValueKind.Number
                || blocker.GetProperty("osm_node_id").ValueKind == System.Text.Json.JsonValueKind.Number, message);
            Assert.Contains(message, detail, StringComparison.Ordinal);
        }
        string steps = Opening(code, "route.blocker.steps");
        Assert.Contains(blockers, b => b.GetProperty("message").GetString()!.StartsWith(steps, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("uk")]
    public async Task Instructions_speak_the_language_asked_for(string code)
    {
        var route = (await (await api.Client.GetAsync($"{Found}&language={code}")).Json()).GetProperty("routes")[0];
        var texts = route.GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList();
        Assert.StartsWith(Opening(code, "route.depart"), texts[0], StringComparison.Ordinal);
        Assert.Equal(Translations.Of(code).Get("route.arrive"), texts[^1]);
        var english = (await (await api.Client.GetAsync(Found)).Json()).GetProperty("routes")[0]
            .GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList();
        Assert.Equal(english.Count, texts.Count);
        Assert.All(texts.Zip(english), pair => Assert.NotEqual(pair.Second, pair.First));
    }

    [Fact]
    public async Task Accept_language_chooses_when_the_request_names_no_language()
    {
        using var french = new HttpRequestMessage(HttpMethod.Get, Refused);
        french.Headers.Add("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8");
        var problem = await (await api.Client.SendAsync(french)).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        Assert.StartsWith(Opening("fr", "problem.no_route"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var overridden = new HttpRequestMessage(HttpMethod.Get, Refused + "&language=de");
        overridden.Headers.Add("Accept-Language", "fr");
        problem = await (await api.Client.SendAsync(overridden)).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        Assert.StartsWith(Opening("de", "problem.no_route"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var unknown = new HttpRequestMessage(HttpMethod.Get, Refused);
        unknown.Headers.Add("Accept-Language", "pt-BR");
        problem = await (await api.Client.SendAsync(unknown)).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        Assert.StartsWith(Opening("en", "problem.no_route"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_point_outside_the_area_is_told_in_the_language()
    {
        var problem = await (await api.Client.GetAsync("/v1/routes?from=8.69,49.41&to=49.4122,8.7101&language=de"))
            .Problem(HttpStatusCode.UnprocessableEntity, "point-outside-area");
        Assert.StartsWith(Opening("de", "problem.outside"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("start", problem.GetProperty("waypoint").GetString());
    }

    [Fact]
    public async Task A_swapped_latitude_and_longitude_is_pointed_out()
    {
        var problem = await (await api.Client.GetAsync("/v1/routes?from=8.6934,49.4094&to=49.4122,8.7101&language=de"))
            .Problem(HttpStatusCode.UnprocessableEntity, "point-outside-area");
        Assert.True(problem.GetProperty("swapped_inside").GetBoolean());
        Assert.EndsWith(Translations.Of("de").Format("problem.outside.swapped", "49.4094", "8.6934"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var sea = await (await api.Client.GetAsync("/v1/routes?from=54.0,7.0&to=49.4122,8.7101"))
            .Problem(HttpStatusCode.UnprocessableEntity, "point-outside-area");
        Assert.False(sea.GetProperty("swapped_inside").GetBoolean());
        Assert.DoesNotContain("swapped", sea.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Each kind of problem, from the endpoint, the framework (404, 405, 415) and the analysis door, with its title and its detail in the language asked for.</summary>
    public static TheoryData<string, string, string, string?, string, string> ProblemsOfEveryOrigin => new()
    {
        // language (by query or body); type; method; body; its media type; path
        { "de", "invalid-request", "GET", null, "", "/v1/routes?from=91,8&to=49.4,8.7&language=de" },
        { "fr", "invalid-request", "POST", """{"from": {"lat": 49.41}, "to": {"lat": 49.41, "lon": 8.7}, "language": "fr"}""", "application/json", "/v1/routes" },
        { "uk", "not-found", "GET", null, "", "/v1/nowhere?language=uk" },
        { "ar", "method-not-allowed", "DELETE", null, "", "/v1/routes?language=ar" },
        { "tr", "unsupported-media-type", "POST", "from=49.41,8.69", "text/plain", "/v1/routes?language=tr" },
        { "it", "unknown-profile", "GET", null, "", "/v1/profiles/rollerblades?language=it" },
        { "de", "point-outside-area", "POST", """{"origins": [{"lat": 54.0, "lon": 7.0}], "ranges_s": [300]}""", "application/json", "/v1/isochrones?language=de" },
    };

    [Theory]
    [MemberData(nameof(ProblemsOfEveryOrigin))]
    public async Task Problem_titles_and_generic_details_speak_the_language(string code, string type, string method, string? body, string mediaType, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        }
        using var response = await api.Client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://routing.example/problems/" + type, problem.GetProperty("type").GetString());
        string key = type.Replace('-', '_');
        var language = Translations.Of(code);
        Assert.Equal(language.Get("problem_title." + key), problem.GetProperty("title").GetString());
        Assert.NotEqual(Translations.English.Get("problem_title." + key), problem.GetProperty("title").GetString());
        if (language.Find("problem_generic." + key) is not null)
        {
            Assert.StartsWith(Opening(code, "problem_generic." + key), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Field_errors_speak_the_language_asked_for(string code)
    {
        var problem = await (await api.Client.GetAsync($"/v1/routes?from=91,8&to=49.4,8.7&max_kerb_cm=99&steps=sometimes&language={code}"))
            .Problem(HttpStatusCode.BadRequest, "invalid-request");
        var errors = problem.GetProperty("errors");
        var language = Translations.Of(code);
        // Field → the message's key and values; the words are the translation file's.
        var expected = new Dictionary<string, (string Key, string[] Values)>
        {
            ["from.lat"] = ("field_error.out_of_range_degrees", ["-90", "90", "91"]),
            ["max_kerb_cm"] = ("field_error.out_of_range", ["0", "50", "cm", "99"]),
            ["steps"] = ("field_error.not_supported", ["sometimes", string.Join(", ", ConstraintTable.Steps.Choices)]),
        };
        foreach (var (field, (key, values)) in expected)
        {
            string message = language.Format(key, values);
            Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(code == "en", message == Translations.English.Format(key, values));
        }
    }

    [Fact]
    public async Task Isochrone_field_errors_speak_the_language_asked_for()
    {
        using var body = new StringContent("""{"origins": [{"lat": 49.4094, "lon": 8.6934}], "ranges_s": [60], "ranges_m": [100]}""",
            System.Text.Encoding.UTF8, "application/json");
        var problem = await (await api.Client.PostAsync("/v1/isochrones?language=de", body)).Problem(HttpStatusCode.BadRequest, "invalid-request");
        string message = Translations.Of("de").Format("field_error.not_both", "ranges_s", "ranges_m");
        Assert.NotEqual(Translations.English.Format("field_error.not_both", "ranges_s", "ranges_m"), message);
        Assert.Equal(message, Assert.Single(problem.GetProperty("errors").GetProperty("ranges_m").EnumerateArray()).GetString());
    }

    /// <summary>A body the reader cannot take names no language of its own: the header chooses, for the reader's words on a field's type too.</summary>
    [Fact]
    public async Task A_malformed_body_is_told_in_the_accepted_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/routes")
        {
            Content = new StringContent("""{"from": {"lat": "north", "lon": 8.7}, "to": {"lat": 49.41, "lon": 8.7}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept-Language", "fr");
        var problem = await (await api.Client.SendAsync(request)).Problem(HttpStatusCode.BadRequest, "invalid-request");
        var french = Translations.Of("fr");
        Assert.Equal(french.Format("field_error.must_be_number_in", french.Get("field_error.unit.degrees")),
            Assert.Single(problem.GetProperty("errors").GetProperty("from.lat").EnumerateArray()).GetString());
        Assert.NotEqual(Translations.English.Get("field_error.unit.degrees"), french.Get("field_error.unit.degrees"));
    }

    [Fact]
    public async Task The_translation_files_are_served_and_listed()
    {
        var languages = await (await api.Client.GetAsync("/i18n/languages.json")).Json();
        Assert.Equal(Translations.Codes, languages.EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal("rtl", languages.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "ar").GetProperty("dir").GetString());
        var arabic = await (await api.Client.GetAsync("/i18n/ar.json")).Json();
        Assert.Equal(Translations.Of("ar").Get("page.title"), arabic.GetProperty("page").GetProperty("title").GetString());
        await (await api.Client.GetAsync("/i18n/xx.json")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>A bare run of six or more digits: an OSM id where a person expects a name.</summary>
    [GeneratedRegex(@"\b\d{6,}\b")]
    private static partial Regex OsmId();
}
