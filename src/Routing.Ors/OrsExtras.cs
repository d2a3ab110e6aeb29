using Routing.Engine.Routes;
using Routing.Graph.Facts;

namespace Routing.Ors;

/// <summary>
/// ORS's extra_info values of one route segment. The codes are ORS's (its documentation, "Extra Info"); they describe
/// the facts our segments carry, and suitability is the profile's own verdict (its cost against its time), so no
/// judgement is made here twice.
/// </summary>
internal static class OrsExtras
{
    public static long Value(string extra, RouteSegment segment) => extra switch
    {
        "osmid" => segment.OsmWayId,
        "surface" => Surface(segment.Surface.Value),
        "smoothness" => Smoothness(segment.Smoothness.Value),
        "steepness" => Steepness(segment.AverageInclinePct ?? segment.InclinePct.Value),
        "waytype" => WayType(segment.Highway),
        "suitability" => Suitability(segment),
        // Our graph keeps no sac_scale grades (walking and wheelchair routes stay off difficult trails by the profile's
        // rules); 0 is ORS's "no grade tagged".
        "traildifficulty" => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(extra), extra, "not an extra this service answers"),
    };

    /// <summary>ORS's surface ids: 0 unknown, 1 paved, 2 unpaved, 3 asphalt, 4 concrete, 5 cobblestone, 6 metal, 7 wood, 8 compacted gravel, 9 fine gravel, 10 gravel, 11 dirt, 12 ground, 13 ice, 14 paving stones, 15 sand, 16 woodchips, 17 grass, 18 grass paver.</summary>
    public static long Surface(string? osmSurface) => osmSurface switch
    {
        "paved" or "rubber" or "tartan" => 1,
        "unpaved" => 2,
        "asphalt" => 3,
        "concrete" or "concrete:plates" => 4,
        "sett" or "cobblestone" or "unhewn_cobblestone" => 5,
        "metal" => 6,
        "wood" => 7,
        "compacted" => 8,
        "fine_gravel" => 9,
        "gravel" or "pebblestone" => 10,
        "dirt" or "earth" or "mud" => 11,
        "ground" or "rock" => 12,
        "ice" or "snow" => 13,
        "paving_stones" => 14,
        "sand" => 15,
        "woodchips" => 16,
        "grass" => 17,
        "grass_paver" => 18,
        _ => 0,
    };

    /// <summary>0 unknown, then OSM's smoothness from 1 excellent to 8 impassable.</summary>
    public static long Smoothness(string? osmSmoothness) =>
        osmSmoothness is not null && FactNames.TryParseSmoothness(osmSmoothness, out var smoothness) ? (long)smoothness : 0;

    /// <summary>ORS's steepness classes: 0 level, ±1 for 1-3 %, ±2 4-6 %, ±3 7-11 %, ±4 12-15 %, ±5 16 % and more; negative downhill; unknown is 0.</summary>
    public static long Steepness(double? inclinePct)
    {
        if (inclinePct is not { } pct || !double.IsFinite(pct))
        {
            return 0;
        }
        double magnitude = Math.Round(Math.Abs(pct));
        long grade = magnitude switch
        {
            < 1 => 0,
            <= 3 => 1,
            <= 6 => 2,
            <= 11 => 3,
            <= 15 => 4,
            _ => 5,
        };
        return pct < 0 ? -grade : grade;
    }

    /// <summary>ORS's way types: 0 unknown, 1 state road, 2 road, 3 street, 4 path, 5 track, 6 cycleway, 7 footway, 8 steps, 9 ferry, 10 construction.</summary>
    public static long WayType(string highway) => highway switch
    {
        "primary" or "secondary" or "trunk" => 1,
        "tertiary" or "unclassified" => 2,
        "residential" or "living_street" or "service" => 3,
        "path" or "bridleway" => 4,
        "track" => 5,
        "cycleway" => 6,
        "footway" or "sidewalk" or "crossing" or "pedestrian" or "pedestrian_area" or "platform" or "corridor" or "elevator" => 7,
        "steps" => 8,
        "construction" => 10,
        _ => 0,
    };

    /// <summary>
    /// ORS's 1 (unsuitable) to 10 (very suitable), from the profile's own verdict: a stretch that costs the profile no
    /// more than its travel time is 10, one that costs twice its time 5, and so on.
    /// </summary>
    public static long Suitability(RouteSegment segment) =>
        segment.CostS <= 0 ? 10 : Math.Clamp((long)Math.Round(10 * segment.DurationS / segment.CostS), 1, 10);
}
