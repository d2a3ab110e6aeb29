using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Elevators.Tests;

/// <summary>
/// The real service in memory on the Heidelberg graph, polling a <see cref="FakeFeed"/> every second, with a planner
/// key; every line logged at warning or above is kept. Given another OSM extract, the service builds its graph from it
/// on first start, as a fresh installation does.
/// </summary>
public sealed class ElevatorHost : WebApplicationFactory<Program>
{
    public const string PlannerKey = "elevator-planner-key-0123456789";

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    public ElevatorHost(FakeFeed feed, IReadOnlyDictionary<string, string?>? settings = null, string? osmExtract = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        string graphPath = _directory.File("service.graph");
        if (osmExtract is null)
        {
            GraphFileWriter.Write(Heidelberg.Graph, graphPath);
        }
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Routing:Graph"] = graphPath,
            ["Routing:Osm"] = osmExtract ?? RepositoryPaths.HeidelbergExtract,
            ["Routing:Elevation"] = "",
            ["Barriers:Database"] = _directory.File("barriers.db"),
            ["Barriers:ApiKeys:0:Key"] = PlannerKey,
            ["Barriers:ApiKeys:0:Role"] = "planner",
            ["GraphUpdates:WatchFile"] = "false",
            ["Warmup:Enabled"] = "false", // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
            ["Transit:TransfersAhead"] = "false", // trips check the walks they reach: ready without every preset's walks
            ["Quotas:RoutesPerSecond"] = "0",
            ["Elevators:Feeds:0:Kind"] = "fasta",
            ["Elevators:Feeds:0:Url"] = feed.BaseUrl.AbsoluteUri,
            ["Elevators:Feeds:0:ApiKey"] = "fake-db-key",
            ["Elevators:PollSeconds"] = "1",
            ["Elevators:AttemptTimeoutSeconds"] = "1",
            ["Elevators:MaxAnswerBytes"] = "65536",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>Every line logged at Warning or above: category and message.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(Warnings)));
    }

    /// <summary>The underpass elevator as <c>GET /v1/elevators</c> lists it.</summary>
    public async Task<JsonElement?> UnderpassAsync()
    {
        using var client = CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/elevators");
        foreach (var elevator in list.GetProperty("elevators").EnumerateArray())
        {
            if (elevator.GetProperty("id").GetString() == FakeFeed.UnderpassId)
            {
                return elevator;
            }
        }
        return null;
    }

    /// <summary>Waits (generously: the machine is shared) until <paramref name="condition"/> holds; false when it never does.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return await condition();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }

    private sealed class WarningCollector(ConcurrentQueue<(LogLevel, string, string)> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, string)> warnings, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    warnings.Enqueue((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}
