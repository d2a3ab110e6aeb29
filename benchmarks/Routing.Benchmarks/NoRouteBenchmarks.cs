using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Engine.Snapping;

namespace Routing.Benchmarks;

/// <summary>
/// A refusal and what it is made of, on the graph the service serves: the first 50 pairs of <c>mixed-1-5km</c> without
/// a wheelchair route, under the preset's default (uncertain terrain slopes penalized) and, as the baseline from
/// before incline confidence, with every terrain slope blocking (<see cref="DerivedInclinePolicy.Block"/>; its own
/// first 50 refused pairs). <see cref="Refusal"/> is the whole <see cref="Router.Route"/> answer (the strict search that
/// fails, the relaxed search, the blockers and the least-violating route with every segment's facts);
/// <see cref="StrictSearchFails"/> and <see cref="RelaxedSearch"/> are the two searches alone on the same snapped
/// points, so the refusal's cost can be read as "searches plus assembling a route". Time is per query.
/// </summary>
public class NoRouteBenchmarks
{
    private const int Queries = 50;
    private Router _router = null!;
    private PathFinder _pathFinder = null!;
    private CompiledProfile _strict = null!;
    private CompiledProfile _relaxed = null!;
    private RouteRequest[] _requests = [];
    private (SnapPoint From, SnapPoint To)[] _snapped = [];

    [Params(DerivedInclinePolicy.Penalize, DerivedInclinePolicy.Block)]
    public DerivedInclinePolicy DerivedIncline { get; set; } = DerivedInclinePolicy.Penalize;

    [GlobalSetup]
    public void Setup()
    {
        var graph = RepositoryData.BuildHeidelberg();
        _router = new Router(graph, ProfileCatalog.Default);
        _pathFinder = new PathFinder(graph);
        ProfileCatalog.Default.TryGet("wheelchair", out var preset);
        var wheelchair = preset! with { DerivedIncline = DerivedIncline };
        _strict = CompiledProfile.Compile(graph, wheelchair);
        _relaxed = CompiledProfile.Compile(graph, wheelchair, relaxed: true);
        var snapIndex = new SnapIndex(graph);
        _requests = [.. QuerySets.Load("mixed-1-5km")
            .Select(p => new RouteRequest([p.From, p.To], wheelchair))
            .Where(r => _router.Route(r) is NoRoute { LeastViolatingRoute: not null })
            .Take(Queries)];
        if (_requests.Length != Queries)
        {
            throw new InvalidOperationException($"Expected {Queries} pairs without a wheelchair route, found {_requests.Length}.");
        }
        // Snapped with the relaxed profile: a point may lie only on ways the strict one refuses.
        _snapped = [.. _requests.Select(r => (
            snapIndex.Snap(r.Waypoints[0], r.SnapRadiusM, _relaxed).Snapped!.Value,
            snapIndex.Snap(r.Waypoints[1], r.SnapRadiusM, _relaxed).Snapped!.Value))];
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Refusal()
    {
        int blockers = 0;
        foreach (var request in _requests)
        {
            blockers += ((NoRoute)_router.Route(request)).Blockers.Count;
        }
        return blockers;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int StrictSearchFails()
    {
        int failed = 0;
        foreach (var (from, to) in _snapped)
        {
            failed += _pathFinder.Find(_strict, from, to) is null ? 1 : 0;
        }
        return failed;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double RelaxedSearch()
    {
        double cost = 0;
        foreach (var (from, to) in _snapped)
        {
            cost += _pathFinder.Find(_relaxed, from, to)!.CostS;
        }
        return cost;
    }
}
