namespace Routing.Web;

/// <summary>
/// Configuration section <c>Map</c>: the base map under the accessibility layer. Both empty (the default) means no
/// base map: the app works offline on the service's own tiles alone.
/// </summary>
internal sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A MapLibre style JSON URL (a self-hosted vector tile server); wins over <see cref="TileUrl"/>.</summary>
    public string? StyleUrl { get; set; }

    /// <summary>A raster tile URL template with <c>{z}/{x}/{y}</c>, e.g. OpenStreetMap's standard tiles.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the base map's licence asks for (HTML allowed, e.g. a link to the copyright page).</summary>
    public string? Attribution { get; set; }
}
