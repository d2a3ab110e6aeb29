using Encoder = OsmSharp.IO.PBF.Encoder;
using OsmSharp.IO.PBF;
using Routing.Graph;
using Routing.Osm.Tags;

namespace Routing.Osm.Import;

/// <summary>
/// The two passes of <see cref="ExtractReader"/> over a PBF extract, each decoding blocks on every core. Extracts list
/// all nodes, then all ways, then all relations (the order extract services and OsmSharp write, declared or not), so
/// pass one reads blocks from the end until the first that holds nodes, and pass two reads the node blocks: every
/// block is decoded once. A file in another order is noticed in pass two (a block not read for ways holds ways) and
/// read again with pass one over every block. Findings are kept per block and merged in file order: the graph is the
/// same whichever core read which block.
/// </summary>
internal static class PbfExtractReader
{
    public static OsmImporter.Extract Read(string osmPath, CancellationToken cancellation)
    {
        try
        {
            using var blobs = PbfBlobs.Open(osmPath);
            return TryRead(blobs, assumeNodesFirst: true, cancellation) ?? TryRead(blobs, assumeNodesFirst: false, cancellation)!;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            throw Explained(osmPath, ex.InnerExceptions[0]);
        }
        catch (Exception ex) when (ex is not (OsmInputException or OperationCanceledException))
        {
            throw Explained(osmPath, ex);
        }
    }

    /// <returns>Null when <paramref name="assumeNodesFirst"/> and the file proves to be in another order.</returns>
    private static OsmImporter.Extract? TryRead(PbfBlobs blobs, bool assumeNodesFirst, CancellationToken cancellation)
    {
        var wayFindings = new WayFindings?[blobs.Count];
        var holdsNodes = new bool[blobs.Count];
        var fromTheEnd = new int[blobs.Count];
        for (int i = 0; i < fromTheEnd.Length; i++)
        {
            fromTheEnd[i] = fromTheEnd.Length - 1 - i;
        }
        // Relations come last and are read first (from the end), so most multipolygons are known before their ways are read.
        var memberWays = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        blobs.Decode(fromTheEnd, () => new BlockVisitor(), (visitor, index, block) =>
        {
            wayFindings[index] = visitor.Ways(block, memberWays, out holdsNodes[index]);
            return !(holdsNodes[index] && assumeNodesFirst);
        }, cancellation);
        var extract = new OsmImporter.Extract();
        foreach (var findings in wayFindings)
        {
            findings?.AddTo(extract);
        }
        if (extract.GreenMemberWays() is { Length: > 0 } wanted)
        {
            foreach (var (id, nodeIds) in MemberWays(blobs, wayFindings, wanted, cancellation))
            {
                extract.MemberWayNodes[id] = nodeIds;
            }
        }
        extract.JoinGreenRelations();
        extract.KeepNodesOfWays();

        var nodeBlocks = new List<int>();
        for (int i = 0; i < blobs.Count; i++)
        {
            if (wayFindings[i] is null || holdsNodes[i])
            {
                nodeBlocks.Add(i);
            }
        }
        var nodeFindings = new NodeFindings?[blobs.Count];
        bool inAnotherOrder = false;
        blobs.Decode(nodeBlocks, () => new BlockVisitor(), (visitor, index, block) =>
        {
            nodeFindings[index] = visitor.Nodes(block, extract.Nodes, out bool holdsMore);
            if (holdsMore && wayFindings[index] is null)
            {
                Volatile.Write(ref inAnotherOrder, true);
                return false;
            }
            return true;
        }, cancellation);
        if (inAnotherOrder)
        {
            return null;
        }
        foreach (var findings in nodeFindings)
        {
            findings?.AddTo(extract);
        }
        return extract;
    }

    /// <summary>
    /// The nodes of the ways green multipolygons are made of that were read before their multipolygon (on another core):
    /// a second look at only the blocks whose way ids span one of them (ways are sorted by id, so that is a block or two
    /// per multipolygon, not the whole file).
    /// </summary>
    private static Dictionary<long, long[]> MemberWays(PbfBlobs blobs, WayFindings?[] wayFindings, long[] wanted, CancellationToken cancellation)
    {
        var blocks = new List<int>();
        for (int i = 0; i < wayFindings.Length; i++)
        {
            if (wayFindings[i] is { WaysRead: > 0 } findings && findings.MaySpan(wanted))
            {
                blocks.Add(i);
            }
        }
        var found = new List<(long Id, long[] NodeIds)>?[blobs.Count];
        blobs.Decode(blocks, () => new BlockVisitor(), (visitor, index, block) =>
        {
            found[index] = visitor.MemberWays(block, wanted);
            return true;
        }, cancellation);
        var memberNodes = new Dictionary<long, long[]>();
        foreach (var ways in found)
        {
            foreach (var (id, nodeIds) in ways ?? [])
            {
                memberNodes[id] = nodeIds;
            }
        }
        return memberNodes;
    }

    private static OsmInputException Explained(string osmPath, Exception ex) => ex as OsmInputException ?? new OsmInputException(
        $"{osmPath}: the OSM data is truncated or corrupt ({ex.GetType().Name}: {ex.Message}). Download the extract again.", ex);

    /// <summary>
    /// One worker's view of a decoded block (OsmSharp's <see cref="Encoder.Decode"/> walks its elements): judges each
    /// element as it comes, with the block's strings decoded once per block rather than once per tag.
    /// </summary>
    private sealed class BlockVisitor : IPBFOsmPrimitiveConsumer
    {
        private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
        private string?[] _strings = [];
        private WayFindings? _ways;
        private NodeFindings? _nodes;
        private long[] _wantedWays = [];
        private List<(long Id, long[] NodeIds)>? _memberWays;

        public WayFindings Ways(PrimitiveBlock block, System.Collections.Concurrent.ConcurrentDictionary<long, bool> memberWays, out bool holdsNodes)
        {
            (_ways, _memberWays) = (new WayFindings(memberWays), null);
            NewBlock(block);
            block.Decode(this, ignoreNodes: true, ignoreWays: false, ignoreRelations: false, out holdsNodes, out _, out _);
            return _ways;
        }

        /// <summary>The ways of <paramref name="wanted"/> (sorted) in the block, with their nodes.</summary>
        public List<(long Id, long[] NodeIds)> MemberWays(PrimitiveBlock block, long[] wanted)
        {
            (_wantedWays, _memberWays, _ways) = (wanted, [], null);
            NewBlock(block);
            block.Decode(this, ignoreNodes: true, ignoreWays: false, ignoreRelations: true, out _, out _, out _);
            return _memberWays;
        }

        public NodeFindings Nodes(PrimitiveBlock block, NodeStore store, out bool holdsWaysOrRelations)
        {
            _nodes = new NodeFindings(store);
            NewBlock(block);
            block.Decode(this, ignoreNodes: false, ignoreWays: true, ignoreRelations: true, out _, out bool ways, out bool relations);
            holdsWaysOrRelations = ways || relations;
            return _nodes;
        }

        public void ProcessNode(PrimitiveBlock block, Node node) =>
            _nodes!.Node(node.id,
                Coordinates.ToE7(Encoder.DecodeLatLon(node.lat, block.lat_offset, block.granularity)),
                Coordinates.ToE7(Encoder.DecodeLatLon(node.lon, block.lon_offset, block.granularity)),
                Tags(block, node.keys, node.vals), StampOf(block, node.info));

        public void ProcessWay(PrimitiveBlock block, Way way)
        {
            if (_ways is null && Array.BinarySearch(_wantedWays, way.id) < 0)
            {
                return;
            }
            // Node references are stored as differences to the previous one.
            var nodeIds = new long[way.refs.Count];
            long id = 0;
            for (int i = 0; i < nodeIds.Length; i++)
            {
                id += way.refs[i];
                nodeIds[i] = id;
            }
            if (_ways is null)
            {
                _memberWays!.Add((way.id, nodeIds));
                return;
            }
            _ways.Way(way.id, nodeIds, Tags(block, way.keys, way.vals), StampOf(block, way.info));
        }

        public void ProcessRelation(PrimitiveBlock block, Relation relation)
        {
            _ways!.Stamp(StampOf(block, relation.info));
            if (Tags(block, relation.keys, relation.vals) is not { } tags || GreenAreaTagRules.ClassifyRelation(tags) is not { } kind)
            {
                return;
            }
            var (outer, inner) = (new List<long>(), new List<long>());
            long id = 0;
            for (int i = 0; i < relation.memids.Count; i++)
            {
                // Member ids are stored as differences to the previous one, like a way's nodes.
                id += relation.memids[i];
                if (relation.types[i] == Relation.MemberType.WAY)
                {
                    (StringAt(block, (uint)relation.roles_sid[i]) == "inner" ? inner : outer).Add(id);
                }
            }
            _ways.GreenRelation(kind, GreenAreaTagRules.NameOf(tags), [.. outer], [.. inner]);
        }

        private void NewBlock(PrimitiveBlock block)
        {
            int count = block.stringtable?.s.Count ?? 0;
            if (_strings.Length < count)
            {
                _strings = new string?[count];
            }
            else
            {
                Array.Clear(_strings, 0, count);
            }
        }

        /// <summary>The element's tags in the reused dictionary, or null when it has none; the first of repeated keys wins, as in OsmSharp.</summary>
        private Dictionary<string, string>? Tags(PrimitiveBlock block, List<uint> keys, List<uint> values)
        {
            if (keys.Count == 0)
            {
                return null;
            }
            _tags.Clear();
            for (int i = 0; i < keys.Count; i++)
            {
                _tags.TryAdd(StringAt(block, keys[i]), StringAt(block, values[i]));
            }
            return _tags;
        }

        private string StringAt(PrimitiveBlock block, uint index) =>
            _strings[index] ??= System.Text.Encoding.UTF8.GetString(block.stringtable.s[(int)index]);

        private static DateTime? StampOf(PrimitiveBlock block, Info? info) =>
            info is null ? null : Encoder.DecodeTimestamp(info.timestamp, block.date_granularity);
    }
}
