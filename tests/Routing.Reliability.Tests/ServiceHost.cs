using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Reliability.Tests;

/// <summary>
/// The real service in memory, on the Heidelberg graph or the hand-written fixture, with one key per role, a rate limit
/// no fuzzer reaches, and every log line kept: an error logged by the service is a failure even when the answer was not 500.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public const string PlannerKey = "reliability-planner-key-0123456789";
    public const string AdminKey = "reliability-admin-key-0123456789";
    public const string ReporterKey = "reliability-reporter-key-0123456789";

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    private ServiceHost(string graphPath, string osmPath, IReadOnlyDictionary<string, string?>? settings)
    {
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Routing:Graph"] = graphPath,
            ["Routing:Osm"] = osmPath,
            ["Routing:Elevation"] = "",
            ["Barriers:Database"] = _directory.File("barriers.db"),
            ["Barriers:ReportsPerMinute"] = "100000000",
            ["Barriers:ApiKeys:0:Key"] = PlannerKey,
            ["Barriers:ApiKeys:0:Role"] = "planner",
            ["Barriers:ApiKeys:1:Key"] = AdminKey,
            ["Barriers:ApiKeys:1:Role"] = "admin",
            ["Barriers:ApiKeys:2:Key"] = ReporterKey,
            ["Barriers:ApiKeys:2:Role"] = "reporter",
            ["GraphUpdates:WatchFile"] = "false",
            ["Warmup:Enabled"] = "false",         // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
            ["Transit:TransfersAhead"] = "false", // trips check the walks they reach: ready without every preset's walks
            ["Quotas:RoutesPerSecond"] = "0",     // quotas are the hostile-client suite's subject, off elsewhere
            ["Quotas:ExpensivePerMinute"] = "0",
            ["Quotas:ExpensiveConcurrent"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Errors { get; } = new();

    /// <summary>Every line logged at Warning or above: a client's fault may be logged at Information at most.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Warnings { get; } = new();

    /// <summary>Each request once the service is done with it: its path and the status it ended with (499: the client left).</summary>
    public ConcurrentQueue<(string Path, int Status)> Completed { get; } = new();

    /// <summary>Each request's path as the service takes it in, before any of its middleware runs.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    public TempDirectory Directory => _directory;

    public static ServiceHost Heidelberg(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        string graphPath = temp.File("heidelberg.graph");
        GraphFileWriter.Write(TestSupport.Heidelberg.Graph, graphPath);
        return new ServiceHost(graphPath, RepositoryPaths.HeidelbergExtract, settings) { _graphDirectory = temp };
    }

    /// <summary>The hand-written fixture (built on first start), for barrier writes: its overlay is rebuilt in microseconds.</summary>
    public static ServiceHost Fixture(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        return new ServiceHost(temp.File("fixture.graph"), RepositoryPaths.Fixture("accessibility.osm"), settings) { _graphDirectory = temp };
    }

    private TempDirectory? _graphDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(Errors, Warnings)));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CompletionRecorder(Started, Completed)));
    }

    private bool _disposed;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory's Dispose and DisposeAsync both end here.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _directory.Dispose();
            _graphDirectory?.Dispose();
        }
    }

    /// <summary>Outermost middleware: notes each request as it comes in and when everything inside it has finished.</summary>
    private sealed class CompletionRecorder(ConcurrentQueue<string> started, ConcurrentQueue<(string, int)> completed) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                started.Enqueue(context.Request.Path.Value ?? "");
                try
                {
                    await inner(context);
                }
                finally
                {
                    completed.Enqueue((context.Request.Path.Value ?? "", context.Response.StatusCode));
                }
            });
            next(app);
        };
    }

    private sealed class ErrorCollector(ConcurrentQueue<(LogLevel, string, string)> errors, ConcurrentQueue<(LogLevel, string, string)> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(errors, warnings, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, string)> errors, ConcurrentQueue<(LogLevel, string, string)> warnings, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel < LogLevel.Warning)
                {
                    return;
                }
                var entry = (logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception));
                warnings.Enqueue(entry);
                if (logLevel >= LogLevel.Error)
                {
                    errors.Enqueue(entry);
                }
            }
        }
    }
}
