using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>The page in the reader's language: German with no English left, Arabic mirrored with the map's controls.</summary>
[Collection(WebHostCollection.Name)]
public sealed partial class LanguagePageTests(WebHost host)
{
    private const string SharedRoute = "/?from=49.409400,8.693400&to=49.412200,8.710100&profile=wheelchair";

    /// <summary>Up to the castle with a 0.5 % limit: a refusal, with its blockers and their buttons.</summary>
    private const string RefusedRoute = "/?from=49.409400,8.693400&to=49.410600,8.715300&profile=wheelchair&max_incline_up_pct=0.5&derived_incline=block";

    /// <summary>English words the old German page showed (API names, profiles, surfaces) and the words of any English sentence.</summary>
    private static readonly string[] EnglishWords =
        ["the", "and", "with", "from", "onto", "of", "for", "Allow", "this", "Search", "Map", "Limits", "Profile", "Steps", "Kerb",
         "Elevator", "Surface", "Width", "Unknown", "Head", "Turn", "Continue", "wheelchair", "powered", "walker", "pushchair", "foot",
         "footway", "asphalt", "concrete", "sett", "cobblestone", "paving", "gravel", "horrible", "intermediate", "way", "No", "route",
         "max_incline_up_pct", "max_incline_down_pct", "max_kerb_cm", "min_width_cm", "min_smoothness", "avoid_surfaces"];

    /// <summary>Everything the page shows or says: visible text, and the labels, placeholders and titles of what is visible.</summary>
    private static Task<string> ReadableTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const parts = [document.body.innerText, document.title];
          for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], option')) {
            if (element.closest('[hidden]') || element.closest('.maplibregl-ctrl-attrib')) continue;
            parts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('placeholder') ?? '', element.getAttribute('title') ?? '');
            if (element.tagName === 'OPTION') parts.push(element.textContent);
          }
          return parts.join('\n');
        }
        """);

    private static List<string> EnglishIn(string text) =>
        [.. Words().Matches(text).Select(m => m.Value).Where(w => EnglishWords.Contains(w, StringComparer.Ordinal)).Distinct()];

    [Fact]
    public async Task The_german_page_has_no_english_words_planned_or_refused()
    {
        await using var session = await host.NewPageAsync(1280, 800, "de-DE");
        var page = session.Page;
        await Browser.OpenAsync(page, SharedRoute);
        await Browser.WaitForOutcomeAsync(page, "drawn");
        await page.EvaluateAsync("document.querySelector('details').open = true");
        string planned = await ReadableTextAsync(page);
        Assert.Empty(EnglishIn(planned));
        await Browser.ScreenshotAsync(page, "page-de");

        await Browser.OpenAsync(page, RefusedRoute);
        await Browser.WaitForOutcomeAsync(page, "refused");
        string refused = await ReadableTextAsync(page);
        Assert.Empty(EnglishIn(refused));
        Assert.Contains("Steigungen bis", await page.Locator("button[data-lift]").First.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("Keine Route für das Profil", await page.Locator("p.problem").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_arabic_page_is_mirrored_and_the_map_controls_follow()
    {
        await using var session = await host.NewPageAsync(1280, 800, "ar");
        var page = session.Page;
        await Browser.OpenAsync(page, SharedRoute);
        await Browser.WaitForOutcomeAsync(page, "drawn");

        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.Equal("ar", await page.EvaluateAsync<string>("document.documentElement.lang"));
        var map = await page.Locator("#map").BoundingBoxAsync();
        var panel = await page.Locator("#panel").BoundingBoxAsync();
        var zoom = await page.Locator(".maplibregl-ctrl-zoom-in").BoundingBoxAsync();
        var scale = await page.Locator(".maplibregl-ctrl-scale").BoundingBoxAsync();
        Assert.NotNull(map);
        Assert.NotNull(panel);
        Assert.NotNull(zoom);
        Assert.NotNull(scale);
        // The panel stands right of the map, the zoom buttons on the map's left, the scale on its right.
        Assert.True(panel.X >= map.X + map.Width - 1, $"panel at {panel.X}, map ends at {map.X + map.Width}");
        Assert.True(zoom.X + zoom.Width < map.X + (map.Width / 2), $"zoom at {zoom.X}, map from {map.X} width {map.Width}");
        Assert.True(scale.X > map.X + (map.Width / 2), $"scale at {scale.X}, map from {map.X} width {map.Width}");
        Assert.Empty(EnglishIn(await ReadableTextAsync(page)));
        await Browser.AssertAccessibleAsync(page, "Arabic page");
        await Browser.ScreenshotAsync(page, "page-ar");
    }

    [GeneratedRegex(@"[\p{L}_]+")]
    private static partial Regex Words();
}
