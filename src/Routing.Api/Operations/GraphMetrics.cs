using System.Diagnostics.Metrics;
using Routing.Serving;

namespace Routing.Api.Operations;

/// <summary>
/// Meter <c>Routing.Graph</c>: which graph serves (an info gauge whose tags are its identity), how long loading and
/// swapping took, and how reloads ended.
/// </summary>
internal sealed class GraphMetrics
{
    public const string MeterName = "Routing.Graph";

    /// <summary>Seconds: a few milliseconds (checksum, overlay) up to a minute (building a region on first start).</summary>
    private static readonly double[] DurationBucketsS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Histogram<double> _load;
    private readonly Histogram<double> _swap;
    private readonly Counter<long> _reloads;

    public GraphMetrics(IMeterFactory meters, GraphHolder holder)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("routing.graph.info", () => Identity(holder), unit: "{graph}",
            description: "1 for the graph serving now; its tags say which file (checksum), when it was built and how big it is.");
        _load = meter.CreateHistogram("routing.graph.load.duration", "s",
            "Reading and checking a graph file and preparing its router and indexes (on start, with the build if the file was missing).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsS });
        _swap = meter.CreateHistogram("routing.graph.swap.duration", "s",
            "Giving a checked graph the current barrier overlay and swapping it in.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsS });
        _reloads = meter.CreateCounter<long>("routing.graph.reloads", "{reload}",
            "Graph reloads by trigger (admin, file) and result (swapped, unchanged, refused).");
    }

    public void Loaded(TimeSpan duration) => _load.Record(duration.TotalSeconds);

    public void Reloaded(string trigger, string result, TimeSpan? load, TimeSpan? swap)
    {
        if (load is { } l)
        {
            _load.Record(l.TotalSeconds);
        }
        if (swap is { } s)
        {
            _swap.Record(s.TotalSeconds);
        }
        _reloads.Add(1, new KeyValuePair<string, object?>("trigger", trigger), new KeyValuePair<string, object?>("result", result));
    }

    private static IEnumerable<Measurement<long>> Identity(GraphHolder holder)
    {
        if (!holder.IsLoaded)
        {
            yield break;
        }
        var serving = holder.Current;
        var graph = serving.Router.Graph;
        yield return new Measurement<long>(1,
            new KeyValuePair<string, object?>("checksum", serving.Source.FileChecksum),
            new KeyValuePair<string, object?>("built_at", graph.Metadata.BuiltAtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            new KeyValuePair<string, object?>("source", graph.Metadata.SourceFile),
            new KeyValuePair<string, object?>("vertices", graph.VertexCount),
            new KeyValuePair<string, object?>("edges", graph.EdgeCount));
    }
}
