namespace Routing.Osm.Tags;

/// <summary>Small readers over a tag dictionary, so that the rules read like the OSM wiki.</summary>
internal static class TagLookup
{
    public static bool Is(this IReadOnlyDictionary<string, string> tags, string key, string value) =>
        tags.TryGetValue(key, out string? tagged) && tagged == value;

    /// <summary>
    /// True when the key is present with any value but <c>no</c>: OSM states a feature with a value that describes it
    /// (<c>bridge=viaduct</c>, <c>conveying=forward</c>) and its absence with <c>no</c>.
    /// </summary>
    public static bool IsPresentNotNo(this IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? tagged) && tagged != "no";

    /// <summary>The parsed value of a tag; null when the tag is absent or the parser cannot read it.</summary>
    public static T? Read<T>(this IReadOnlyDictionary<string, string> tags, string key, Func<string, T?> parse)
        where T : struct =>
        tags.TryGetValue(key, out string? tagged) ? parse(tagged) : null;
}
