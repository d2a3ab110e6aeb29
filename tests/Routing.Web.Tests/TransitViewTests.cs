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

        // By effort: the walks' cost by the profile, least first.
        await page.SelectOptionAsync("#transit-order", "effort");
        var efforts = (await page.Locator("#transit-result ol.itineraries > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.effort)"))
            .Select(e => double.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(efforts.Order(), efforts);
        await Browser.AssertAccessibleAsync(page, "trips with public transport");
    }
}
