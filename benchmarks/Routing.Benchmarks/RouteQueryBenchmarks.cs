using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Benchmarks;

/// <summary>
/// Engine time per route for each preset on the fixed query sets: snapping, compiling the request's profile,
/// the search and route assembly, as one request does it. Each invocation routes the whole set once; divide by
/// <see cref="QueriesPerInvocation"/> for the time per query (BenchmarkDotNet's OperationsPerInvoke does this).
/// </summary>
public class RouteQueryBenchmarks
{
    public const int QueriesPerInvocation = 200;
    private Router _router = null!;
    private IReadOnlyList<(GeoPoint From, GeoPoint To)> _queries = [];
    private ProfileSettings _settings = null!;

    [Params("wheelchair", "powered_wheelchair", "walker", "pushchair", "foot")]
    public string Profile { get; set; } = "wheelchair";

    [Params("urban-0.5-2km", "long-3-8km")]
    public string QuerySet { get; set; } = "urban-0.5-2km";

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(RepositoryData.BuildHeidelberg(), ProfileCatalog.Default);
        _queries = QuerySets.Load(QuerySet).Take(QueriesPerInvocation).ToList();
        ProfileCatalog.Default.TryGet(Profile, out var preset);
        // A per-request override, as a real user sends it: the profile is compiled for every query.
        _settings = new ConstraintOverrides { MaxKerbCm = preset!.MaxKerbCm is null ? null : preset.MaxKerbCm + 1 }.ApplyTo(preset);
    }

    [Benchmark(OperationsPerInvoke = QueriesPerInvocation)]
    public int Route()
    {
        int found = 0;
        foreach (var (from, to) in _queries)
        {
            found += _router.Route(new RouteRequest([from, to], _settings)) is RouteFound ? 1 : 0;
        }
        return found;
    }
}
