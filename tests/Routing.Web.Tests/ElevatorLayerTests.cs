using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Routing.TestSupport;

namespace Routing.Web.Tests;

/// <summary>
/// The map's live elevator layer and planner mode's elevator part in chromium, on a service of its own that polls a
/// fake FaSta feed every second: the underpass elevator out of service is drawn as such and a click says so; planners
/// see it among the most hours out of service and fix its match by hand, to "not on this graph" and back.
/// </summary>
public sealed class ElevatorLayerTests : IAsyncLifetime, IDisposable
{
    private const string Name = "Heidelberg Hbf, Unterführung Czernyring";

    private FakeFeed _feed = null!;
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        _feed = await FakeFeed.StartAsync();
        _feed.SetState("INACTIVE");
        _host = new WebHost(new Dictionary<string, string?>
        {
            ["Elevators:Feeds:0:Kind"] = "fasta",
            ["Elevators:Feeds:0:Url"] = _feed.BaseUrl.AbsoluteUri,
            ["Elevators:PollSeconds"] = "1",
        });
        await _host.InitializeAsync();
    }

    /// <summary>The browser and the feed first (xunit calls this before <see cref="Dispose"/>).</summary>
    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _feed.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_layer_draws_the_state_a_click_says_it_and_planners_rank_and_fix_the_match()
    {
        // The page reads the states when it opens: first let the service have them.
        Assert.True(await EventuallyAsync(async () => (await UnderpassAsync())?.GetProperty("state").GetString() == "out_of_service"),
            "the service never saw the elevator out of service");
        await using var session = await _host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page);
        await Browser.JumpToAsync(page, FakeFeed.UnderpassLat, FakeFeed.UnderpassLon, 18);

        // Drawn by its state, at the graph's elevator.
        Assert.True(await EventuallyAsync(() => page.EvaluateAsync<bool>(
            "() => routingApp.map.queryRenderedFeatures({ layers: ['live-elevators'] }).some(f => f.properties.state === 'out_of_service')")),
            "the layer never drew the elevator out of service");

        // A click on its mark (drawn beside the point, up and to the right) says what a route through it would.
        var pixel = await page.EvaluateAsync<double[]>(
            "([lat, lon]) => { const p = routingApp.map.project([lon, lat]); return [p.x, p.y]; }", new object[] { FakeFeed.UnderpassLat, FakeFeed.UnderpassLon });
        await page.Locator("#map canvas").ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)pixel[0] + 14, Y = (float)pixel[1] - 14 } });
        var popup = page.Locator(".maplibregl-popup-content");
        await popup.WaitForAsync();
        Assert.Matches($"elevator at {Name}: out of service since .+, checked \\d+ min ago", await popup.TextContentAsync() ?? "");

        // Planners: the ranking lists it, out of service now.
        await page.ClickAsync("#mode-planner");
        await page.FillAsync("#api-key", WebHost.PlannerKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.ClickAsync("#elevator-ranking button[data-load]");
        var row = page.Locator("#elevator-ranking li", new PageLocatorOptions { HasText = Name });
        await row.WaitForAsync();
        Assert.Contains("now out of service", await row.TextContentAsync() ?? "", StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "planner view with the elevator ranking");

        // "Not on this graph", then matched again to the elevator under the map centre.
        await row.Locator("button[data-match=none]").ClickAsync();
        Assert.True(await EventuallyAsync(async () => (await Browser.LiveTextAsync(page)).Contains("is now on no element of this graph", StringComparison.Ordinal)));
        Assert.Equal(JsonValueKind.Null, (await UnderpassAsync())!.Value.GetProperty("match").ValueKind);

        await Browser.JumpToAsync(page, FakeFeed.UnderpassLat, FakeFeed.UnderpassLon, 19);
        await row.Locator("button[data-match=centre]").ClickAsync();
        string matched = string.Format(CultureInfo.InvariantCulture, "is now matched to the graph at {0:F6}, {1:F6}", FakeFeed.UnderpassLat, FakeFeed.UnderpassLon);
        Assert.True(await EventuallyAsync(async () => (await Browser.LiveTextAsync(page)).Contains(matched, StringComparison.Ordinal)),
            "the match to the map centre was not announced: " + await Browser.LiveTextAsync(page));
        var match = (await UnderpassAsync())!.Value.GetProperty("match");
        Assert.True(match.GetProperty("by_hand").GetBoolean());
    }

    private async Task<JsonElement?> UnderpassAsync()
    {
        var list = await _host.Client.GetFromJsonAsync<JsonElement>("/v1/elevators");
        return list.GetProperty("elevators").EnumerateArray().Where(e => e.GetProperty("id").GetString() == FakeFeed.UnderpassId)
            .Select(e => (JsonElement?)e).FirstOrDefault();
    }

    /// <summary>Waits (generously: the machine is shared) until <paramref name="condition"/> holds.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return await condition();
    }
}
