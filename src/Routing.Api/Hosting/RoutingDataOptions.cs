namespace Routing.Api.Hosting;

/// <summary>
/// Configuration section <c>Routing</c>: where the graph file is, and the OSM extract to build it from when it is
/// missing. Relative paths are resolved by <see cref="DataPaths"/>.
/// </summary>
internal sealed class RoutingDataOptions
{
    public const string Section = "Routing";

    /// <summary>The graph file (<c>Routing:Graph</c>).</summary>
    public string Graph { get; set; } = "data/heidelberg.graph";

    /// <summary>The OSM extract the graph is built from on first start (<c>Routing:Osm</c>).</summary>
    public string Osm { get; set; } = "data/heidelberg.osm.pbf";
}
