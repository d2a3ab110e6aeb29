using BenchmarkDotNet.Attributes;
using Routing.Analysis;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;

namespace Routing.Benchmarks;

/// <summary>
/// Planner questions on the graph the service serves: a wheelchair isochrone from Bismarckplatz by range (the search and
/// the polygon), a wheelchair matrix of 10 x 10 and 100 x 100 points of the urban set, and the fix-first ranking of
/// every candidate for 100 origins (the urban set's start points) within 10 minutes.
/// </summary>
public class AnalysisBenchmarks
{
    private Router _router = null!;
    private ProfileSettings _wheelchair = null!;
    private GeoPoint[] _points = [];

    [Params(300, 600, 900)]
    public double RangeS { get; set; } = 900;

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(RepositoryData.BuildHeidelberg(), ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        _wheelchair = wheelchair!;
        var pairs = QuerySets.Load(QuerySets.UrbanSet);
        _points = [.. pairs.Select(p => p.From).Take(100)];
    }

    [Benchmark]
    public double Isochrone() =>
        Isochrones.Compute(_router, [new GeoPoint(49.4094, 8.6934)], _wheelchair, ReachMetric.CostS, [RangeS]).Isochrones[0].AreaM2;

    [Benchmark]
    public int Matrix10x10() => Count(_router.Matrix(_points[..10], _points[10..20], _wheelchair));

    [Benchmark]
    public int Matrix100x100() => Count(_router.Matrix(_points, _points, _wheelchair));

    [Benchmark]
    public int FixFirst100Origins() => FixFirst.Rank(_router, _points, _wheelchair, minutes: 10).Fixes.Count;

    private static int Count(TravelMatrix matrix) => matrix.DurationsS.Sum(row => row.Count(v => v is not null));
}
