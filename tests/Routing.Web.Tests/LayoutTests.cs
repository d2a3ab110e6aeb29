using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>
/// The page's layout as a person sees it: the route never under the legend, the map keys or the map's controls, on a
/// desktop window and on a phone, where the map comes first and the planner is a sheet below it; the map's focus ring
/// is drawn where it shows; "+" zooms one level; the height axis spans at least 30 m; planners see only their tools.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class LayoutTests(WebHost host)
{
    /// <summary>Bismarckplatz and the Kornmarkt (README's example): long from west to east.</summary>
    private const string OldTownRoute = "/?from=49.409400,8.693400&to=49.412200,8.710100&profile=wheelchair";
    /// <summary>Bismarckplatz across the Theodor-Heuss-Brücke to Neuenheim: long from south to north.</summary>
    private const string NorthRoute = "/?from=49.409400,8.693400&to=49.419500,8.692000&profile=wheelchair";

    /// <summary>
    /// Rectangles in page pixels: the route's projected bounding box (grown by half the drawn line's width), the map's
    /// frame, and everything drawn over the map, each with a name for the message.
    /// </summary>
    private const string Geometry = """
        () => {
          const map = routingApp.map, frame = map.getContainer().getBoundingClientRect();
          const line = (routingApp.route ?? routingApp.leastBad).geometry.coordinates.map(c => map.project([c[0], c[1]]));
          const grow = 5;
          const route = [Math.min(...line.map(p => p.x)) + frame.left - grow, Math.min(...line.map(p => p.y)) + frame.top - grow,
                         Math.max(...line.map(p => p.x)) + frame.left + grow, Math.max(...line.map(p => p.y)) + frame.top + grow];
          const overlays = [...document.querySelectorAll('.map-area [data-over-map], .maplibregl-ctrl-top-left > *, .maplibregl-ctrl-top-right > *, .maplibregl-ctrl-bottom-left > *, .maplibregl-ctrl-bottom-right > *')]
            .filter(e => e.getClientRects().length > 0)
            .map(e => { const r = e.getBoundingClientRect(); return { name: e.id || e.className, box: [r.left, r.top, r.right, r.bottom] }; });
          const panel = document.getElementById('panel').getBoundingClientRect();
          return { route, frame: [frame.left, frame.top, frame.right, frame.bottom], panel: [panel.left, panel.top, panel.right, panel.bottom], overlays };
        }
        """;

    private sealed record Overlay(string Name, double[] Box);

    private sealed record Layout(double[] Route, double[] Frame, double[] Panel, Overlay[] Overlays);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static async Task<Layout> LayoutAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(Geometry)).Deserialize<Layout>(Json)!;

    private static bool Overlap(double[] a, double[] b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

    private static string Box(double[] box) => string.Join(", ", box.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));

    /// <summary>The route lies inside the map's frame, under none of what is drawn over the map, and clear of the planner.</summary>
    private static void AssertRouteClear(Layout layout, string view)
    {
        var (route, frame) = (layout.Route, layout.Frame);
        Assert.True(route[0] >= frame[0] && route[1] >= frame[1] && route[2] <= frame[2] && route[3] <= frame[3],
            $"{view}: the route ({Box(route)}) leaves the map ({Box(frame)})");
        foreach (var overlay in layout.Overlays)
        {
            Assert.False(Overlap(route, overlay.Box), $"{view}: the route ({Box(route)}) lies under {overlay.Name} ({Box(overlay.Box)})");
        }
        Assert.False(Overlap(route, layout.Panel), $"{view}: the route ({Box(route)}) lies under the planner ({Box(layout.Panel)})");
    }

    /// <summary>Waits for the map to finish moving and drawing (a fit after the legend opens, a zoom).</summary>
    private static async Task IdleAsync(IPage page) =>
        await page.EvaluateAsync("() => new Promise(resolve => { routingApp.map.once('idle', () => resolve(true)); routingApp.map.triggerRepaint(); })");

    [Theory]
    [InlineData(1280, 800, "en-GB", OldTownRoute)]
    [InlineData(1280, 800, "ar", NorthRoute)] // right to left: the legend and the controls stand mirrored
    [InlineData(360, 740, "de-DE", OldTownRoute)]
    [InlineData(360, 740, "en-GB", NorthRoute)]
    public async Task The_route_is_never_under_the_legend_the_map_keys_or_the_planner(int width, int height, string locale, string url)
    {
        await using var session = await host.NewPageAsync(width, height, locale);
        var page = session.Page;
        bool phone = width < 800;
        await Browser.OpenAsync(page, url);
        await Browser.WaitForOutcomeAsync(page, "drawn");
        await IdleAsync(page);

        await Browser.AssertAccessibleAsync(page, $"route at {width}x{height} ({locale})");
        // The legend starts open where there is room for it, folded on a phone.
        Assert.Equal(!phone, await page.EvaluateAsync<bool>("document.getElementById('legend').open"));
        var layout = await LayoutAsync(page);
        AssertRouteClear(layout, $"{width}x{height}, legend as it starts");
        if (phone)
        {
            // The map comes first, on the first screen; the planner with the result is a sheet below it.
            Assert.True(layout.Frame[1] < 150 && layout.Frame[3] - layout.Frame[1] >= 0.4 * height, $"the map ({Box(layout.Frame)}) is not the first thing on the phone");
            Assert.True(layout.Panel[1] >= layout.Frame[3] - 1 && layout.Panel[3] <= height + 1, $"the planner ({Box(layout.Panel)}) is no sheet below the map");
            // The map keys wrap into their buttons: nothing on the page scrolls sideways.
            Assert.True(await page.EvaluateAsync<bool>(
                "() => [document.documentElement, ...document.querySelectorAll('.map-keys, .map-keys button')].every(e => e.scrollWidth <= e.clientWidth + 1)"),
                "something scrolls sideways on the phone");
            var title = await page.Locator("#result-title").BoundingBoxAsync();
            Assert.True(title is not null && title.Y >= layout.Panel[1] - 1 && title.Y + title.Height <= layout.Panel[3] + 1, "the result is not shown in the sheet");
        }

        // Opening (or closing) the legend fits the route again, clear of it.
        await page.ClickAsync("#legend summary");
        await IdleAsync(page);
        AssertRouteClear(await LayoutAsync(page), $"{width}x{height}, legend {(phone ? "opened" : "folded")}");
        if (phone)
        {
            // A grown sheet leaves the map less room; the route is fitted into what is left.
            await page.ClickAsync("#legend summary");
            await page.ClickAsync("#sheet-toggle");
            Assert.Equal("true", await page.GetAttributeAsync("#sheet-toggle", "aria-expanded"));
            await page.WaitForFunctionAsync("() => document.getElementById('map').getBoundingClientRect().height < 0.35 * window.innerHeight");
            await IdleAsync(page);
            await page.WaitForTimeoutAsync(300); // the sheet grows in 0.2 s; the map fits again when its frame has its size
            await IdleAsync(page);
            AssertRouteClear(await LayoutAsync(page), $"{width}x{height}, sheet grown");
        }
    }

    [Fact]
    public async Task A_refusal_fits_the_least_bad_route_and_its_blockers_clear_of_the_legend()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page, "/?from=49.409400,8.693400&to=49.410600,8.715300&profile=wheelchair&max_incline_up_pct=0.5&derived_incline=block");
        await Browser.WaitForOutcomeAsync(page, "refused");
        await IdleAsync(page);

        var layout = await LayoutAsync(page);
        AssertRouteClear(layout, "refusal");
        var blockers = await page.EvaluateAsync<double[][]>(
            "() => { const r = routingApp.map.getContainer().getBoundingClientRect(); return routingApp.map.queryRenderedFeatures({ layers: ['blockers'] }).map(f => { const p = routingApp.map.project(f.geometry.coordinates); return [p.x + r.left, p.y + r.top]; }); }");
        Assert.NotEmpty(blockers);
        foreach (var point in blockers)
        {
            double[] icon = [point[0] - 12, point[1] - 12, point[0] + 12, point[1] + 12];
            Assert.DoesNotContain(layout.Overlays, o => Overlap(icon, o.Box));
        }
    }

    [Fact]
    public async Task The_focused_map_shows_its_ring_and_plus_zooms_one_level()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page);
        await Browser.JumpToAsync(page, 49.411, 8.702, 15);

        // A key pressed first, so the focus shows as it does to a keyboard user (:focus-visible).
        await page.Keyboard.PressAsync("Tab");
        await page.FocusAsync("#map canvas");
        Assert.Equal("maplibregl-canvas", await page.EvaluateAsync<string>("document.activeElement.className.split(' ')[0]"));
        // The ring lies inside the map's frame (which clips what is outside it), over the map: a 3 px dark line.
        var ring = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.querySelector('.map-frame'), '::after'); return [s.content, s.borderTopWidth, s.borderTopStyle, s.position]; }");
        Assert.Equal(["\"\"", "3px", "solid", "absolute"], ring);
        await Browser.ScreenshotAsync(page, "map-focus");

        await page.Keyboard.PressAsync("+");
        await page.WaitForFunctionAsync("() => !routingApp.map.isMoving() && Math.abs(routingApp.map.getZoom() - 16) < 0.01");
        await page.Keyboard.PressAsync("-");
        await page.WaitForFunctionAsync("() => !routingApp.map.isMoving() && Math.abs(routingApp.map.getZoom() - 15) < 0.01");
        Assert.Equal(15, await page.EvaluateAsync<double>("routingApp.map.getZoom()"), 2);
    }

    [Fact]
    public async Task The_height_axis_spans_at_least_30_m_and_a_flat_route_says_so()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page, OldTownRoute);
        await Browser.WaitForOutcomeAsync(page, "drawn");

        double axisM = double.Parse(await page.GetAttributeAsync("figure.elevation svg", "data-axis-m") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(axisM >= 30, $"the height axis spans {axisM} m");
        double rangeM = await page.EvaluateAsync<double>("() => { const h = routingApp.route.elevation_profile.map(p => p[1]); return Math.max(...h) - Math.min(...h); }");
        string caption = await page.Locator("figure.elevation figcaption").TextContentAsync() ?? "";
        Assert.Equal(rangeM < 5, caption.Contains("The route is flat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Planner_mode_shows_only_what_planners_use()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page);
        Assert.True(await page.Locator("#centre-start").IsVisibleAsync());

        await page.ClickAsync("#mode-planner");

        foreach (string planOnly in new[] { "#centre-start", "#centre-to", "#centre-via", "#route-form" })
        {
            Assert.False(await page.Locator(planOnly).IsVisibleAsync(), $"{planOnly} shows in planner mode");
        }
        Assert.True(await page.Locator("#report-add-centre").IsVisibleAsync());
        Assert.True(await page.Locator(".crosshair").IsVisibleAsync());
        await Browser.AssertAccessibleAsync(page, "planner view");
    }
}
