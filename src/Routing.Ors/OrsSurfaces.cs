using Routing.Graph.Facts;

namespace Routing.Ors;

/// <summary>
/// ORS's <c>surface_type</c> restriction names a minimum surface: everything worse is not used. ORS ranks surfaces for
/// wheelchairs from paved to natural ground; this table gives each ORS name (including ORS's own
/// <c>cobblestone:flattened</c> and <c>concrete:lanes</c>, which OSM calls sett and has no class of its own for) and each
/// of our OSM surface values a rank on that scale, so that "minimum X" becomes the list of surfaces our profile avoids.
/// What avoiding a surface then costs stays with <c>ProfileRules</c>.
/// </summary>
internal static class OrsSurfaces
{
    /// <summary>ORS names, best first; a name's rank is its group's index.</summary>
    private static readonly string[][] Groups =
    [
        ["paved", "asphalt", "concrete", "rubber", "tartan"],
        ["paving_stones"],
        ["concrete:plates"],
        ["cobblestone:flattened", "sett", "metal", "wood"],
        ["concrete:lanes"],
        ["cobblestone"],
        ["unpaved", "unhewn_cobblestone"],
        ["compacted"],
        ["fine_gravel"],
        ["gravel", "grass_paver"],
        ["pebblestone"],
        ["ground", "dirt", "earth"],
        ["grass", "woodchips", "rock"],
        ["mud", "sand", "snow", "ice"],
    ];

    private static readonly Dictionary<string, int> RankByName = Groups
        .SelectMany((names, rank) => names.Select(name => (name, rank)))
        .ToDictionary(pair => pair.name, pair => pair.rank, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Groups.SelectMany(names => names);

    public static bool IsKnown(string name) => RankByName.ContainsKey(name);

    /// <summary>Our OSM surface values ranked worse than <paramref name="minimum"/> (an ORS name): what the route must avoid.</summary>
    public static IReadOnlyList<string> WorseThan(string minimum)
    {
        int limit = RankByName[minimum];
        return [.. Enum.GetValues<SurfaceKind>()
            .Where(kind => kind is not (SurfaceKind.Unknown or SurfaceKind.Other))
            .Select(FactNames.Of)
            .Where(name => RankByName.TryGetValue(name, out int rank) ? rank > limit
                : throw new InvalidOperationException($"surface '{name}' has no ORS rank"))];
    }
}
