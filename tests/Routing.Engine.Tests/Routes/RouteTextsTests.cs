using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Tests.Routes;

/// <summary>The route's texts: every fact the route can mention has its words (each language's completeness is Routing.Texts.Tests').</summary>
public sealed class RouteTextsTests
{
    private static IEnumerable<string> KeysOf<TEnum>(string prefix, params TEnum[] except) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Except(except).Select(value => prefix + FactNames.Of(value));

    [Fact]
    public void Every_kind_of_way_constraint_barrier_kerb_and_crossing_has_a_text()
    {
        string[] needed =
        [
            .. KeysOf<HighwayKind>("way."),
            .. KeysOf<HighwayKind>("way_on."),
            .. KeysOf<Constraint>("blocker."),
            .. KeysOf<BarrierKind>("barrier."),
            .. KeysOf("kerb.", KerbKind.None),
            .. KeysOf("cross.", CrossingKind.None),
        ];
        Assert.All(needed, key => Assert.True(RouteTexts.Has(key), $"missing text {key}"));
        Assert.Throws<KeyNotFoundException>(() => RouteTexts.Get("no.such.text", Translations.English));
    }

    [Fact]
    public void Every_surface_and_smoothness_has_words_not_its_osm_value()
    {
        foreach (var language in Translations.All)
        {
            Assert.All(FactNames.SurfaceValues, value => Assert.NotNull(language.Find("surface." + value)));
            Assert.All(FactNames.SmoothnessValues, value => Assert.NotNull(language.Find("smoothness." + value)));
        }
        Assert.Equal("cut cobblestones", RouteTexts.Surface("sett", Translations.English));
        Assert.Equal("sehr holprig", RouteTexts.Smoothness("very_horrible", Translations.Of("de")));
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("en", "en")]
    [InlineData("xx", "en")]
    public void Language_codes_choose_the_file(string code, string chosen)
    {
        Assert.Equal(chosen, RouteTexts.LanguageOf(code).Code);
    }

    [Fact]
    public void German_numbers_use_a_decimal_comma()
    {
        Assert.Equal("8.5", RouteTexts.Number(8.5, "0.0", Translations.English));
        Assert.Equal("8,5", RouteTexts.Number(8.5, "0.0", Translations.Of("de")));
    }
}
