using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph.Facts;

namespace Routing.Engine.Tests.Routes;

/// <summary>The text table: every fact the route can mention has its words in both languages.</summary>
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
            .. KeysOf<Constraint>("blocker."),
            .. KeysOf<BarrierKind>("barrier."),
            .. KeysOf("kerb.", KerbKind.None),
            .. KeysOf("cross.", CrossingKind.None),
        ];
        Assert.All(needed, key => Assert.True(RouteTexts.Has(key), $"missing text {key}"));
    }

    [Fact]
    public void Every_text_exists_in_english_and_german()
    {
        Assert.All(RouteTexts.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(RouteTexts.Get(key, TextLanguage.English)), key);
            Assert.False(string.IsNullOrWhiteSpace(RouteTexts.Get(key, TextLanguage.German)), key);
        });
        Assert.Throws<KeyNotFoundException>(() => RouteTexts.Get("no.such.text", TextLanguage.English));
    }

    [Theory]
    [InlineData("de", true)]
    [InlineData("de-AT", true)]
    [InlineData("en", false)]
    public void Language_codes_choose_the_column(string code, bool german)
    {
        Assert.Equal(german ? TextLanguage.German : TextLanguage.English, RouteTexts.LanguageOf(code));
    }

    [Fact]
    public void German_numbers_use_a_decimal_comma()
    {
        Assert.Equal("8.5", RouteTexts.Number(8.5, "0.0", TextLanguage.English));
        Assert.Equal("8,5", RouteTexts.Number(8.5, "0.0", TextLanguage.German));
    }
}
