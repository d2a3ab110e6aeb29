using OsmSharp;
using OsmSharp.Streams;
using Routing.Osm.Import;

namespace Routing.Osm.Transit;

/// <summary>A stop of a line as OSM maps it: the platform where there is one (where people wait), else the stop position.</summary>
/// <param name="Wheelchair">The node's <c>wheelchair</c> tag (yes, limited, no, designated) or null.</param>
public sealed record TransitStopNode(long OsmNodeId, string Name, double Lat, double Lon, string? Wheelchair);

/// <summary>A <c>type=route</c> relation for a tram or a bus, its stops in the relation's order.</summary>
/// <param name="Mode">OSM's <c>route</c> value: <c>tram</c> or <c>bus</c>.</param>
/// <param name="Interval">The relation's <c>interval</c> tag as written, or null.</param>
/// <param name="Wheelchair">The relation's <c>wheelchair</c> tag or null.</param>
public sealed record TransitLine(
    long OsmRelationId, string Mode, string? Ref, string? Name, string? From, string? To, string? Colour, string? Interval,
    string? Wheelchair, IReadOnlyList<TransitStopNode> Stops);

/// <summary>
/// Reads the tram and bus route relations of an extract with their stops: what the demo timetable is derived from.
/// Two passes over the file (relations come after nodes, and only the stops' nodes are kept), so memory follows the
/// lines, not the extract.
/// </summary>
public static class TransitLineReader
{
    private static readonly HashSet<string> Modes = new(StringComparer.Ordinal) { "tram", "bus" };

    /// <exception cref="OsmInputException">The file is missing or cannot be read.</exception>
    public static IReadOnlyList<TransitLine> Read(string osmPath)
    {
        var format = OsmSource.FormatOf(osmPath);
        var relations = new List<Relation>();
        foreach (var geo in Stream(osmPath, format))
        {
            if (geo is Relation relation && relation.Tags is { } tags && tags.TryGetValue("type", out string? type) && type == "route"
                && tags.TryGetValue("route", out string? mode) && Modes.Contains(mode))
            {
                relations.Add(relation);
            }
        }
        var wanted = new HashSet<long>();
        foreach (var relation in relations)
        {
            foreach (var member in relation.Members ?? [])
            {
                if (member.Type == OsmGeoType.Node && IsStopRole(member.Role))
                {
                    wanted.Add(member.Id);
                }
            }
        }
        var nodes = new Dictionary<long, Node>();
        foreach (var geo in Stream(osmPath, format))
        {
            if (geo is Node { Id: { } id, Latitude: not null, Longitude: not null } node && wanted.Contains(id))
            {
                nodes[id] = node;
            }
        }
        var lines = new List<TransitLine>(relations.Count);
        foreach (var relation in relations.OrderBy(r => r.Id))
        {
            var stops = StopsOf(relation, nodes);
            if (stops.Count >= 2)
            {
                var tags = relation.Tags;
                lines.Add(new TransitLine(relation.Id!.Value, tags.GetValue("route"), Tag(tags, "ref"), Tag(tags, "name"), Tag(tags, "from"),
                    Tag(tags, "to"), Tag(tags, "colour"), Tag(tags, "interval"), Tag(tags, "wheelchair"), stops));
            }
        }
        return lines;
    }

    /// <summary>
    /// One stop per stop area in the relation's order: a platform member replaces the stop position just before it (OSM's
    /// PTv2 lists each stop position followed by its platform), so a stop is where people board.
    /// </summary>
    private static List<TransitStopNode> StopsOf(Relation relation, Dictionary<long, Node> nodes)
    {
        var stops = new List<TransitStopNode>();
        bool lastWasStopPosition = false;
        foreach (var member in relation.Members ?? [])
        {
            if (member.Type != OsmGeoType.Node || !IsStopRole(member.Role) || !nodes.TryGetValue(member.Id, out var node))
            {
                continue;
            }
            bool platform = member.Role.StartsWith("platform", StringComparison.Ordinal);
            string name = Tag(node.Tags, "name") ?? (stops.Count > 0 && lastWasStopPosition ? stops[^1].Name : $"stop {member.Id}");
            var stop = new TransitStopNode(member.Id, name, node.Latitude!.Value, node.Longitude!.Value, Tag(node.Tags, "wheelchair"));
            if (platform && lastWasStopPosition)
            {
                stops[^1] = stop with { Wheelchair = stop.Wheelchair ?? stops[^1].Wheelchair };
            }
            else if (stops.Count == 0 || stops[^1].OsmNodeId != stop.OsmNodeId)
            {
                stops.Add(stop);
            }
            lastWasStopPosition = !platform;
        }
        return stops;
    }

    private static bool IsStopRole(string? role) =>
        role is not null && (role.StartsWith("stop", StringComparison.Ordinal) || role.StartsWith("platform", StringComparison.Ordinal));

    private static string? Tag(OsmSharp.Tags.TagsCollectionBase? tags, string key) =>
        tags is not null && tags.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static IEnumerable<OsmGeo> Stream(string path, OsmSource.OsmFormat format)
    {
        if (format == OsmSource.OsmFormat.Xml)
        {
            foreach (var geo in OsmSource.ReadXml(path))
            {
                yield return geo;
            }
            yield break;
        }
        using var stream = File.OpenRead(path);
        var source = new PBFOsmStreamSource(stream);
        using var enumerator = source.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is not OsmInputException)
            {
                throw new OsmInputException($"{path}: the OSM data is truncated or corrupt ({ex.GetType().Name}: {ex.Message}).", ex);
            }
            if (enumerator.Current is { } current)
            {
                yield return current;
            }
        }
    }
}
