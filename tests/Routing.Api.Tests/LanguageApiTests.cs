using System.Net;
using System.Text.RegularExpressions;
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
