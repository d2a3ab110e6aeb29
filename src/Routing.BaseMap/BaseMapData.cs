namespace Routing.BaseMap;

/// <summary>The layers of the base tiles, drawn in this order (a polygon under a line under a label).</summary>
internal enum BaseLayer : byte
{
    Green,
    Water,
    Squares,
    Buildings,
    Waterways,
    Railways,
    Streets,
    Labels,
}

/// <summary>
/// One drawn thing of the base map: a line (streets, railways, waterways), a polygon with holes (green, water, squares,
/// buildings) or a point (labels).
/// </summary>
/// <param name="Class">What it is within its layer (major, minor, path, wood, park, tram ...): the style colours by it.</param>
/// <param name="MinZoom">The first zoom level whose tiles hold it: a city view shows main roads, not every footway.</param>
/// <param name="Parts">Lines, or rings (outer first, then holes; closed), or one point: longitude and latitude in 1e-7
/// degrees, interleaved.</param>
internal sealed record BaseFeature(BaseLayer Layer, string Class, string? Name, byte MinZoom, int[][] Parts)
{
    public bool IsPolygon => Layer is BaseLayer.Green or BaseLayer.Water or BaseLayer.Squares or BaseLayer.Buildings;
}

/// <summary>
/// A place the search finds: a street (the ways of one name near each other), a square, a building or point of interest,
/// a stop (its platforms and stop positions merged).
/// </summary>
/// <param name="Kind">street, square, pedestrian_area, building, church, castle, museum, toilets, station, stop, park, ...</param>
/// <param name="AltNames">Other names people use (<c>alt_name</c>, <c>old_name</c>, <c>short_name</c>, <c>official_name</c>).</param>
/// <param name="Wheelchair">OSM <c>wheelchair=*</c>: yes, limited, no or unknown.</param>
/// <param name="Importance">0 to 100: how likely a person means it when its name matches (a castle before a footway).</param>
/// <param name="District">The district it lies in, null when none is known near.</param>
/// <param name="OsmId">Its OSM element as type/id (node/123, way/456); for a merged stop or street, the first.</param>
internal sealed record BasePlace(string Name, IReadOnlyList<string> AltNames, string Kind, int LatE7, int LonE7, string Wheelchair,
    int Importance, string? District, string OsmId);

/// <summary>Everything the base map holds: what is drawn and what is searched.</summary>
internal sealed record BaseMapData(IReadOnlyList<BaseFeature> Features, IReadOnlyList<BasePlace> Places);
