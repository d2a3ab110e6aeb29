using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Osm.Tags;

/// <summary>
/// Which named OSM nodes are places people search for to start or end a route (stops, toilets, public buildings,
/// shops, amenities), and what OSM says about their wheelchair access.
/// </summary>
internal static class PlaceTagRules
{
    private static readonly HashSet<string> PublicBuildings = new(StringComparer.Ordinal)
    {
        "townhall", "library", "school", "university", "college", "kindergarten", "post_office", "police", "courthouse",
        "community_centre", "social_facility", "public_building", "place_of_worship", "theatre", "cinema", "arts_centre",
    };

    private static readonly HashSet<string> Healthcare = new(StringComparer.Ordinal)
    {
        "pharmacy", "doctors", "dentist", "hospital", "clinic",
    };

    /// <summary>
    /// The kind of place, or null when the node is not one. Places need a name to be searched by, except toilets:
    /// few are named, and a wheelchair user looks for the nearest one ("toilets", "WC").
    /// </summary>
    public static PlaceKind? Classify(IReadOnlyDictionary<string, string> tags)
    {
        string? amenity = tags.GetValueOrDefault("amenity");
        if (tags.GetValueOrDefault("name") is not { Length: > 0 })
        {
            return amenity == "toilets" ? PlaceKind.Toilets : null;
        }
        if (tags.GetValueOrDefault("public_transport") is "platform" or "stop_position" or "station"
            || tags.Is("highway", "bus_stop") || tags.GetValueOrDefault("railway") is "station" or "halt" or "tram_stop")
        {
            return PlaceKind.PublicTransport;
        }
        if (amenity == "toilets")
        {
            return PlaceKind.Toilets;
        }
        if ((amenity is not null && PublicBuildings.Contains(amenity)) || tags.Is("office", "government"))
        {
            return PlaceKind.PublicBuilding;
        }
        if ((amenity is not null && Healthcare.Contains(amenity)) || tags.ContainsKey("healthcare"))
        {
            return PlaceKind.Healthcare;
        }
        if (tags.ContainsKey("shop"))
        {
            return PlaceKind.Shop;
        }
        if (amenity is not null)
        {
            return PlaceKind.Amenity;
        }
        return tags.ContainsKey("tourism") ? PlaceKind.Tourism : null;
    }

    /// <summary>The node's <c>wheelchair=*</c>, or unknown when it has none.</summary>
    public static WheelchairTag WheelchairOf(IReadOnlyDictionary<string, string> tags) =>
        tags.Read("wheelchair", TagValues.ParseWheelchair) ?? WheelchairTag.Unknown;
}
