using Routing.Graph.Facts;

namespace Routing.Osm.Tags;

/// <summary>Rules that read the same on nodes and ways.</summary>
internal static class SharedTagRules
{
    private const int WidthBucketCm = 10;

    /// <summary>
    /// A width bucketed to 10 cm so that the graph's class tables stay small. Rounded down, never up: a door of 85 cm
    /// must not pass a 90 cm limit (DIN 18040). Anything narrower than one bucket keeps one bucket, because 0 means unknown.
    /// </summary>
    public static ushort BucketWidthCm(int widthCm) =>
        (ushort)Math.Max(WidthBucketCm, widthCm / WidthBucketCm * WidthBucketCm);

    /// <summary>
    /// The access that applies to people on foot: <c>foot</c> when present, else <c>access</c> (OSM access hierarchy:
    /// the more specific mode wins). Null when neither is tagged.
    /// </summary>
    public static string? FootAccess(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("foot") ?? tags.GetValueOrDefault("access");

    /// <summary>
    /// How a crossing is controlled. Signals first (<c>crossing=traffic_signals</c>, <c>crossing:signals=yes</c>), then the
    /// newer <c>crossing:markings</c>, which is more precise than <c>crossing=uncontrolled</c> (that only says "no
    /// signals" and is mostly used for zebra crossings), then <c>crossing=*</c>; a crossing with neither is unknown.
    /// </summary>
    public static CrossingKind CrossingOf(IReadOnlyDictionary<string, string> tags)
    {
        string? crossing = tags.GetValueOrDefault("crossing");
        if (crossing == "traffic_signals" || tags.Is("crossing:signals", "yes"))
        {
            return CrossingKind.TrafficSignals;
        }
        if (tags.GetValueOrDefault("crossing:markings") is { } markings)
        {
            return markings == "no" ? CrossingKind.Unmarked : CrossingKind.Marked;
        }
        return crossing switch
        {
            "marked" or "zebra" or "uncontrolled" => CrossingKind.Marked,
            "unmarked" or "informal" => CrossingKind.Unmarked,
            _ => CrossingKind.Unknown,
        };
    }

    /// <summary><c>tactile_paving=yes</c>; <c>incorrect</c>, <c>partial</c> and <c>no</c> give no guidance to rely on.</summary>
    public static bool HasTactilePaving(IReadOnlyDictionary<string, string> tags) => tags.Is("tactile_paving", "yes");

    /// <summary>The flag when the condition holds, else no flag: lets flag sets read as one expression per rule.</summary>
    public static T FlagIf<T>(bool condition, T flag) where T : struct, Enum => condition ? flag : default;
}
