using Routing.Graph;
using Routing.Osm.Import;

namespace Routing.TestSupport;

/// <summary>The graph of the bundled Heidelberg extract, imported once per test process.</summary>
public static class Heidelberg
{
    private static readonly Lazy<RoutingGraph> LazyGraph = new(() => OsmImporter.Import(RepositoryPaths.HeidelbergExtract).Graph);

    public static RoutingGraph Graph => LazyGraph.Value;
}
