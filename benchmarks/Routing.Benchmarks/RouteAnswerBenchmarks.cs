using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Routing.Api.Hosting;
using Routing.Http;
using Routing.Routes.Http;
using Routing.Engine;
using Routing.Engine.Profiles;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Benchmarks;

/// <summary>
/// What the API does with a found route after the search: map it to the answer's DTOs and write it, as JSON (the
/// default), GeoJSON and GPX. The routes are the first <see cref="RoutesPerInvocation"/> wheelchair routes of
/// <c>urban-1-3km</c>, found once in the setup; the figures are per route. The JSON is written to a reused buffer, as
/// the service writes to its pooled response pipe, so the allocations counted are the mapper's and the serializer's
/// (and one small writer object), not the buffer's growth.
/// </summary>
public class RouteAnswerBenchmarks
{
    private const int RoutesPerInvocation = 40;
    private readonly List<Route> _routes = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private JsonSerializerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var router = new Router(RepositoryData.BuildHeidelberg(), ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        foreach (var (from, to) in QuerySets.Load(QuerySets.UrbanSet))
        {
            if (_routes.Count < RoutesPerInvocation && router.Route(new RouteRequest([from, to], wheelchair!)) is RouteFound found)
            {
                _routes.Add(found.Route);
            }
        }
        Console.WriteLine($"// {_routes.Count} wheelchair routes of urban-1-3km, {_routes.Average(r => r.Geometry.Count):F0} points and {_routes.Average(r => r.Segments.Count):F0} segments on average");
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(_options);
    }

    /// <summary>What the service writes: the source-generated fast path, as <see cref="JsonAnswer{T}"/> runs it.</summary>
    [Benchmark(OperationsPerInvoke = RoutesPerInvocation)]
    public long Json()
    {
        long bytes = 0;
        for (int i = 0; i < RoutesPerInvocation; i++)
        {
            bytes += Write(new RoutesResponse([RouteMapper.ToDto(_routes[i])]), RouteJsonContext.Default.RoutesResponse);
        }
        return bytes;
    }

    /// <summary>The baseline: the same answer through the host's options (a global enum converter), System.Text.Json's resumable path.</summary>
    [Benchmark(OperationsPerInvoke = RoutesPerInvocation)]
    public long JsonHostOptions()
    {
        long bytes = 0;
        for (int i = 0; i < RoutesPerInvocation; i++)
        {
            bytes += Write(new RoutesResponse([RouteMapper.ToDto(_routes[i])]), _options.GetTypeInfo(typeof(RoutesResponse)));
        }
        return bytes;
    }

    /// <summary>Only the mapping to the answer's objects, without writing them.</summary>
    [Benchmark(OperationsPerInvoke = RoutesPerInvocation)]
    public int Map()
    {
        int segments = 0;
        for (int i = 0; i < RoutesPerInvocation; i++)
        {
            segments += RouteMapper.ToDto(_routes[i]).Segments!.Value.Items.Length;
        }
        return segments;
    }

    [Benchmark(OperationsPerInvoke = RoutesPerInvocation)]
    public long GeoJson()
    {
        long bytes = 0;
        for (int i = 0; i < RoutesPerInvocation; i++)
        {
            bytes += Write(GeoJsonRoute.From(_routes[i]), RouteJsonContext.Default.GeoJsonRoute);
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = RoutesPerInvocation)]
    public long Gpx()
    {
        long chars = 0;
        for (int i = 0; i < RoutesPerInvocation; i++)
        {
            chars += GpxWriter.Write(_routes[i], "wheelchair").Length;
        }
        return chars;
    }

    /// <summary>With the writer options the service writes its answers with (UTF-8 text, no second validation).</summary>
    private long Write(object answer, JsonTypeInfo typeInfo)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, JsonAnswer.WriterOptions);
        JsonSerializer.Serialize(writer, answer, typeInfo);
        writer.Flush();
        return _buffer.WrittenCount;
    }
}
