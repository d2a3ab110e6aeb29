using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine;
using Routing.Graph.Format;
using Routing.Serving;
using Routing.TestSupport;

namespace Routing.Ors.Tests;

/// <summary>
/// The real service on the Heidelberg graph, served by Kestrel on a loopback port: an ORS client from its registry
/// needs a socket, and the C# tests use the same one.
/// </summary>
public sealed class OrsHost : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Factory _factory;

    public OrsHost()
    {
        string graphPath = _directory.File("heidelberg.graph");
        GraphFileWriter.Write(Heidelberg.Graph, graphPath);
        _factory = new Factory(graphPath);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public Router Router => _factory.Services.GetRequiredService<GraphHolder>().Current.Router;

    public async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        using var response = await Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await Json(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path)
    {
        using var response = await Client.GetAsync(path);
        return (response.StatusCode, await Json(response));
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        _directory.Dispose();
    }

    private sealed class Factory(string graphPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Routing:Graph", graphPath);
            builder.UseSetting("Routing:Osm", RepositoryPaths.HeidelbergExtract);
            builder.UseSetting("Routing:Elevation", "");
            builder.UseSetting("Warmup:Enabled", "false"); // the warm-up (seconds of routes before ready) is WarmupTests' subject, off elsewhere
            builder.UseSetting("Transit:TransfersAhead", "false"); // trips check the walks they reach: ready without every preset's walks
            builder.UseSetting("Quotas:RoutesPerSecond", "0"); // quotas are the hostile-client suite's subject, off elsewhere
            builder.UseSetting("Quotas:ExpensivePerMinute", "0");
            builder.UseSetting("Quotas:ExpensiveConcurrent", "0");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OrsHostCollection : ICollectionFixture<OrsHost>
{
    public const string Name = "ors host";
}

/// <summary>Requests and answers used across the tests.</summary>
internal static class Ors
{
    public const string Directions = "/ors/v2/directions/";

    /// <summary>From Sofienstraße to the Heiliggeistkirche (the README's route).</summary>
    public const string OldTown = "[[8.6934, 49.4094], [8.7101, 49.4122]]";

    /// <summary>ORS's documented wheelchair options (its routing-options reference), verbatim.</summary>
    public const string WheelchairOptions =
        """{"avoid_features":["ferries","steps"],"profile_params":{"restrictions":{"surface_type":"cobblestone:flattened","track_type":"grade1","smoothness_type":"good","maximum_sloped_kerb":0.06,"maximum_incline":6}}}""";

    /// <summary>ORS's documented foot-* options, verbatim.</summary>
    public const string FootOptions =
        """{"avoid_features":["fords","ferries"],"profile_params":{"weightings":{"green":{"factor":0.8},"quiet":{"factor":1.0}}}}""";

    public static IEnumerable<double[]> Positions(JsonElement array) =>
        array.EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray());

    public static int ErrorCode(JsonElement body) => body.GetProperty("error").GetProperty("code").GetInt32();

    /// <summary>The fixed urban pairs of the benchmarks, as ORS coordinates.</summary>
    public static IReadOnlyList<string> UrbanPairs(int count) =>
        [.. File.ReadLines(RepositoryPaths.UrbanPairs).Skip(1).Take(count).Select(line =>
        {
            var v = line.Split(',');
            return $"[[{v[1]}, {v[0]}], [{v[3]}, {v[2]}]]";
        })];
}
