using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Hierarchy;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// The stages of one route request, each on its own, for the wheelchair profile on the 1-5 km query set:
/// compiling the request's profile, finding its main network, snapping both points, the exact search on the contraction hierarchy (as presets
/// search) and with ALT (as other profiles search), plain Dijkstra as the baseline both are compared with, and
/// assembling the route's details. Times are per query. Each stage runs on the graph
/// the service serves (with terrain: 12,780 edge classes) and, as the baseline that shows what the terrain costs, on
/// the graph without it (1,573 classes); the query pairs are those routable on each graph.
/// </summary>
public class EngineStageBenchmarks
{
    private const int Queries = 200;
    private RoutingGraph _graph = null!;
    private ProfileSettings _settings = null!;
    private CompiledProfile _profile = null!;
    private CompiledProfile _customized = null!;
    private SnapIndex _snapIndex = null!;
    private PathFinder _pathFinder = null!;
    private RouteAssembler _assembler = null!;
    private RouteAssembler _assemblerWithStreetsAlong = null!;
    private (GeoPoint From, GeoPoint To)[] _points = [];
    private (SnapPoint From, SnapPoint To)[] _snapped = [];
    private SearchPath[] _paths = [];

    [Params(true, false)]
    public bool Terrain { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _graph = RepositoryData.BuildHeidelberg(Terrain);
        ProfileCatalog.Default.TryGet("wheelchair", out var preset);
        _settings = preset!;
        _profile = CompiledProfile.Compile(_graph, _settings);
        _customized = CompiledProfile.Compile(_graph, _settings);
        _customized.UseHierarchy(ContractionHierarchy.Build(_graph));
        _snapIndex = new SnapIndex(_graph);
        _pathFinder = new PathFinder(_graph);
        _assembler = new RouteAssembler(_graph);
        _assemblerWithStreetsAlong = new RouteAssembler(_graph, streetsAlong: new StreetsAlong(_graph, _snapIndex));
        var snapped = new List<(SnapPoint, SnapPoint)>();
        var paths = new List<SearchPath>();
        foreach (var (from, to) in QuerySets.Load("mixed-1-5km"))
        {
            if (_snapIndex.Snap(from, 50, _profile).Snapped is { } a && _snapIndex.Snap(to, 50, _profile).Snapped is { } b
                && _pathFinder.Find(_profile, a, b) is { } path)
            {
                snapped.Add((a, b));
                paths.Add(path);
                _points = [.. _points, (from, to)];
            }
            if (paths.Count == Queries)
            {
                break;
            }
        }
        _snapped = [.. snapped];
        _paths = [.. paths];
    }

    [Benchmark]
    public CompiledProfile CompileProfile() => CompiledProfile.Compile(_graph, _settings);

    /// <summary>The profile's main network (<see cref="ProfileNetwork"/>): made once per compiled profile, on its first snap.</summary>
    [Benchmark]
    public int BuildProfileNetwork() => new ProfileNetwork(_graph, _profile).MainVertexCount;

    /// <summary>What a new profile that blocks what an earlier one blocked pays instead: its blocking read and looked up.</summary>
    [Benchmark]
    public int ShareProfileNetwork() => ProfileNetwork.Of(_graph, _profile).MainVertexCount;

    [Benchmark(OperationsPerInvoke = Queries)]
    public int SnapBothPoints()
    {
        int found = 0;
        foreach (var (from, to) in _points)
        {
            found += _snapIndex.Snap(from, 50, _profile).Snapped is null ? 0 : 1;
            found += _snapIndex.Snap(to, 50, _profile).Snapped is null ? 0 : 1;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double SearchHierarchy()
    {
        double total = 0;
        foreach (var (from, to) in _snapped)
        {
            total += _pathFinder.Find(_customized, from, to)!.CostS;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double SearchAlt()
    {
        double total = 0;
        foreach (var (from, to) in _snapped)
        {
            total += _pathFinder.Find(_profile, from, to)!.CostS;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries, Baseline = true)]
    public double SearchDijkstra()
    {
        double total = 0;
        foreach (var (from, to) in _snapped)
        {
            total += _pathFinder.FindWithDijkstra(_profile, from, to)!.CostS;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double AssembleRoute() => Assemble(_assembler);

    /// <summary>The same with unnamed ways said by the street they run along, as the router assembles (what that lookup costs).</summary>
    [Benchmark(OperationsPerInvoke = Queries)]
    public double AssembleRouteWithStreetsAlong() => Assemble(_assemblerWithStreetsAlong);

    private double Assemble(RouteAssembler assembler)
    {
        double total = 0;
        for (int i = 0; i < _paths.Length; i++)
        {
            total += assembler.Assemble([_paths[i]], _profile, [_points[i].From, _points[i].To], "en").DistanceM;
        }
        return total;
    }
}
