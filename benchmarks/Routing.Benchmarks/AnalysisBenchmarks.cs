using BenchmarkDotNet.Attributes;
using Routing.Analysis;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;

namespace Routing.Benchmarks;

/// <summary>
/// Planner questions on the graph the service serves: a wheelchair matrix of 10 x 10 and 100 x 100 points of the urban
/// set; a foot matrix of 10 x 10 with and without one destination on a small island of the graph (which no source can
/// reach, and which must not make every source search the whole city); and the fix-first ranking of every candidate within 10 minutes for 100 origins (the urban set's start points)
/// and for every public-transport stop of the extract.
/// </summary>
public class AnalysisBenchmarks
{
    private Router _router = null!;
    private ProfileSettings _wheelchair = null!;
    private ProfileSettings _foot = null!;
    private GeoPoint[] _points = [];
    private GeoPoint _island;

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(RepositoryData.BuildHeidelberg(), ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        _wheelchair = wheelchair!;
        var pairs = QuerySets.Load(QuerySets.UrbanSet);
        _points = [.. pairs.Select(p => p.From).Take(100)];
        ProfileCatalog.Default.TryGet("foot", out var foot);
        _foot = foot!;
        // A vertex of a component of a few vertices: a point exactly on it snaps to its island.
        var graph = _router.Graph;
        int[] component = graph.VertexComponent.ToArray(), size = graph.ComponentSize.ToArray();
        int islandVertex = Enumerable.Range(0, graph.VertexCount).First(v => size[component[v]] is >= 3 and <= 20);
        _island = new GeoPoint(Routing.Graph.Coordinates.ToDegrees(graph.VertexLatE7[islandVertex]), Routing.Graph.Coordinates.ToDegrees(graph.VertexLonE7[islandVertex]));
    }

    [Benchmark]
    public int Matrix10x10() => Count(_router.Matrix(_points[..10], _points[10..20], _wheelchair));

    [Benchmark]
    public int FootMatrix10x10() => Count(_router.Matrix(_points[..10], _points[10..20], _foot));

    [Benchmark]
    public int FootMatrix10x10OneOnAnIsland() => Count(_router.Matrix(_points[..10], [.. _points[10..19], _island], _foot));

    [Benchmark]
    public int Matrix100x100() => Count(_router.Matrix(_points, _points, _wheelchair));

    [Benchmark]
    public int FixFirst100Origins() => FixFirst.Rank(_router, _points, _wheelchair, minutes: 10).Fixes.Count;

    /// <summary>The whole of Heidelberg: every public-transport stop of the extract as an origin, every candidate.</summary>
    [Benchmark]
    public int FixFirstAllStops() => FixFirst.Rank(_router, FixFirst.TransportStops(_router.Graph), _wheelchair, minutes: 10).Fixes.Count;

    private static int Count(TravelMatrix matrix) => matrix.DurationsS.Sum(row => row.Count(v => v is not null));
}

/// <summary>A wheelchair isochrone from Bismarckplatz by range: the search, the reached stretches and the polygon.</summary>
public class IsochroneBenchmarks
{
    private Router _router = null!;
    private ProfileSettings _wheelchair = null!;

    [Params(300, 600, 900)]
    public double RangeS { get; set; } = 900;

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(RepositoryData.BuildHeidelberg(), ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        _wheelchair = wheelchair!;
    }

    [Benchmark]
    public double Isochrone() =>
        Isochrones.Compute(_router, [new GeoPoint(49.4094, 8.6934)], _wheelchair, ReachMetric.CostS, [RangeS]).Isochrones[0].AreaM2;
}
