using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>A planner blocks a pavement on the planned route and watches the route move; resolving moves it back.</summary>
[Collection(WebHostCollection.Name)]
public sealed class PlannerTests(WebHost host)
{
    [Fact]
    public async Task A_verified_report_moves_the_planned_route_and_resolving_it_moves_it_back()
    {
        // Waits on the focus with an expression, which the page's CSP lets Playwright evaluate only when bypassed.
        await using var session = await host.NewPageAsync(probesEvaluateText: true);
        var page = session.Page;
        await Browser.OpenAsync(page, "/?from=49.409400,8.693400&to=49.412200,8.710100&profile=wheelchair");
        await Browser.WaitForOutcomeAsync(page, "drawn");
        double before = await page.EvaluateAsync<double>("routingApp.route.distance_m");
        // The middle of the route's longest segment: blocking it leaves the old town other ways round.
        var blocked = await page.EvaluateAsync<double[]>("""
            () => { const r = routingApp.route; const s = r.segments.reduce((a, b) => b.distance_m > a.distance_m ? b : a);
                    const c = r.geometry.coordinates[Math.floor((s.first_point + s.last_point) / 2)]; return [c[1], c[0]]; }
            """);

        await page.ClickAsync("#mode-planner");
        await page.FillAsync("#api-key", WebHost.PlannerKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await Browser.JumpToAsync(page, blocked[0], blocked[1], 18);
        await page.ClickAsync("#report-add-centre");
        await page.SelectOptionAsync("#report-kind", "blocked_path");
        await page.FillAsync("#report-description", "Scaffolding across the whole pavement");
        int drawn = await Browser.DrawnCountAsync(page);
        await page.ClickAsync("#report-form button[type=submit]");
        await Browser.WaitForOutcomeAsync(page, "drawn", drawn);

        double after = await page.EvaluateAsync<double>("routingApp.route.distance_m");
        Assert.NotEqual(before, after);
        var report = page.Locator("#reports li.report", new PageLocatorOptions { HasText = "Scaffolding across the whole pavement" });
        Assert.Equal(1, await report.CountAsync());
        Assert.Contains("verified", await report.Locator("h4").TextContentAsync() ?? "", StringComparison.Ordinal);
        // The key is the tab's only: neither a cookie nor local storage holds it.
        Assert.Equal(WebHost.PlannerKey, await page.EvaluateAsync<string>("sessionStorage.getItem('routing.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        await Browser.AssertAccessibleAsync(page, "planner view");
        await Browser.ScreenshotAsync(page, "planner");

        // An edit is kept in the history.
        await report.Locator("button[data-action=edit]").ClickAsync();
        await page.WaitForFunctionAsync("document.activeElement.id.startsWith('edit-kind-')");
        await report.Locator(".edit textarea").FillAsync("Scaffolding across the whole pavement, 60 cm left free");
        await report.Locator(".edit input[id^=edit-width-]").FillAsync("60");
        drawn = await Browser.DrawnCountAsync(page);
        await report.Locator(".edit button[type=submit]").ClickAsync();
        await Browser.WaitForOutcomeAsync(page, "drawn", drawn);      // a changed report plans the route again
        report = page.Locator("#reports li.report", new PageLocatorOptions { HasText = "60 cm left free" });
        await report.WaitForAsync();
        await report.Locator("details[data-history] summary").ClickAsync();
        await report.Locator("ol.history li").Nth(1).WaitForAsync();
        Assert.Contains("edited", await report.Locator("ol.history").TextContentAsync() ?? "", StringComparison.Ordinal);
        drawn = await Browser.DrawnCountAsync(page);
        await report.Locator("button[data-action=resolve]").ClickAsync();
        await Browser.WaitForOutcomeAsync(page, "drawn", drawn);
        Assert.Equal(before, await page.EvaluateAsync<double>("routingApp.route.distance_m"));
        Assert.Contains("resolved", await report.Locator("h4").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_verified_elsewhere_moves_a_route_that_is_only_being_looked_at()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        await Browser.OpenAsync(page, "/?from=49.409400,8.693400&to=49.412200,8.710100&profile=wheelchair");
        await Browser.WaitForOutcomeAsync(page, "drawn");
        double before = await page.EvaluateAsync<double>("routingApp.route.distance_m");
        var blocked = await page.EvaluateAsync<double[]>(
            "() => { const r = routingApp.route; const s = r.segments.reduce((a, b) => b.distance_m > a.distance_m ? b : a);" +
            " return r.geometry.coordinates[Math.floor((s.first_point + s.last_point) / 2)].slice(0, 2); }");
        int drawn = await Browser.DrawnCountAsync(page);

        // Another planner, through the API: this page has no key and did nothing.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/barriers")
        {
            Content = JsonContent.Create(new { kind = "construction", location = new { type = "Point", coordinates = blocked } }),
        };
        request.Headers.Add("X-Api-Key", WebHost.PlannerKey);
        var created = await host.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        long id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        try
        {
            await Browser.WaitForOutcomeAsync(page, "drawn", drawn);   // within the page's 15 s look at the reports
            Assert.NotEqual(before, await page.EvaluateAsync<double>("routingApp.route.distance_m"));
        }
        finally
        {
            using var resolve = new HttpRequestMessage(HttpMethod.Post, $"/v1/barriers/{id}/resolve");
            resolve.Headers.Add("X-Api-Key", WebHost.PlannerKey);
            (await host.Client.SendAsync(resolve)).EnsureSuccessStatusCode();
        }
    }
}
