namespace Routing.Osm.Tests.Tags;

/// <summary>Test rows write tags as <c>"highway=steps;ramp:wheelchair=yes"</c>; values may contain '=' but not ';'.</summary>
internal static class TagString
{
    public static Dictionary<string, string> Parse(string tags)
    {
        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string tag in tags.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] keyAndValue = tag.Split('=', 2);
            dictionary.Add(keyAndValue[0], keyAndValue[1]);
        }
        return dictionary;
    }
}
