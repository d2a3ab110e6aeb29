using Routing.Build;
using Routing.Graph;
using Routing.Osm.Import;

namespace Routing.TestSupport;

/// <summary>The bundled Heidelberg extract, imported once per test process.</summary>
public static class Heidelberg
{
    private static readonly Lazy<RoutingGraph> LazyImported = new(() => OsmImporter.Import(RepositoryPaths.HeidelbergExtract).Graph);

    private static readonly Lazy<RoutingGraph> LazyGraph = new(() => GraphBuild.PlaceOnTerrain(Imported, [RepositoryPaths.HeidelbergElevation]));

    /// <summary>The graph as the importer makes it: facts from OSM only (what importer tests check).</summary>
    public static RoutingGraph Imported => LazyImported.Value;

    /// <summary>The graph placed on its terrain model, as the service builds it (what routing tests run on).</summary>
    public static RoutingGraph Graph => LazyGraph.Value;
}
