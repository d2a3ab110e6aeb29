using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Routing.TestSupport;

/// <summary>How the fake feed answers the next requests.</summary>
public enum FeedBehaviour
{
    /// <summary>The recorded FaSta answer with the current state, an ETag, and 304 to a request that sends it.</summary>
    Normal,
    Malformed,
    Empty,
    /// <summary>A body longer than the service reads, chunked (no Content-Length to refuse it early).</summary>
    Huge,
    /// <summary>Headers only after longer than the service waits.</summary>
    Slow,
    /// <summary>503 to everything: the feed is down.</summary>
    Down,
}

/// <summary>
/// A FaSta v2 server on a loopback port, started by the test: <c>GET /fasta/facilities?type=ELEVATOR</c> answers a
/// recorded-shape list of Heidelberg Hbf's elevators (and an escalator, which the service skips), the one at the
/// Czernyring underpass in the state the test sets. Shared by the elevator tests and the browser test of the map's
/// elevator layer. Beside it, <see cref="Serve"/> answers fixed documents: recorded SIRI-FM or A11yJSON answers.
/// </summary>
public sealed class FakeFeed : IAsyncDisposable
{
    /// <summary>The elevator node of the Czernyring to station-hall path (OSM), and its equipment number in the feed.</summary>
    public const double UnderpassLat = 49.4030863, UnderpassLon = 8.6749356;
    public const long UnderpassEquipment = 10466085;
    public const string UnderpassId = "fasta:10466085";

    private readonly WebApplication _app;
    private int _version;

    private FakeFeed(WebApplication app) => _app = app;

    private readonly ConcurrentDictionary<string, (string ContentType, string Body)> _documents = new(StringComparer.Ordinal);

    private volatile string _state = "ACTIVE";
    private volatile FeedBehaviour _behaviour = FeedBehaviour.Normal;

    public string State => _state;

    public FeedBehaviour Behaviour
    {
        get => _behaviour;
        set => _behaviour = value;
    }

    /// <summary>Every request: its time, whether it was conditional (sent If-None-Match), its answer's status and its User-Agent.</summary>
    public ConcurrentQueue<(DateTimeOffset At, bool Conditional, int Status, string Agent)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeFeed> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var feed = new FakeFeed(app);
        app.MapGet("/fasta/facilities", feed.AnswerAsync);
        app.MapGet("/documents/{name}", feed.DocumentAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        feed.BaseUrl = new Uri(address + "/fasta");
        return feed;
    }

    /// <summary>Answers <paramref name="body"/> at the address returned, from now on.</summary>
    public Uri Serve(string name, string contentType, string body)
    {
        _documents[name] = (contentType, body);
        return new Uri(BaseUrl, $"/documents/{name}");
    }

    private async Task DocumentAsync(HttpContext http, string name)
    {
        if (!_documents.TryGetValue(name, out var document))
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = document.ContentType;
        await http.Response.WriteAsync(document.Body, http.RequestAborted);
    }

    /// <summary>Sets the underpass elevator's state; the next answer carries a new ETag.</summary>
    public void SetState(string state)
    {
        _state = state;
        Interlocked.Increment(ref _version);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var behaviour = Behaviour;
        string etag = $"\"v{Volatile.Read(ref _version)}-{State}\"";
        bool conditional = http.Request.Headers.IfNoneMatch.Count > 0;
        int status = 200;
        try
        {
            switch (behaviour)
            {
                case FeedBehaviour.Down:
                    status = 503;
                    http.Response.StatusCode = 503;
                    return;
                case FeedBehaviour.Slow:
                    await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                    await http.Response.WriteAsync(Body(), http.RequestAborted);
                    return;
                case FeedBehaviour.Malformed:
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync("""[{"equipmentnumber": 10466085, "type": "ELEVATOR", "state": "INAC""", http.RequestAborted);
                    return;
                case FeedBehaviour.Empty:
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync("[]", http.RequestAborted);
                    return;
                case FeedBehaviour.Huge:
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync("[", http.RequestAborted);
                    var filler = "{\"equipmentnumber\": 1, \"type\": \"ESCALATOR\", \"state\": \"ACTIVE\"},";
                    for (int i = 0; i < 20_000; i++)
                    {
                        await http.Response.WriteAsync(filler, http.RequestAborted);
                    }
                    await http.Response.WriteAsync(Body().TrimStart('['), http.RequestAborted);
                    return;
                default:
                    if (http.Request.Headers.IfNoneMatch.ToString() == etag)
                    {
                        status = 304;
                        http.Response.StatusCode = 304;
                        return;
                    }
                    http.Response.Headers.ETag = etag;
                    http.Response.ContentType = "application/json";
                    await http.Response.WriteAsync(Body(), http.RequestAborted);
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            status = 499;
        }
        finally
        {
            Requests.Enqueue((DateTimeOffset.UtcNow, conditional, status, http.Request.Headers.UserAgent.ToString()));
        }
    }

    /// <summary>FaSta's shape, as DB's API answers it (fields and spelling), for Heidelberg Hbf (station 2614).</summary>
    private string Body() => string.Create(CultureInfo.InvariantCulture, $$"""
        [{"equipmentnumber": {{UnderpassEquipment}}, "type": "ELEVATOR", "description": "Heidelberg Hbf, Unterführung Czernyring", "geocoordX": {{UnderpassLon + 0.00005}}, "geocoordY": {{UnderpassLat + 0.00003}}, "state": "{{State}}", "stateExplanation": "{{(State == "INACTIVE" ? "under maintenance" : "available")}}", "stationnumber": 2614, "operatorname": "DB InfraGO"},
         {"equipmentnumber": 10466090, "type": "ESCALATOR", "description": "zu Gleis 1", "geocoordX": 8.6753, "geocoordY": 49.4036, "state": "INACTIVE", "stateExplanation": "not available", "stationnumber": 2614},
         {"equipmentnumber": 10466099, "type": "ELEVATOR", "description": "Heidelberg Hbf, zum Parkhaus (far from any mapped elevator)", "geocoordX": 8.5000, "geocoordY": 49.2000, "state": "ACTIVE", "stationnumber": 2614}]
        """);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
