using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Routing.Http;
using Routing.Routes.Http;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.TestSupport;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Api.Tests;

/// <summary>
/// The hand-written segments (<see cref="SegmentListConverter"/>) are the text the generated code writes for the same
/// <see cref="SegmentDto"/>s, byte for byte: on real Heidelberg routes of every preset and on the least-violating routes
/// of refusals (whose segments carry violations), with the answer's writer and with the default one of problem answers.
/// </summary>
public sealed class SegmentListTests
{
    private static readonly JsonWriterOptions[] Writers = [JsonAnswer.WriterOptions, new JsonWriterOptions()];

    /// <summary>Routes between the first 40 urban benchmark pairs for every preset, and the least-violating routes of the refusals among them.</summary>
    private static readonly Lazy<List<Route>> LazyRoutes = new(() =>
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var pairs = File.ReadLines(RepositoryPaths.UrbanPairs).Skip(1).Take(40).Select(line => line.Split(','))
            .Select(f => (From: Point(f[0], f[1]), To: Point(f[2], f[3])));
        var routes = new List<Route>();
        foreach (var (from, to) in pairs)
        {
            foreach (var preset in ProfileCatalog.Default.Presets)
            {
                var route = router.Route(new RouteRequest([from, to], preset)) switch
                {
                    RouteFound found => found.Route,
                    NoRoute refused => refused.LeastViolatingRoute,
                    _ => null,
                };
                if (route is not null)
                {
                    routes.Add(route);
                }
            }
        }
        return routes;
    });

    private static SegmentDto FirstSegment => RouteMapper.ToDto(LazyRoutes.Value[0]).Segments!.Value.Items[0];

    [Fact]
    public void Hand_written_segments_are_the_generated_text_on_real_routes_and_refusals()
    {
        int segments = 0, violations = 0, escaped = 0;
        foreach (var route in LazyRoutes.Value)
        {
            var list = RouteMapper.ToDto(route).Segments!.Value;
            foreach (var writer in Writers)
            {
                Assert.Equal(Generated(list.Items, writer), Write(w => JsonSerializer.Serialize(w, list, RouteJsonContext.Default.Options), writer));
            }
            segments += list.Items.Length;
            violations += list.Items.Sum(s => s.Violations?.Length ?? 0);
            escaped += list.Items.Count(s => s.Name?.Any(c => c > 127) == true);
        }
        // The comparison covered what the hand-written code spells differently from plain ASCII values.
        Assert.True(segments > 1000 && violations > 0 && escaped > 0, $"{segments} segments, {violations} violations, {escaped} names beyond ASCII");
    }

    [Theory]
    [InlineData("Straße \"am\" Fluss\\")]
    [InlineData("tab\there, <b> & 'quotes' + `ticks`")]
    [InlineData("\u0001\u001f\u2028 and an emoji \U0001F9BD")]
    public void Strings_are_escaped_as_the_writer_escapes_them(string name)
    {
        var segment = FirstSegment with { Name = name, Crossing = name };
        foreach (var writer in Writers)
        {
            Assert.Equal(Generated([segment], writer), Write(w => JsonSerializer.Serialize(w, new SegmentList([segment]), RouteJsonContext.Default.Options), writer));
        }
    }

    [Fact]
    public void Segments_longer_than_the_threads_buffer_are_written_whole()
    {
        var segment = FirstSegment;
        var many = Enumerable.Range(0, 400).Select(i => segment with { Index = i, Name = new string('x', 300 + i) }).ToArray();

        Assert.Equal(Generated(many, JsonAnswer.WriterOptions),
            Write(w => JsonSerializer.Serialize(w, new SegmentList(many), RouteJsonContext.Default.Options), JsonAnswer.WriterOptions));
    }

    /// <summary>The array as the generated code writes its elements.</summary>
    private static string Generated(SegmentDto[] segments, JsonWriterOptions writer) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var segment in segments)
        {
            JsonSerializer.Serialize(w, segment, RouteJsonContext.Default.SegmentDto);
        }
        w.WriteEndArray();
    }, writer);

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static GeoPoint Point(string lat, string lon) =>
        new(double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture));
}
