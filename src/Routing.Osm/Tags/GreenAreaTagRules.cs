using Routing.Graph;

namespace Routing.Osm.Tags;

/// <summary>
/// Which OSM areas a path can run through in an instruction ("the path through the park"): parks, gardens, cemeteries
/// and woods, areas a person recognises by what surrounds them, and that are signposted or named as such. Left out on
/// purpose: <c>landuse=grass</c> (mostly verges and roundabout islands, nothing one walks through), <c>recreation_ground</c>
/// and <c>village_green</c> (fairgrounds, sports fields, barbecue spots: the word would not match what one sees),
/// meadows, allotments and golf courses (fenced or private), nature reserves (a protection status, drawn over woods and
/// fields alike), squares (paved, already "the square"), and residential gardens (someone's backyard).
/// </summary>
internal static class GreenAreaTagRules
{
    /// <summary>The kind of a closed way's area, or null when it is none of those above.</summary>
    public static GreenAreaKind? Classify(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.GetValueOrDefault("area") == "no")
        {
            return null;
        }
        string? leisure = tags.GetValueOrDefault("leisure");
        if (leisure == "park")
        {
            return GreenAreaKind.Park;
        }
        if (leisure == "garden" && tags.GetValueOrDefault("garden:type") != "residential")
        {
            return GreenAreaKind.Garden;
        }
        string? landuse = tags.GetValueOrDefault("landuse");
        if (landuse == "cemetery" || tags.GetValueOrDefault("amenity") == "grave_yard")
        {
            return GreenAreaKind.Cemetery;
        }
        if (landuse == "forest" || tags.GetValueOrDefault("natural") == "wood")
        {
            return GreenAreaKind.Wood;
        }
        return null;
    }

    /// <summary>The kind of a relation's area: only multipolygons are areas.</summary>
    public static GreenAreaKind? ClassifyRelation(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("type") == "multipolygon" ? Classify(tags) : null;

    /// <summary>What instructions call the area: its <c>name</c>; no <c>ref</c>, which no one reads off a park.</summary>
    public static string? NameOf(IReadOnlyDictionary<string, string> tags) => tags.GetValueOrDefault("name") is { Length: > 0 } name ? name : null;
}
