using Routing.Terrain;

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
    /// Elevation files (GeoTIFF in WGS 84 or UTM, SRTM .hgt/.hgt.zip, .xyz) or folders of them for inclines on first
    /// start, separated by <c>;</c>; empty for none (<c>Routing:Elevation</c>). Where they overlap, the finest answers.
    /// A list in one string, because configuration binding appends to a default array instead of replacing it.
    /// </summary>
    public string Elevation { get; set; } = "data/heidelberg.elevation.tif";

    /// <summary>The coordinate system of .xyz tiles among the elevation files (<c>Routing:ElevationXyzCrs</c>), which do not name it themselves.</summary>
    public string ElevationXyzCrs { get; set; } = ElevationFiles.DefaultXyzCrs;

    /// <summary>
    /// Whether presets search on a contraction hierarchy (<c>Routing:PresetsOnHierarchy</c>, default true): built in the
    /// background after each graph loads, about 30 bytes per shortcut and customized profile. Off, every request searches
    /// with ALT, equally exact and slower: for a graph too large to contract on the machine.
    /// </summary>
    public bool PresetsOnHierarchy { get; set; } = true;
}
