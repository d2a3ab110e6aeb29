using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Routing.Api.Tests;

/// <summary>
/// The real service in memory, on a graph file of the test's choosing (built from OSM and the elevation files, ';'
/// separated, on first start when missing); with <paramref name="plannerKey"/>, that key seeded with role planner.
/// </summary>
public class RoutingApiFactory(string graphPath, string osmPath, string elevationPaths = "", string? plannerKey = null) : WebApplicationFactory<Program>
{
    public const string AnalysisPlannerKey = "api-tests-planner-key-0123456789";

    /// <summary>Seeded with role operator in every test host: what reads /metrics and the checks behind /health/ready.</summary>
    public const string OperatorKey = "api-tests-operator-key-0123456789";

    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Routing:Graph", graphPath);
        builder.UseSetting("Routing:Osm", osmPath);
        builder.UseSetting("Routing:Elevation", elevationPaths);
        builder.UseSetting("Warmup:Enabled", "false"); // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
        builder.UseSetting("Transit:TransfersAhead", "false"); // trips check the walks they reach: ready without every preset's walks
        builder.UseSetting("Quotas:RoutesPerSecond", "0"); // quotas are the hostile-client suite's subject, off elsewhere
        builder.UseSetting("Quotas:ExpensivePerMinute", "0");
        builder.UseSetting("Quotas:ExpensiveConcurrent", "0");
        if (plannerKey is not null)
        {
            builder.UseSetting("Barriers:ApiKeys:0:Key", plannerKey);
            builder.UseSetting("Barriers:ApiKeys:0:Role", "planner");
        }
        builder.UseSetting("Barriers:ApiKeys:9:Key", OperatorKey); // beside the keys 0.. of the subclasses
        builder.UseSetting("Barriers:ApiKeys:9:Role", "operator");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>Keeps every log line, to check what start-up says.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
