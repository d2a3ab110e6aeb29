using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Routing.Texts.Tests;

/// <summary>The translation files: every language says everything English says, in its own words.</summary>
public sealed partial class TranslationTests
{
    /// <summary>The languages the service ships; a new file adds one without a change anywhere but here.</summary>
    [Fact]
    public void The_languages_are_the_files()
    {
        Assert.Equal(["en", "ar", "de", "fr", "it", "tr", "uk"], Translations.Codes);
        Assert.Equal(["ar"], Translations.All.Where(l => l.RightToLeft).Select(l => l.Code));
    }

    public static TheoryData<string> OtherLanguages() => [.. Translations.Codes.Where(c => c != "en")];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_language_has_every_key_and_no_other(string code)
    {
        var language = Translations.Of(code);
        var english = Translations.English.OwnKeys.ToHashSet(StringComparer.Ordinal);
        var own = language.OwnKeys.ToHashSet(StringComparer.Ordinal);
        Assert.Empty(english.Except(own).Order(StringComparer.Ordinal));
        Assert.Empty(own.Except(english).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_keeps_the_placeholders_of_the_english(string code)
    {
        var language = Translations.Of(code);
        foreach (string key in language.OwnKeys.Where(k => !k.StartsWith("meta.", StringComparison.Ordinal)))
        {
            Assert.True(Placeholders(Translations.English.Get(key)).SetEquals(Placeholders(language.Get(key))), $"{code} {key}: {language.Get(key)}");
        }
    }

    /// <summary>
    /// Texts a translation may write as English does, each for a reason: units and placeholders only, formats and brand
    /// names, words the languages share. Every other text equal to the English one is English left untranslated.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> SameAsEnglish = new Dictionary<string, string[]>
    {
        // Numbers with units, units, texts that are only placeholders, a format's name.
        ["*"] = ["page.km", "page.m", "page.min", "page.h", "route.joined", "route.blocker.barrier", "page.geojson",
            "field_error.unit.cm", "field_error.unit.mps"],
        // "Start", "Route", "Status": German words.
        ["de"] = ["page.start", "page.route", "page.status", "page.legendRoute"],
        // "Mode", "point", "Description", "Distance", "Points", "trolleybus", "monorail": French words.
        ["fr"] = ["page.mode", "page.shapePoint", "page.description", "page.distance", "page.legendPoints", "mode.trolleybus", "mode.monorail"],
        // "area", "tram": Italian.
        ["it"] = ["page.shapePolygon", "mode.tram"],
        // "park", "metal": Turkish.
        ["tr"] = ["page.place_park", "surface.metal"],
        ["uk"] = [],
        ["ar"] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void No_text_is_left_in_english(string code)
    {
        var language = Translations.Of(code);
        string[] allowed = [.. SameAsEnglish["*"], .. SameAsEnglish[code]];
        var untranslated = language.OwnKeys
            .Where(k => !k.StartsWith("meta.", StringComparison.Ordinal) && !allowed.Contains(k, StringComparer.Ordinal))
            .Where(k => language.Get(k) == Translations.English.Get(k))
            .Order(StringComparer.Ordinal);
        Assert.Empty(untranslated);
    }

    /// <summary>English words that have no business in another language's text (names and units are not among them).</summary>
    private static readonly string[] EnglishWords =
        ["the", "and", "with", "from", "onto", "of", "unknown", "allowed", "allow", "steps", "kerb", "elevator", "surface", "uphill",
         "downhill", "search", "way", "limit", "click", "map", "report", "reports", "barrier", "start", "destination", "wheelchair",
         "smoothness", "incline", "footway", "street", "found", "none", "here", "your", "please"];

    /// <summary>Words of the list that are also the language's own: German "Start", French "surface".</summary>
    private static readonly FrozenDictionary<string, string[]> SharedWords = new Dictionary<string, string[]>
    {
        ["de"] = ["Start"],
        ["fr"] = ["surface"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>API names a text may quote (a field the reader can send), not English prose.</summary>
    private static readonly string[] ApiNames = ["snap_radius_m", "min_lon", "min_lat", "max_lon", "max_lat", "valid_from"];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void No_english_word_appears_in_another_language(string code)
    {
        var language = Translations.Of(code);
        var found = new List<string>();
        foreach (string key in language.OwnKeys.Where(k => !k.StartsWith("meta.", StringComparison.Ordinal)))
        {
            string text = language.Get(key);
            foreach (string name in ApiNames)
            {
                text = text.Replace(name, "", StringComparison.Ordinal);
            }
            found.AddRange(Words().Matches(text).Select(m => m.Value)
                .Where(w => EnglishWords.Contains(w, StringComparer.OrdinalIgnoreCase)
                    && !(SharedWords.TryGetValue(code, out var shared) && shared.Contains(w, StringComparer.Ordinal)))
                .Select(w => $"{key}: {w}"));
        }
        Assert.Empty(found);
    }

    [Fact]
    public void A_missing_key_falls_back_to_english()
    {
        var partial = new TextLanguage("xx", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["meta.name"] = "X", ["meta.dir"] = "ltr", ["meta.decimal_separator"] = ",", ["route.arrive"] = "angekommen",
        }.ToFrozenDictionary(StringComparer.Ordinal), Translations.English);
        Assert.Equal("angekommen", partial.Get("route.arrive"));
        Assert.Equal(Translations.English.Get("route.elevator"), partial.Get("route.elevator"));
        Assert.Null(partial.Find("surface.no_such_surface"));
        Assert.Throws<KeyNotFoundException>(() => partial.Get("route.no_such_text"));
        Assert.Equal("2,5", partial.Number(2.5, "0.0"));
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("FR_ch", "fr")]
    [InlineData("ar", "ar")]
    [InlineData("pt", null)]
    [InlineData("", null)]
    public void A_code_or_its_region_finds_its_file(string code, string? expected)
    {
        Assert.Equal(expected, Translations.Find(code)?.Code);
    }

    [Theory]
    [InlineData("fr-CH, fr;q=0.9, en;q=0.8", "fr")]
    [InlineData("pt-BR, uk;q=0.5, de;q=0.7", "de")]
    [InlineData("en;q=0.2, ar", "ar")]
    [InlineData("pt, es", null)]
    [InlineData("de;q=0", null)]
    [InlineData("", null)]
    public void Accept_language_chooses_the_best_language_we_have(string header, string? expected)
    {
        Assert.Equal(expected, Translations.FromAcceptLanguage(header)?.Code);
    }

    [Fact]
    public void A_file_for_the_page_has_every_section_and_english_where_a_key_is_missing()
    {
        using var file = JsonDocument.Parse(Translations.CompleteJson(Translations.Of("ar")));
        Assert.Equal("rtl", file.RootElement.GetProperty("meta").GetProperty("dir").GetString());
        foreach (string section in (string[])["page", "route", "problem", "profile", "constraint", "surface", "smoothness"])
        {
            Assert.Equal(Translations.English.OwnKeys.Count(k => k.StartsWith(section + ".", StringComparison.Ordinal)),
                file.RootElement.GetProperty(section).EnumerateObject().Count());
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
