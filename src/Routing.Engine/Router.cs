using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Engine;

/// <summary>
/// The engine's one entry point: snaps the waypoints, searches each leg with the request's own profile, assembles
/// the route or explains why there is none. Built once per graph (landmarks, spatial index); shared by all requests
/// and thread-safe, because the graph is read-only and search state is rented per request.
/// </summary>
public sealed class Router
{
    private readonly PathFinder _pathFinder;
    private readonly SnapIndex _snapIndex;
    private readonly RouteAssembler _assembler;
    private readonly CompiledProfileCache _compiledProfiles;

    public Router(RoutingGraph graph, ProfileCatalog profiles)
    {
        Graph = graph;
        Profiles = profiles;
        _pathFinder = new PathFinder(graph);
        _snapIndex = new SnapIndex(graph);
        _assembler = new RouteAssembler(graph);
        _compiledProfiles = new CompiledProfileCache(graph);
    }

    public RoutingGraph Graph { get; }

    public ProfileCatalog Profiles { get; }

    public RouteOutcome Route(RouteRequest request)
    {
        if (request.Waypoints.Count < 2)
        {
            throw new ArgumentException("a route needs at least two waypoints", nameof(request));
        }
        var profile = _compiledProfiles.Get(request.Profile, relaxed: false);
        CompiledProfile? relaxed = null;
        var snapped = new SnapPoint[request.Waypoints.Count];
        for (int i = 0; i < snapped.Length; i++)
        {
            var point = request.Waypoints[i];
            if (!_snapIndex.Covers(point))
            {
                return new PointOutsideArea(i, point);
            }
            var snap = _snapIndex.Snap(point, request.SnapRadiusM, profile);
            if (snap.Snapped is { } onNetwork)
            {
                snapped[i] = onNetwork;
                continue;
            }
            // A point that lies only on ways this profile may not use (a steep lane, a staircase) still has a place:
            // start there, let the strict search fail, and explain what blocks instead of "not on the network".
            relaxed ??= _compiledProfiles.Get(request.Profile, relaxed: true);
            if (_snapIndex.Snap(point, request.SnapRadiusM, relaxed).Snapped is not { } onBlockedWay)
            {
                return new PointNotOnNetwork(i, point, request.SnapRadiusM, snap.NearestUsableBeyondRadiusM);
            }
            snapped[i] = onBlockedWay;
        }

        var legs = new SearchPath[snapped.Length - 1];
        for (int leg = 0; leg < legs.Length; leg++)
        {
            if (_pathFinder.Find(profile, snapped[leg], snapped[leg + 1]) is not { } path)
            {
                relaxed ??= _compiledProfiles.Get(request.Profile, relaxed: true);
                return Explain(request.Language, leg, snapped[leg], snapped[leg + 1], profile, relaxed);
            }
            legs[leg] = path;
        }
        return new RouteFound(_assembler.Assemble(legs, profile, request.Waypoints, request.Language));
    }

    /// <summary>
    /// Searches the leg again with every limit turned into a large penalty: the cheapest such path breaks the fewest
    /// limits, and what it breaks is what blocks the user.
    /// </summary>
    private NoRoute Explain(string language, int leg, SnapPoint from, SnapPoint to, CompiledProfile strict, CompiledProfile relaxed)
    {
        if (_pathFinder.Find(relaxed, from, to) is not { } leastBad)
        {
            return new NoRoute(leg, [_assembler.NotConnected(to, language)]);
        }
        return new NoRoute(leg, _assembler.Explain(leastBad, strict, language));
    }
}
