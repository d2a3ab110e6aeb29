using System.Globalization;
using System.Text.Json;

namespace Routing.Elevators.Feeds;

/// <summary>
/// DB FaSta v2 (<c>GET {Url}/facilities?type=ELEVATOR</c>): a JSON array of facilities with <c>equipmentnumber</c>,
/// <c>type</c>, <c>description</c>, <c>geocoordX</c> (longitude), <c>geocoordY</c> (latitude), <c>state</c>
/// (<c>ACTIVE</c>, <c>INACTIVE</c>, <c>UNKNOWN</c>), <c>stateExplanation</c>, <c>stationnumber</c>. Escalators and
/// entries without a number are skipped; an answer that is no JSON array is refused whole.
/// </summary>
internal sealed class FastaParser : IElevatorFeedParser
{
    public string Kind => "fasta";

    public Uri RequestUri(Uri configured) => new(configured.AbsoluteUri.TrimEnd('/') + "/facilities?type=ELEVATOR");

    public IReadOnlyList<Equipment> Parse(ReadOnlyMemory<byte> answer)
    {
        using var document = FeedJson.Parse(answer);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FeedFormatException($"a FaSta answer is a JSON array of facilities, not {FeedJson.Describe(document.RootElement.ValueKind)}");
        }
        var found = new List<Equipment>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("equipmentnumber", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt64(out long id)
                || !string.Equals(FeedJson.Text(item, "type"), "ELEVATOR", StringComparison.Ordinal))
            {
                continue;
            }
            var state = FeedJson.Text(item, "state") switch
            {
                "ACTIVE" => FeedState.Active,
                "INACTIVE" => FeedState.Inactive,
                _ => FeedState.Unknown,
            };
            string? station = item.TryGetProperty("stationnumber", out var s) && s.ValueKind == JsonValueKind.Number
                ? s.GetRawText()
                : FeedJson.Text(item, "stationnumber");
            found.Add(new Equipment(id.ToString(CultureInfo.InvariantCulture), FeedJson.Text(item, "description"), station,
                FeedJson.Degrees(item, "geocoordY", 90), FeedJson.Degrees(item, "geocoordX", 180), state, FeedJson.Text(item, "stateExplanation"), Level: null));
        }
        return found;
    }
}
