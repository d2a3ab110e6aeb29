using System.Text.Json;

namespace Routing.Elevators.Feeds;

/// <summary>Reading a feed's JSON defensively: bounded depth, no comments, and a refusal that says what was wrong.</summary>
internal static class FeedJson
{
    /// <summary>Feeds nest a few levels; a deeper answer is no feed.</summary>
    private const int MaxDepth = 16;

    public static JsonDocument Parse(ReadOnlyMemory<byte> answer)
    {
        if (answer.IsEmpty)
        {
            throw new FeedFormatException("the answer is empty");
        }
        try
        {
            return JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"the answer is not JSON ({ex.Message})");
        }
    }

    public static string Describe(JsonValueKind kind) => kind.ToString().ToLowerInvariant();

    public static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A coordinate within ±<paramref name="limit"/> degrees, else null (FaSta sends 0 for "no position" at times).</summary>
    public static double? Degrees(JsonElement item, string name, double limit) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double degrees)
            && double.IsFinite(degrees) && Math.Abs(degrees) <= limit && degrees != 0
            ? degrees
            : null;
}
