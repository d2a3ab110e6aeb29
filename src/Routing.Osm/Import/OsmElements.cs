using OsmSharp;
using OsmSharp.Streams;
using Routing.Graph;

namespace Routing.Osm.Import;

/// <summary>One OSM element in plain types, so that rooms other than this one read extracts without knowing OsmSharp.</summary>
/// <param name="NodeIds">A way's nodes; empty for nodes and relations.</param>
/// <param name="Members">A relation's members; empty for nodes and ways.</param>
public sealed record OsmElement(OsmElementKind Kind, long Id, int LatE7, int LonE7, IReadOnlyList<long> NodeIds,
    IReadOnlyList<OsmMember> Members, IReadOnlyDictionary<string, string> Tags);

public readonly record struct OsmMember(OsmElementKind Kind, long Id, string Role);

public enum OsmElementKind
{
    Node,
    Way,
    Relation,
}

/// <summary>
/// Streams every element of an extract (PBF or XML, recognised by content) in file order. For readers that need more
/// than the walkable network (the base map); the routing import keeps its own two faster passes. A damaged file
/// becomes an <see cref="OsmInputException"/> naming it.
/// </summary>
public static class OsmElements
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <exception cref="OsmInputException">The file is missing, not OSM, truncated or corrupt.</exception>
    public static IEnumerable<OsmElement> Read(string path, CancellationToken cancellation)
    {
        var format = OsmSource.FormatOf(path);
        using var stream = File.OpenRead(path);
        OsmStreamSource source = format == OsmSource.OsmFormat.Pbf ? new PBFOsmStreamSource(stream) : new XmlOsmStreamSource(stream);
        using var enumerator = source.GetEnumerator();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            OsmGeo? current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
                current = enumerator.Current;
            }
            catch (Exception ex) when (ex is not (OsmInputException or OperationCanceledException))
            {
                throw new OsmInputException($"{path}: the OSM data is truncated or corrupt ({ex.GetType().Name}: {ex.Message}). Download the extract again.", ex);
            }
            if (current is { Id: { } id } && Convert(current, id) is { } element)
            {
                yield return element;
            }
        }
    }

    private static OsmElement? Convert(OsmGeo geo, long id)
    {
        var tags = TagsOf(geo);
        return geo switch
        {
            Node { Latitude: { } lat, Longitude: { } lon } => new OsmElement(OsmElementKind.Node, id, Coordinates.ToE7(lat), Coordinates.ToE7(lon), [], [], tags),
            Way { Nodes: { } nodes } => new OsmElement(OsmElementKind.Way, id, 0, 0, nodes, [], tags),
            Relation { Members: { } members } => new OsmElement(OsmElementKind.Relation, id, 0, 0, [],
                [.. members.Select(m => new OsmMember(KindOf(m.Type), m.Id, m.Role ?? ""))], tags),
            _ => null,
        };
    }

    private static OsmElementKind KindOf(OsmGeoType type) => type switch
    {
        OsmGeoType.Node => OsmElementKind.Node,
        OsmGeoType.Way => OsmElementKind.Way,
        _ => OsmElementKind.Relation,
    };

    /// <summary>The first of repeated keys wins, as in OsmSharp; damaged tags (no key or value) say nothing.</summary>
    private static IReadOnlyDictionary<string, string> TagsOf(OsmGeo geo)
    {
        if (geo.Tags is not { Count: > 0 } source)
        {
            return NoTags;
        }
        var tags = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
        foreach (var tag in source)
        {
            if (tag.Key is not null && tag.Value is not null)
            {
                tags.TryAdd(tag.Key, tag.Value);
            }
        }
        return tags;
    }
}
