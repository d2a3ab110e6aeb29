namespace Routing.Api.Hosting;

/// <summary>
/// Configuration section <c>Routing</c>: where the graph file is, and the OSM extract and terrain model to build it
/// from when it is missing. Relative paths are resolved by <see cref="DataPaths"/>.
/// </summary>
internal sealed class RoutingDataOptions
{
    public const string Section = "Routing";

    /// <summary>The graph file (<c>Routing:Graph</c>).</summary>
    public string Graph { get; set; } = "data/heidelberg.graph";

    /// <summary>The OSM extract the graph is built from on first start (<c>Routing:Osm</c>).</summary>
    public string Osm { get; set; } = "data/heidelberg.osm.pbf";

    /// <summary>
    /// Elevation files (GeoTIFF, SRTM .hgt/.hgt.zip) for inclines on first start, separated by <c>;</c>; empty for
    /// none (<c>Routing:Elevation</c>). A list in one string, because configuration binding appends to a default array
    /// instead of replacing it.
    /// </summary>
    public string Elevation { get; set; } = "data/heidelberg.elevation.tif";
}
