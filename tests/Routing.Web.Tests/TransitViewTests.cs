using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>"With public transport" in the browser, on the demo timetable of the default start.</summary>
[Collection(WebHostCollection.Name)]
public sealed class TransitViewTests(WebHost host)
{
    [Fact]
    public async Task Trips_with_public_transport_are_listed_by_time_or_effort_in_words_and_drawn_in_their_lines_colour()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page, "/?from=49.409400,8.693400&to=49.403600,8.675700&profile=wheelchair");

        await page.CheckAsync("#transit-on");
        await page.FillAsync("#transit-time", "2026-12-07T10:00");
        await page.ClickAsync("#transit-plan");
        await page.WaitForSelectorAsync("#transit-result ol.itineraries > li", new PageWaitForSelectorOptions { Timeout = 60_000 });

        string text = (await page.Locator("#transit-result").TextContentAsync())!;
        Assert.Contains("Demo timetable", text, StringComparison.Ordinal);
        var arrivals = await page.Locator("#transit-result ol.itineraries > li > h3").AllTextContentsAsync();
        Assert.NotEmpty(arrivals);
        // Listed by arrival: each summary "08:10 – 08:25, ..." ends no earlier than the one before.
        var ends = arrivals.Select(a => a.Split(" – ")[1][..5]).ToList();
        Assert.Equal(ends.Order(StringComparer.Ordinal), ends);
        Assert.True(await page.Locator("#transit-result li:has-text('Walk or roll')").CountAsync() > 0);
        // Each ride says its stops' step-free access in words, what their colour on the map says.
        Assert.Matches("(step-free|not step-free|access not recorded)", (await page.Locator("#transit-result .stop-access").First.TextContentAsync())!);
        // The first listed is on the map: its rides in their line's colour (the demo's relations give none: the default),
        // its stops coloured by access.
        Assert.True(await page.EvaluateAsync<bool>("() => !!routingApp.map.getLayer('transit-rides') && !!routingApp.map.getLayer('transit-stops')"));
        Assert.Contains("#6a3d9a", await page.EvaluateAsync<string[]>(
            "() => routingApp.map.getSource('transit-legs').serialize().data.features.filter(f => !f.properties.walk).map(f => f.properties.colour)"));
        // The route's blue line would cover the walks' grey dashes (a walk-only itinerary is the route itself): hidden while a trip is drawn.
        Assert.Equal("none", await VisibilityAsync(page, "route"));
        Assert.Equal("visible", await VisibilityAsync(page, "transit-walks"));

        // The legend says what the stops' colours mean: every colour a drawn stop has is one of its rows.
        var legendColours = await page.Locator("#legend .transit-legend circle").EvaluateAllAsync<string[]>("circles => circles.map(c => c.getAttribute('fill'))");
        Assert.Equal(3, legendColours.Length);
        Assert.Subset(legendColours.ToHashSet(), (await DrawnStopsAsync(page)).Select(s => s.Colour).ToHashSet());
        Assert.Contains("stop, step-free", (await page.Locator("#legend .transit-legend").TextContentAsync())!, StringComparison.Ordinal);
        Assert.True(await page.Locator("#legend .transit-legend").IsVisibleAsync());

        // The first listed is shown until another is chosen: its button pressed. Choosing the last draws the last.
        var itineraries = page.Locator("#transit-result ol.itineraries > li");
        int count = await itineraries.CountAsync();
        Assert.True(count >= 2, $"{count} itineraries: nothing to choose between");
        Assert.Equal("true", await itineraries.First.Locator("button.show-itinerary").GetAttributeAsync("aria-pressed"));
        var last = itineraries.Nth(count - 1);
        await last.Locator("button.show-itinerary").ClickAsync();
        Assert.Equal("true", await last.Locator("button.show-itinerary").GetAttributeAsync("aria-pressed"));
        Assert.Equal("false", await itineraries.First.Locator("button.show-itinerary").GetAttributeAsync("aria-pressed"));
        await AssertDrawnAsync(page, last);
        string chosen = (await last.Locator("h3").TextContentAsync())!;
        await page.Locator("#legend .transit-legend").ScrollIntoViewIfNeededAsync(); // the legend's rows for the trip in the picture
        await Browser.ScreenshotAsync(page, "transit-chosen");

        // By effort: the walks' cost by the profile, least first; the chosen itinerary stays the one shown.
        await page.SelectOptionAsync("#transit-order", "effort");
        var efforts = (await page.Locator("#transit-result ol.itineraries > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.effort)"))
            .Select(e => double.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(efforts.Order(), efforts);
        var shown = page.Locator("#transit-result ol.itineraries > li.shown");
        Assert.Equal(chosen, await shown.Locator("h3").TextContentAsync());
        await AssertDrawnAsync(page, shown);
        await Browser.AssertAccessibleAsync(page, "trips with public transport");

        // Without public transport the route is drawn again and the trip is not; with it again, the trip again.
        await page.UncheckAsync("#transit-on");
        Assert.Equal("visible", await VisibilityAsync(page, "route"));
        Assert.Equal("none", await VisibilityAsync(page, "transit-walks"));
        Assert.Equal("none", await VisibilityAsync(page, "transit-rides"));
        await page.CheckAsync("#transit-on");
        Assert.Equal("none", await VisibilityAsync(page, "route"));
        Assert.Equal("visible", await VisibilityAsync(page, "transit-walks"));
    }

    /// <summary>A map layer's visibility as the map holds it ("visible" when never set).</summary>
    private static Task<string> VisibilityAsync(IPage page, string layer) =>
        page.EvaluateAsync<string>("id => routingApp.map.getLayoutProperty(id, 'visibility') ?? 'visible'", layer);

    private sealed record DrawnStop(string Name, string Colour);

    private static async Task<DrawnStop[]> DrawnStopsAsync(IPage page) => [.. (await page.EvaluateAsync<string[][]>(
        "() => routingApp.map.getSource('transit-stops').serialize().data.features.map(f => [f.properties.name, f.properties.colour])"))
        .Select(s => new DrawnStop(s[0], s[1]))];

    /// <summary>The map draws the itinerary <paramref name="item"/> lists: a line per leg, the stops of each ride by name.</summary>
    private static async Task AssertDrawnAsync(IPage page, ILocator item)
    {
        int legs = await item.Locator(":scope > ol > li").CountAsync();
        int rides = await item.Locator(":scope > ol > li .stop-access").CountAsync();
        Assert.Equal(legs, await page.EvaluateAsync<int>("() => routingApp.map.getSource('transit-legs').serialize().data.features.length"));
        var stops = await DrawnStopsAsync(page);
        Assert.Equal(2 * rides, stops.Length);
        string text = (await item.TextContentAsync())!;
        Assert.All(stops, stop => Assert.Contains(stop.Name, text, StringComparison.Ordinal));
    }
}
