using Microsoft.Playwright;

namespace Routing.Web.Tests;

[Collection(WebHostCollection.Name)]
public sealed class SmokeTests(WebHost host)
{
    [Fact]
    public async Task Debug_page()
    {
        var page = await host.NewPageAsync();
        var log = new List<string>();
        page.Console += (_, m) => log.Add($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => log.Add($"pageerror: {e}");
        await page.GotoAsync("/?from=49.4094,8.6934&to=49.4122,8.7101&profile=wheelchair");
        await page.WaitForTimeoutAsync(6000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dbg.png" });
        File.WriteAllLines("/tmp/dbg.log", log);
    }
}
