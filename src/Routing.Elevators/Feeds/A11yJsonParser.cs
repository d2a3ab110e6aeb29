using System.Text.Json;

namespace Routing.Elevators.Feeds;

/// <summary>
/// A11yJSON equipment (accessibility.cloud's <c>EquipmentInfo</c>): a GeoJSON FeatureCollection, or a plain array, of
/// equipment with <c>properties</c> (or the object itself) holding <c>_id</c> or <c>originalId</c>, <c>category</c>
/// (only <c>elevator</c> is read), <c>isWorking</c> (true, false, or absent for unknown), <c>description</c> and
/// <c>placeInfoName</c>, and a Point <c>geometry</c> <c>[longitude, latitude]</c>. Its level is <c>address.levelIndex</c>:
/// A11yJSON's <c>EquipmentProperties</c> define no level of their own, and <c>StructuredAddress.levelIndex</c> is how
/// A11yJSON places a thing on a level (0 the ground level, 1 the first, halves for split levels, as OSM counts).
/// </summary>
internal sealed class A11yJsonParser : IElevatorFeedParser
{
    public string Kind => "a11yjson";

    public Uri RequestUri(Uri configured) => configured;

    public IReadOnlyList<Equipment> Parse(ReadOnlyMemory<byte> answer)
    {
        using var document = FeedJson.Parse(answer);
        var root = document.RootElement;
        JsonElement items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("features", out var features) ? features : root;
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new FeedFormatException($"an A11yJSON answer is a FeatureCollection or an array of equipment, not {FeedJson.Describe(root.ValueKind)}");
        }
        var found = new List<Equipment>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var properties = item.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : item;
            string? id = FeedJson.Text(properties, "_id") ?? FeedJson.Text(properties, "originalId") ?? FeedJson.Text(item, "_id");
            if (string.IsNullOrWhiteSpace(id) || !string.Equals(FeedJson.Text(properties, "category"), "elevator", StringComparison.Ordinal))
            {
                continue;
            }
            var state = properties.TryGetProperty("isWorking", out var working) ? working.ValueKind switch
            {
                JsonValueKind.True => FeedState.Active,
                JsonValueKind.False => FeedState.Inactive,
                _ => FeedState.Unknown,
            } : FeedState.Unknown;
            var (lat, lon) = Point(item);
            found.Add(new Equipment(id, FeedJson.Text(properties, "description"), FeedJson.Text(properties, "placeInfoName"), lat, lon, state,
                FeedJson.Text(properties, "stateExplanation"), LevelIndex(properties)));
        }
        return found;
    }

    private static double? LevelIndex(JsonElement properties) =>
        properties.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.Object
            && address.TryGetProperty("levelIndex", out var index) && index.ValueKind == JsonValueKind.Number
            && index.TryGetDouble(out double level) && FeedLevels.IsPlausible(level)
            ? level
            : null;

    private static (double? Lat, double? Lon) Point(JsonElement item)
    {
        if (item.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            && coordinates.GetArrayLength() >= 2
            && coordinates[0].ValueKind == JsonValueKind.Number && coordinates[1].ValueKind == JsonValueKind.Number
            && coordinates[0].TryGetDouble(out double lon) && coordinates[1].TryGetDouble(out double lat)
            && double.IsFinite(lat) && double.IsFinite(lon) && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
        {
            return (lat, lon);
        }
        return (null, null);
    }
}
