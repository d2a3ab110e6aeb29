using Microsoft.Playwright;

namespace Routing.Web.Tests;

/// <summary>The API reference as a developer opens it: drawn under the same script policy as the app, with nothing fetched from elsewhere.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiReferenceTests(WebHost host)
{
    [Fact]
    public async Task The_reference_renders_under_the_content_security_policy_without_leaving_the_service()
    {
        await using var session = await host.NewPageAsync();
        var page = session.Page;
        var refusedByPolicy = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refusedByPolicy.Add(message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync("/scalar/v1");
        // Drawn from the OpenAPI document: its title as the heading, its tags in the navigation.
        await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Accessible routing", Exact = true })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.True(await page.GetByText("openrouteservice-compatible").CountAsync() > 0);

        Assert.Empty(refusedByPolicy);
        Assert.Empty(elsewhere);
        Assert.Equal(0, await page.GetByText("Ask AI").CountAsync());
        await Browser.ScreenshotAsync(page, "api-reference");
    }
}
