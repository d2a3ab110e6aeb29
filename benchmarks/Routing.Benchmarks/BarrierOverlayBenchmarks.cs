using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// What a barrier report costs before routes respect it: rebuilding the overlay from all reports that count
/// (verified point reports on random main-network vertices, seeded), swapping it into the router, and the first
/// route after the swap (which compiles the profile with the new overlay).
/// </summary>
public class BarrierOverlayBenchmarks
{
    private RoutingGraph _graph = null!;
    private Router _router = null!;
    private ReportedBarrier[] _reports = [];
    private (GeoPoint From, GeoPoint To) _query;
    private ProfileSettings _wheelchair = null!;

    [Params(1, 100, 1_000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = RepositoryData.BuildHeidelberg();
        _router = new Router(_graph, ProfileCatalog.Default);
        var random = new Random(2026);
        var kinds = Enum.GetValues<ReportedBarrierKind>();
        _reports = new ReportedBarrier[Reports];
        for (int i = 0; i < Reports; i++)
        {
            int v;
            do
            {
                v = random.Next(_graph.VertexCount);
            }
            while (_graph.VertexComponent[v] != 0);
            var point = new GeoPoint(Coordinates.ToDegrees(_graph.VertexLatE7[v]), Coordinates.ToDegrees(_graph.VertexLonE7[v]));
            _reports[i] = new ReportedBarrier(i + 1, kinds[i % kinds.Length], Verified: true, new BarrierGeometry(BarrierGeometryType.Point, [point]));
        }
        _query = QuerySets.Load("mixed-1-5km")[0];
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        _wheelchair = wheelchair!;
        BarrierOverlay.Build(_graph, _reports); // builds the graph's spatial index once, as the running service has
    }

    [Benchmark]
    public BarrierOverlay BuildOverlay() => BarrierOverlay.Build(_graph, _reports);

    [Benchmark]
    public RouteOutcome BuildSwapAndRouteOnce()
    {
        _router.ReplaceOverlay(BarrierOverlay.Build(_graph, _reports));
        return _router.Route(new RouteRequest([_query.From, _query.To], _wheelchair));
    }
}
