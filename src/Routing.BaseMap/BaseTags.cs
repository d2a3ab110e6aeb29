namespace Routing.BaseMap;

/// <summary>
/// OSM tags to what the base map draws and what the search finds: pure functions, one table each. Zoom levels follow
/// what a person looks for at that scale: main roads from 12, every street from 14, paths, buildings and pitches
/// from 15.
/// </summary>
internal static class BaseTags
{
    public readonly record struct Drawn(BaseLayer Layer, string Class, byte MinZoom);

    public readonly record struct Found(string Kind, int Importance);

    /// <summary>What a way (closed or not) or a multipolygon draws; null when nothing.</summary>
    public static Drawn? Draw(IReadOnlyDictionary<string, string> tags, bool closed)
    {
        string? highway = tags.GetValueOrDefault("highway"), railway = tags.GetValueOrDefault("railway");
        if (highway is not null)
        {
            bool area = closed && (tags.GetValueOrDefault("area") == "yes" || highway == "pedestrian" && tags.GetValueOrDefault("area") != "no" && IsSquareName(tags));
            return area && highway is "pedestrian" or "footway" ? new Drawn(BaseLayer.Squares, "pedestrian", 14) : StreetOf(highway);
        }
        if (railway is "rail" or "light_rail" or "narrow_gauge" or "subway" or "funicular" or "monorail")
        {
            return new Drawn(BaseLayer.Railways, railway == "funicular" ? "funicular" : "rail", 12);
        }
        if (railway == "tram")
        {
            return new Drawn(BaseLayer.Railways, "tram", 14);
        }
        if (tags.GetValueOrDefault("waterway") is { } waterway && !closed)
        {
            return waterway switch
            {
                "river" or "canal" => new Drawn(BaseLayer.Waterways, "river", 12),
                "stream" or "ditch" or "drain" => new Drawn(BaseLayer.Waterways, "stream", 14),
                _ => null,
            };
        }
        if (!closed)
        {
            return null;
        }
        if (tags.GetValueOrDefault("natural") is "water" || tags.GetValueOrDefault("waterway") is "riverbank" or "dock"
            || tags.GetValueOrDefault("landuse") is "reservoir" or "basin" || tags.GetValueOrDefault("leisure") is "swimming_pool")
        {
            return new Drawn(BaseLayer.Water, "water", 12);
        }
        if (tags.TryGetValue("building", out string? building) && building != "no")
        {
            return new Drawn(BaseLayer.Buildings, "building", 15);
        }
        if (tags.GetValueOrDefault("natural") is "wood" or "scrub" || tags.GetValueOrDefault("landuse") is "forest")
        {
            return new Drawn(BaseLayer.Green, "wood", 12);
        }
        if (tags.GetValueOrDefault("leisure") is "pitch" or "playground" or "track" or "stadium" or "sports_centre")
        {
            return new Drawn(BaseLayer.Green, "pitch", 15);
        }
        if (tags.GetValueOrDefault("leisure") is "park" or "garden" or "common" or "nature_reserve" or "dog_park" or "golf_course" or "miniature_golf"
            || tags.GetValueOrDefault("landuse") is "grass" or "meadow" or "recreation_ground" or "cemetery" or "allotments" or "village_green" or "orchard" or "vineyard"
            || tags.GetValueOrDefault("natural") is "grassland" or "heath" || tags.GetValueOrDefault("amenity") is "grave_yard")
        {
            return new Drawn(BaseLayer.Green, "park", 13);
        }
        return tags.GetValueOrDefault("place") is "square" ? new Drawn(BaseLayer.Squares, "square", 14) : null;
    }

    private static Drawn? StreetOf(string highway) => highway switch
    {
        "motorway" or "trunk" or "primary" or "motorway_link" or "trunk_link" or "primary_link" => new Drawn(BaseLayer.Streets, "major", 12),
        "secondary" or "tertiary" or "secondary_link" or "tertiary_link" => new Drawn(BaseLayer.Streets, "medium", 13),
        "residential" or "unclassified" or "living_street" or "road" => new Drawn(BaseLayer.Streets, "minor", 14),
        "pedestrian" => new Drawn(BaseLayer.Streets, "pedestrian", 14),
        "service" => new Drawn(BaseLayer.Streets, "service", 15),
        "track" => new Drawn(BaseLayer.Streets, "track", 14),
        "footway" or "path" or "cycleway" or "bridleway" or "corridor" or "platform" => new Drawn(BaseLayer.Streets, "path", 15),
        "steps" => new Drawn(BaseLayer.Streets, "steps", 15),
        _ => null,
    };

    /// <summary>A pedestrian way named like a square is the square's outline even without <c>area=yes</c>.</summary>
    private static bool IsSquareName(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("name") is { } name && (name.Contains("platz", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Place ", StringComparison.Ordinal));

    /// <summary>What the search calls a named element and how much it matters; null for what nobody looks for by name.</summary>
    public static Found? Find(IReadOnlyDictionary<string, string> tags, bool isNode)
    {
        if (IsStop(tags))
        {
            return tags.GetValueOrDefault("railway") is "station" || tags.GetValueOrDefault("public_transport") is "station"
                ? new Found("station", 80) : new Found("stop", 45);
        }
        if (tags.GetValueOrDefault("highway") is { } highway && !isNode)
        {
            bool area = tags.GetValueOrDefault("area") == "yes" || highway == "pedestrian" && IsSquareName(tags);
            if (area && highway is "pedestrian" or "footway")
            {
                return IsSquareName(tags) ? new Found("square", 60) : new Found("pedestrian_area", 50);
            }
            return StreetOf(highway) is { } street ? new Found("street", street.Class switch
            {
                "major" => 50,
                "medium" => 45,
                "pedestrian" => 45,
                "minor" => 40,
                _ => 20,
            }) : null;
        }
        string? amenity = tags.GetValueOrDefault("amenity"), tourism = tags.GetValueOrDefault("tourism"), historic = tags.GetValueOrDefault("historic");
        if (tags.GetValueOrDefault("place") is "square")
        {
            return new Found("square", 60);
        }
        if (historic is "castle")
        {
            return new Found("castle", 85);
        }
        if (amenity is "place_of_worship" || tags.GetValueOrDefault("building") is "church" or "cathedral" or "chapel")
        {
            return new Found("church", 70);
        }
        if (tourism is "museum" || amenity is "arts_centre")
        {
            return new Found("museum", 70);
        }
        if (amenity is "toilets")
        {
            return new Found("toilets", 55);
        }
        if (tourism is "attraction" or "viewpoint" or "zoo" || historic is "monument" or "ruins" or "memorial")
        {
            return new Found("attraction", 60);
        }
        if (amenity is "university" or "college" or "research_institute")
        {
            return new Found("university", 55);
        }
        if (amenity is "hospital" or "clinic" or "doctors" or "pharmacy")
        {
            return new Found("healthcare", 55);
        }
        if (amenity is "townhall" or "library" or "school" or "kindergarten" or "post_office" or "police" or "courthouse" or "community_centre")
        {
            return new Found("public_building", 45);
        }
        if (tags.GetValueOrDefault("leisure") is "park" or "garden")
        {
            return new Found("park", 45);
        }
        if (tags.TryGetValue("building", out string? building) && building != "no")
        {
            return new Found("building", 35);
        }
        if (amenity is not null and not ("parking" or "parking_space" or "bicycle_parking" or "bench" or "waste_basket" or "vending_machine" or "shelter") || tourism is not null || tags.ContainsKey("shop"))
        {
            return new Found(tags.ContainsKey("shop") ? "shop" : "amenity", 30);
        }
        return null;
    }

    /// <summary>Stops, platforms, stop positions and stations: their entries merge per name nearby (one stop, one row).</summary>
    private static bool IsStop(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("public_transport") is "platform" or "stop_position" or "station"
        || tags.GetValueOrDefault("highway") is "bus_stop"
        || tags.GetValueOrDefault("railway") is "station" or "halt" or "tram_stop" or "platform";

    /// <summary>OSM <c>wheelchair=*</c> as the API says it.</summary>
    public static string Wheelchair(IReadOnlyDictionary<string, string> tags) => tags.GetValueOrDefault("wheelchair") switch
    {
        "yes" or "designated" => "yes",
        "limited" => "limited",
        "no" => "no",
        _ => "unknown",
    };

    /// <summary>The names besides <c>name</c> that people use.</summary>
    public static IReadOnlyList<string> AltNames(IReadOnlyDictionary<string, string> tags)
    {
        var names = new List<string>();
        foreach (string key in (ReadOnlySpan<string>)["alt_name", "old_name", "short_name", "official_name", "loc_name"])
        {
            if (tags.TryGetValue(key, out string? value))
            {
                names.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        return names;
    }

    /// <summary>Place nodes that name a part of a town: the districts places are said to lie in.</summary>
    public static bool IsDistrict(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("place") is "suburb" or "quarter" or "city_district" or "borough" or "village";
}
