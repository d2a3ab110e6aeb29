using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>"With public transport" in the browser, on the demo timetable of the default start.</summary>
[Collection(WebHostCollection.Name)]
public sealed class TransitViewTests(WebHost host)
{
    [Fact]
    public async Task Trips_with_public_transport_are_listed_by_time_in_words()
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
        await Browser.AssertAccessibleAsync(page, "trips with public transport");
    }
}
