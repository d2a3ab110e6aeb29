using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Api.Tests.Barriers;

/// <summary>
/// The service with barrier reports: its own database file, one seeded key per role, a generous rate limit unless
/// the test says otherwise, and optionally a clock the test sets.
/// </summary>
public sealed class BarrierApiFactory(string graphPath, string osmPath, string databasePath, int reportsPerMinute = 1000, TimeProvider? time = null,
    IReadOnlyDictionary<string, string?>? settings = null)
    : RoutingApiFactory(graphPath, osmPath)
{
    public const string ReporterKey = "test-reporter-key-0123456789";
    public const string PlannerKey = "test-planner-key-0123456789";
    public const string AdminKey = "test-admin-key-0123456789";

    public string DatabasePath => databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Barriers:Database", databasePath);
        builder.UseSetting("Barriers:ReportsPerMinute", reportsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Barriers:ApiKeys:0:Key", ReporterKey);
        builder.UseSetting("Barriers:ApiKeys:0:Role", "reporter");
        builder.UseSetting("Barriers:ApiKeys:0:Name", "citizen app");
        builder.UseSetting("Barriers:ApiKeys:1:Key", PlannerKey);
        builder.UseSetting("Barriers:ApiKeys:1:Role", "planner");
        builder.UseSetting("Barriers:ApiKeys:2:Key", AdminKey);
        builder.UseSetting("Barriers:ApiKeys:2:Role", "admin");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (time is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            });
        }
    }
}

/// <summary>A clock the test sets; timers stay real (only <see cref="GetUtcNow"/> is replaced).</summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>The barrier service on the small fixture graph (built once into a temporary directory).</summary>
public sealed class BarrierFixtureApi : IDisposable
{
    public BarrierFixtureApi()
    {
        Directory = new TempDirectory();
        GraphPath = Directory.File("fixture.graph");
        OsmPath = RepositoryPaths.Fixture("accessibility.osm");
        Factory = new BarrierApiFactory(GraphPath, OsmPath, Directory.File("fixture-barriers.db"));
        Client = Factory.CreateClient();
    }

    public TempDirectory Directory { get; }
    public string GraphPath { get; }
    public string OsmPath { get; }
    public BarrierApiFactory Factory { get; }
    public HttpClient Client { get; }

    /// <summary>Another service on the same graph with its own database (and settings).</summary>
    public BarrierApiFactory NewFactory(string databaseName, int reportsPerMinute = 1000, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(GraphPath, OsmPath, Directory.File(databaseName), reportsPerMinute, time, settings);

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Dispose();
    }
}

/// <summary>The barrier service on the real Heidelberg graph, with a clock the tests may move on.</summary>
public sealed class BarrierHeidelbergApi : IDisposable
{
    public BarrierHeidelbergApi()
    {
        Directory = new TempDirectory();
        string graphPath = Directory.File("heidelberg.graph");
        GraphFileWriter.Write(Heidelberg.Graph, graphPath);
        Factory = new BarrierApiFactory(graphPath, RepositoryPaths.HeidelbergExtract, Directory.File("barriers.db"), time: Clock);
        Client = Factory.CreateClient();
    }

    public TempDirectory Directory { get; }
    public SettableTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public BarrierApiFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BarrierFixtureApiCollection : ICollectionFixture<BarrierFixtureApi>
{
    public const string Name = "barrier fixture api";
}

[CollectionDefinition(Name)]
public sealed class BarrierHeidelbergApiCollection : ICollectionFixture<BarrierHeidelbergApi>
{
    public const string Name = "barrier heidelberg api";
}

/// <summary>Requests with or without a key.</summary>
internal static class BarrierHttp
{
    /// <summary>On way 200 of the fixture, between nodes 1 and 2.</summary>
    public const string FixturePoint = """{"type": "Point", "coordinates": [8.69025, 49.41]}""";

    public static async Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string path, string? key, string? json = null,
        string contentType = "application/json", string? endUser = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (endUser is not null)
        {
            request.Headers.Add("X-End-User-Id", endUser);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        return await client.SendAsync(request);
    }

    public static string Report(string kind = "blocked_path", string location = FixturePoint, string extra = "") =>
        $$"""{"kind": "{{kind}}", "location": {{location}}{{(extra.Length > 0 ? ", " + extra : "")}}}""";

    /// <summary>Creates a report with <paramref name="key"/>; returns the answer's report.</summary>
    public static async Task<JsonElement> CreateReport(this HttpClient client, string key, string? body = null)
    {
        var response = await client.Send(HttpMethod.Post, "/v1/barriers", key, body ?? Report());
        return await response.Json(System.Net.HttpStatusCode.Created);
    }

    public static long Id(this JsonElement report) => report.GetProperty("id").GetInt64();
}
