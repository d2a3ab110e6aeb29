using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Routing.Elevators.Feeds;

/// <summary>
/// SIRI-FM (CEN/TS 15531-5): the document at the configured address, read for its <c>FacilityCondition</c>s:
/// <c>FacilityRef</c> (or <c>Facility/FacilityCode</c>) is the id, <c>FacilityStatus/Status</c> the state
/// (<c>available</c>, <c>notAvailable</c>, anything else unknown), and <c>Facility/Description</c> and
/// <c>Facility/FacilityLocation</c>'s <c>Longitude</c> and <c>Latitude</c> where given. The level is IFOPT's
/// <c>LevelRef</c> under <c>FacilityLocation</c> when it is a number (SIRI's own location names stop place and
/// component only; a level code that is a name, like <c>UG</c>, says nothing to compare with OSM's levels). Elements are
/// matched by local name, so any namespace prefix reads. No DTD, no external entities.
/// </summary>
internal sealed class SiriFmParser : IElevatorFeedParser
{
    public string Kind => "siri-fm";

    public Uri RequestUri(Uri configured) => configured;

    public IReadOnlyList<Equipment> Parse(ReadOnlyMemory<byte> answer)
    {
        if (answer.IsEmpty)
        {
            throw new FeedFormatException("the answer is empty");
        }
        XDocument document;
        try
        {
            using var stream = new MemoryStream(answer.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"the answer is not XML ({ex.Message})");
        }
        if (document.Root?.Name.LocalName != "Siri")
        {
            throw new FeedFormatException($"a SIRI-FM answer has the root Siri, not {document.Root?.Name.LocalName}");
        }
        var found = new List<Equipment>();
        foreach (var condition in document.Descendants().Where(e => e.Name.LocalName == "FacilityCondition"))
        {
            var facility = Child(condition, "Facility");
            string? id = Child(condition, "FacilityRef")?.Value ?? Child(facility, "FacilityCode")?.Value;
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }
            var state = Child(Child(condition, "FacilityStatus"), "Status")?.Value.Trim() switch
            {
                "available" => FeedState.Active,
                "notAvailable" => FeedState.Inactive,
                _ => FeedState.Unknown,
            };
            var location = Child(facility, "FacilityLocation");
            found.Add(new Equipment(id.Trim(), Child(facility, "Description")?.Value, Child(location, "StopPlaceRef")?.Value,
                Degrees(location, "Latitude", 90), Degrees(location, "Longitude", 180), state, Child(Child(condition, "FacilityStatus"), "Description")?.Value,
                Level(location)));
        }
        return found;
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName);

    private static double? Level(XElement? location) =>
        Child(location, "LevelRef")?.Value is { } text && double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out double level) && FeedLevels.IsPlausible(level)
            ? level
            : null;

    private static double? Degrees(XElement? parent, string localName, double limit) =>
        Child(parent, localName)?.Value is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double degrees)
            && double.IsFinite(degrees) && Math.Abs(degrees) <= limit
            ? degrees
            : null;
}
