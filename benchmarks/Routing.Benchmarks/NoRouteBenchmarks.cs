using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Benchmarks;

/// <summary>
/// The no-route explanation: the first 50 pairs of <c>mixed-1-5km</c> that have no wheelchair route, each routed whole
/// (<see cref="Router.Route"/> returning <see cref="NoRoute"/> with its blockers). Compiled tables are cached by the
/// router, so this is the search that fails plus the relaxed search that explains why. Time is per query. On the graph
/// the service serves (with terrain) and, as the baseline that shows what the terrain costs, on the graph without it;
/// the pairs are the first 50 without a route on each graph.
/// </summary>
public class NoRouteBenchmarks
{
    private const int Queries = 50;
    private Router _router = null!;
    private RouteRequest[] _requests = [];

    [Params(true, false)]
    public bool Terrain { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(RepositoryData.BuildHeidelberg(Terrain), ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        _requests = [.. QuerySets.Load("mixed-1-5km")
            .Select(p => new RouteRequest([p.From, p.To], wheelchair!))
            .Where(r => _router.Route(r) is NoRoute)
            .Take(Queries)];
        if (_requests.Length != Queries)
        {
            throw new InvalidOperationException($"Expected {Queries} pairs without a wheelchair route, found {_requests.Length}.");
        }
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int ExplainNoRoute()
    {
        int blockers = 0;
        foreach (var request in _requests)
        {
            blockers += ((NoRoute)_router.Route(request)).Blockers.Count;
        }
        return blockers;
    }
}
