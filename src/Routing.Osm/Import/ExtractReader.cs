using OsmSharp;
using OsmSharp.Tags;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Import;

/// <summary>
/// Reads what the import needs from an extract in two passes, so that memory follows the walkable network and not
/// every node of the file: the first pass keeps the ways the tag rules accept and the green areas (parks, gardens,
/// cemeteries, woods); the second keeps the coordinates and facts of only the nodes those ways and areas use, and every
/// place. The ways of green multipolygons are looked up in between, only when there are such multipolygons. A PBF extract is decoded block by block on every core
/// (<see cref="PbfExtractReader"/>); an XML extract, small by nature, is streamed twice.
/// </summary>
internal static class ExtractReader
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OsmImporter.Extract Read(string osmPath, CancellationToken cancellation)
    {
        var extract = OsmSource.FormatOf(osmPath) == OsmSource.OsmFormat.Pbf ? PbfExtractReader.Read(osmPath, cancellation) : ReadXml(osmPath, cancellation);
        extract.ResolveWays();
        return extract;
    }

    private static OsmImporter.Extract ReadXml(string osmPath, CancellationToken cancellation)
    {
        var ways = new WayFindings();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var geo in OsmSource.ReadXml(osmPath))
        {
            cancellation.ThrowIfCancellationRequested();
            if (geo is Way { Id: { } id } way)
            {
                ways.Way(id, way.Nodes, Fill(tags, way.Tags), way.TimeStamp);
            }
            else if (geo is Relation relation)
            {
                ways.Stamp(geo.TimeStamp);
                if (Fill(tags, relation.Tags) is { } relationTags && GreenAreaTagRules.ClassifyRelation(relationTags) is { } kind && relation.Members is { } members)
                {
                    ways.GreenRelation(kind, GreenAreaTagRules.NameOf(relationTags),
                        [.. members.Where(m => m.Type == OsmGeoType.Way && m.Role != "inner").Select(m => m.Id)],
                        [.. members.Where(m => m.Type == OsmGeoType.Way && m.Role == "inner").Select(m => m.Id)]);
                }
            }
        }
        var extract = new OsmImporter.Extract();
        ways.AddTo(extract);
        // Ways come before the relations in an XML file: the multipolygons' ways need a second look.
        if (extract.GreenMemberWays() is { Length: > 0 } wanted)
        {
            foreach (var geo in OsmSource.ReadXml(osmPath))
            {
                cancellation.ThrowIfCancellationRequested();
                if (geo is Way { Id: { } id, Nodes: { } nodeIds } && Array.BinarySearch(wanted, id) >= 0)
                {
                    extract.MemberWayNodes[id] = nodeIds;
                }
            }
        }
        extract.JoinGreenRelations();
        extract.KeepNodesOfWays();
        var nodes = new NodeFindings(extract.Nodes);
        foreach (var geo in OsmSource.ReadXml(osmPath))
        {
            cancellation.ThrowIfCancellationRequested();
            if (geo is Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node)
            {
                nodes.Node(id, Coordinates.ToE7(lat), Coordinates.ToE7(lon), Fill(tags, node.Tags), node.TimeStamp);
            }
        }
        nodes.AddTo(extract);
        return extract;
    }

    /// <summary>The tags in the reused dictionary, or null when there are none; the first of repeated keys wins, as in OsmSharp.</summary>
    private static Dictionary<string, string>? Fill(Dictionary<string, string> dictionary, TagsCollectionBase? tags)
    {
        if (tags is not { Count: > 0 })
        {
            return null;
        }
        dictionary.Clear();
        foreach (var tag in tags)
        {
            // A damaged <tag> element (no k or no v; found by the reliability suite's fuzzing) says nothing.
            if (tag.Key is not null && tag.Value is not null)
            {
                dictionary.TryAdd(tag.Key, tag.Value);
            }
        }
        return dictionary.Count > 0 ? dictionary : null;
    }
}

/// <summary>What the first pass finds in one piece of the extract (a PBF block, or a whole XML file): the walkable ways and the green areas.</summary>
/// <param name="memberWays">The ways of the green multipolygons found so far, shared by every piece read at once: a way
/// read after its multipolygon keeps its nodes here, and only the others need another look (null: none keeps them).</param>
internal sealed class WayFindings(System.Collections.Concurrent.ConcurrentDictionary<long, bool>? memberWays = null)
{
    public List<OsmImporter.PendingWay> Ways { get; } = [];
    private readonly List<OsmImporter.PendingGreenArea> _greenAreas = [];
    private readonly List<OsmImporter.PendingGreenRelation> _greenRelations = [];
    private readonly List<(long Id, long[] NodeIds)> _memberWayNodes = [];
    public long WaysRead { get; private set; }
    /// <summary>The lowest and highest way id read, so the look for multipolygons' ways skips pieces that cannot hold them.</summary>
    public long FirstWayId { get; private set; } = long.MaxValue;
    public long LastWayId { get; private set; } = long.MinValue;
    private DateTime? _newest;

    /// <param name="tags">Null when the way has none; only read during the call.</param>
    public void Way(long id, long[] nodeIds, IReadOnlyDictionary<string, string>? tags, DateTime? stamp)
    {
        WaysRead++;
        (FirstWayId, LastWayId) = (Math.Min(FirstWayId, id), Math.Max(LastWayId, id));
        Stamp(stamp);
        if (nodeIds.Length >= 2 && tags is not null && WayTagRules.Classify(tags) is { } facts)
        {
            Ways.Add(new OsmImporter.PendingWay(id, nodeIds, facts, OsmImporter.NameOf(tags), LevelsOf(tags)));
        }
        if (memberWays is not null && memberWays.ContainsKey(id))
        {
            _memberWayNodes.Add((id, nodeIds));
        }
        if (nodeIds.Length >= 4 && nodeIds[0] == nodeIds[^1] && tags is not null && GreenAreaTagRules.Classify(tags) is { } kind)
        {
            _greenAreas.Add(new OsmImporter.PendingGreenArea(kind, GreenAreaTagRules.NameOf(tags), [nodeIds]));
        }
    }

    /// <summary>A green multipolygon (<see cref="GreenAreaTagRules.ClassifyRelation"/>) and the ids of its outer and inner ways.</summary>
    public void GreenRelation(GreenAreaKind kind, string? name, long[] outerWays, long[] innerWays)
    {
        _greenRelations.Add(new OsmImporter.PendingGreenRelation(kind, name, outerWays, innerWays));
        foreach (long way in (long[])[.. outerWays, .. innerWays])
        {
            memberWays?.TryAdd(way, true);
        }
    }

    /// <summary>This piece read a way of <paramref name="sortedIds"/>, or may have: its way ids span one of them.</summary>
    public bool MaySpan(long[] sortedIds)
    {
        int at = Array.BinarySearch(sortedIds, FirstWayId);
        at = at >= 0 ? at : ~at;
        return at < sortedIds.Length && sortedIds[at] <= LastWayId;
    }

    public void Stamp(DateTime? stamp) => _newest = Timestamps.Newer(_newest, stamp);

    /// <summary>The levels an element's <c>level</c> tag names; empty without one.</summary>
    public static float[] LevelsOf(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("level") is { } level ? TagValues.ParseLevels(level) : [];

    /// <summary>Adds these findings to the extract; pieces are added in file order, so the graph does not depend on which core read what.</summary>
    public void AddTo(OsmImporter.Extract extract)
    {
        extract.Ways.AddRange(Ways);
        extract.GreenAreas.AddRange(_greenAreas);
        extract.GreenRelations.AddRange(_greenRelations);
        foreach (var (id, nodeIds) in _memberWayNodes)
        {
            extract.MemberWayNodes[id] = nodeIds;
        }
        extract.WaysRead += WaysRead;
        extract.NewestTimestamp = Timestamps.Newer(extract.NewestTimestamp, _newest);
    }
}

/// <summary>What the second pass finds in one piece of the extract: coordinates (kept in the store), facts and places.</summary>
internal sealed class NodeFindings(NodeStore store)
{
    private readonly List<(long Id, NodeClass Facts)> _facts = [];
    private readonly List<(long Id, float[] Levels)> _levels = [];
    private readonly List<OsmImporter.PendingPlace> _places = [];
    private long _nodesRead;
    private DateTime? _newest;

    /// <param name="tags">Null when the node has none; only read during the call.</param>
    public void Node(long id, int latE7, int lonE7, IReadOnlyDictionary<string, string>? tags, DateTime? stamp)
    {
        _nodesRead++;
        _newest = Timestamps.Newer(_newest, stamp);
        bool used = store.TrySet(id, latE7, lonE7);
        if (tags is null)
        {
            return;
        }
        // Facts matter only where a walkable way passes; places are searched for wherever they are.
        if (used && NodeTagRules.Classify(tags) is { IsPlain: false } facts)
        {
            _facts.Add((id, facts));
            // Only elevators' levels are kept: live elevator feeds are matched by them, and nothing reads other nodes' levels.
            if (facts.Has(NodeFlags.Elevator) && WayFindings.LevelsOf(tags) is { Length: > 0 } levels)
            {
                _levels.Add((id, levels));
            }
        }
        if (PlaceTagRules.Classify(tags) is { } kind)
        {
            _places.Add(new OsmImporter.PendingPlace(id, latE7, lonE7, tags.GetValueOrDefault("name", ""), kind, PlaceTagRules.WheelchairOf(tags)));
        }
    }

    /// <summary>Adds these findings to the extract, in file order like <see cref="WayFindings.AddTo"/>.</summary>
    public void AddTo(OsmImporter.Extract extract)
    {
        foreach (var (id, facts) in _facts)
        {
            extract.NodeFacts[id] = facts;
        }
        foreach (var (id, levels) in _levels)
        {
            extract.NodeLevels[id] = levels;
        }
        extract.Places.AddRange(_places);
        extract.NodesRead += _nodesRead;
        extract.NewestTimestamp = Timestamps.Newer(extract.NewestTimestamp, _newest);
    }
}

internal static class Timestamps
{
    private static readonly DateTime UnixEpochPlusOneDay = DateTime.UnixEpoch.AddDays(1);

    /// <summary>
    /// The newer of the two. Extracts without metadata (like the bundled one) report the Unix epoch: that is
    /// "unknown", not 1970.
    /// </summary>
    public static DateTimeOffset? Newer(DateTimeOffset? newest, DateTime? stamp) =>
        stamp is { } s && s > UnixEpochPlusOneDay && (newest is null || s > newest.Value.UtcDateTime)
            ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc))
            : newest;

    public static DateTime? Newer(DateTime? newest, DateTime? stamp) =>
        stamp is { } s && s > UnixEpochPlusOneDay && (newest is null || s > newest) ? s : newest;
}
