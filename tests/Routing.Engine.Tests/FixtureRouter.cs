using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Engine.Tests;

/// <summary>A router over one hand-written fixture, addressed in the fixture's own terms: OSM node ids and preset names.</summary>
internal sealed class FixtureRouter(string fixture)
{
    public RoutingGraph Graph { get; } = OsmImporter.Import(RepositoryPaths.Fixture(fixture)).Graph;

    public Router Router => _router ??= new Router(Graph, ProfileCatalog.Default);

    private Router? _router;

    public GeoPoint NodePoint(long osmNodeId)
    {
        int v = Graph.VertexOsmNodeId.IndexOf(osmNodeId);
        Assert.True(v >= 0, $"node {osmNodeId} is not a vertex");
        return new GeoPoint(Coordinates.ToDegrees(Graph.VertexLatE7[v]), Coordinates.ToDegrees(Graph.VertexLonE7[v]));
    }

    public RouteOutcome Route(long fromNode, long toNode, string profile, ConstraintOverrides? overrides = null)
    {
        Assert.True(ProfileCatalog.Default.TryGet(profile, out var preset));
        return Router.Route(new RouteRequest([NodePoint(fromNode), NodePoint(toNode)], (overrides ?? new()).ApplyTo(preset)));
    }
}
