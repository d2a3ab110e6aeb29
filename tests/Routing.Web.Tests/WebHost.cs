using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Web.Tests;

/// <summary>
/// The real service on the Heidelberg graph, listening on a loopback port (a browser needs a socket, not TestServer),
/// with a planner key, and one headless chromium shared by every browser test: starting either takes seconds.
/// </summary>
public sealed class WebHost : IAsyncLifetime, IDisposable
{
    public const string PlannerKey = "planner-secret-web-0123456789";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _directory = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WebHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Settings beyond the shared host's (later ones win), e.g. an elevator feed. Internal: a
    /// collection fixture may have one public constructor.</param>
    internal WebHost(IReadOnlyDictionary<string, string?> settings) => _settings = settings;
    private Factory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string graphPath = _directory.File("heidelberg.graph");
        GraphFileWriter.Write(Heidelberg.Graph, graphPath);
        _factory = new Factory(graphPath, _directory.File("barriers.db"), _settings);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        string address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}; install it: apt-get update && apt-get install -y chromium");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // MapLibre needs WebGL; headless chromium gives it through SwiftShader only when asked (PACKAGES.md).
            Args = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--no-sandbox"],
        });
    }

    /// <summary>
    /// A fresh page (own storage, own session) of the given size, English unless asked otherwise. Dispose it: a page
    /// left open keeps its map drawing and slows every later test.
    /// </summary>
    /// <param name="probesEvaluateText">
    /// For a test whose waits (WaitForFunction with a string) Playwright evaluates as text in the page, which the app's
    /// Content-Security-Policy forbids, as it should for any page: the browser then ignores the policy for this page.
    /// Every other test runs the app under its policy.
    /// </param>
    public async Task<BrowserSession> NewPageAsync(int width = 1280, int height = 800, string locale = "en-GB", bool probesEvaluateText = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            AcceptDownloads = true,
            BypassCSP = probesEvaluateText,
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>The browser first (xunit calls this before <see cref="Dispose"/>).</summary>
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    public void Dispose()
    {
        Client?.Dispose();
        _factory?.Dispose();
        _directory.Dispose();
    }

    private sealed class Factory(string graphPath, string barriersPath, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Routing:Graph", graphPath);
            builder.UseSetting("Routing:Osm", RepositoryPaths.HeidelbergExtract);
            builder.UseSetting("Routing:Elevation", "");
            builder.UseSetting("Warmup:Enabled", "false"); // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
            builder.UseSetting("Transit:TransfersAhead", "false"); // trips check the walks they reach; no host waits for every preset's walks
            builder.UseSetting("Quotas:RoutesPerSecond", "0"); // quotas are the hostile-client suite's subject, off elsewhere
            builder.UseSetting("Quotas:ExpensivePerMinute", "0");
            builder.UseSetting("Quotas:ExpensiveConcurrent", "0");
            builder.UseSetting("Barriers:Database", barriersPath);
            builder.UseSetting("Barriers:ApiKeys:0:Key", PlannerKey);
            builder.UseSetting("Barriers:ApiKeys:0:Role", "planner");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            // A line per request would slow the browser tests down and bury their failures.
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}

/// <summary>One browser context and its page; disposing closes both.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class WebHostCollection : ICollectionFixture<WebHost>
{
    public const string Name = "web host";
}
