using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>What the browser tests do again and again: open the app, wait for a drawn route, run axe.</summary>
internal static class Browser
{
    /// <summary>Waits on the page itself (never chromium's virtual time, which stalls MapLibre's worker).</summary>
    private const float TimeoutMs = 30_000;

    public static async Task OpenAsync(IPage page, string url = "/")
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = TimeoutMs });
    }

    /// <summary>How many routes (or refusals) the page has drawn so far.</summary>
    public static async Task<int> DrawnCountAsync(IPage page) =>
        int.Parse(await page.EvaluateAsync<string>("document.getElementById('map').dataset.routeCount ?? '0'"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the page has drawn a route (or refusal) after the <paramref name="previous"/>-th, and the map is idle.</summary>
    public static async Task WaitForOutcomeAsync(IPage page, string outcome, int previous = 0) =>
        await page.WaitForFunctionAsync(
            "([outcome, previous]) => { const m = document.getElementById('map'); return m.dataset.route === outcome && Number(m.dataset.routeCount) > previous; }",
            new object[] { outcome, previous }, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

    /// <summary>Moves the map at once (no animation), as a user's panning would, but exactly.</summary>
    public static Task JumpToAsync(IPage page, double lat, double lon, double zoom) =>
        page.EvaluateAsync("([lat, lon, zoom]) => { routingApp.map.jumpTo({ center: [lon, lat], zoom }); }", new object[] { lat, lon, zoom });

    /// <summary>Clicks the map where a point is (it must be on screen).</summary>
    public static async Task ClickMapAtAsync(IPage page, double lat, double lon)
    {
        var pixel = await page.EvaluateAsync<double[]>(
            "([lat, lon]) => { const p = routingApp.map.project([lon, lat]); return [p.x, p.y]; }", new object[] { lat, lon });
        await page.Locator("#map canvas").ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)pixel[0], Y = (float)pixel[1] } });
    }

    /// <summary>No axe violation at all, of any impact, on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.ToList();
        Assert.True(bad.Count == 0, $"{view}: " + string.Join("; ", bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>
    /// A PNG of the page, checked to be one. With ROUTING_SCREENSHOTS set (docs/screenshots/take.sh) it also goes to
    /// docs/screenshots in the repository, for the README; otherwise to a temporary file.
    /// </summary>
    /// <param name="fullPage">The whole page, not just the viewport (a phone's page is taller than its screen).</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        string directory = Environment.GetEnvironmentVariable("ROUTING_SCREENSHOTS") is { Length: > 0 }
            ? Path.Combine(Routing.TestSupport.RepositoryPaths.Root, "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "routing-web-screenshots");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".png");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', $"{name}: not a picture of a drawn page");
    }

    public static Task<string> LiveTextAsync(IPage page) => page.Locator("#live").TextContentAsync().ContinueWith(t => t.Result ?? "", TaskScheduler.Default);
}
