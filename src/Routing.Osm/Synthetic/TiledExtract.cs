using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.Osm.Tags;

namespace Routing.Osm.Synthetic;

/// <summary>
/// A larger extract made of a real one, for scale experiments: the source repeated on a grid of tiles, each copy
/// shifted north and east by the source's extent and given ids of its own, and neighbouring copies joined by
/// footways between the outermost nodes of their largest walkable network, so that the whole is one network as a
/// region's is.
/// Written as sorted PBF (all nodes, then all ways, then all relations, each by id) with OsmSharp; each copy has the
/// source's relations (the import reads green multipolygons), their members the copy's own.
/// </summary>
public static class TiledExtract
{
    /// <summary>Copies lie this far apart (about 100 m): the footways that join them are short.</summary>
    private const double GapDeg = 0.001;

    /// <summary>Nodes joined per side of a copy: several, as a region's towns meet by more than one road.</summary>
    private const int LinksPerSide = 4;

    /// <exception cref="OsmInputException">The source cannot be read or holds no walkable ways.</exception>
    public static TiledExtractSummary Write(string sourcePath, string targetPath, int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var source = Source.Read(sourcePath);
        double tileHeightDeg = source.MaxLat - source.MinLat + GapDeg, tileWidthDeg = source.MaxLon - source.MinLon + GapDeg;
        if (source.MaxLat + ((rows - 1) * tileHeightDeg) > 85)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"{rows} rows of this extract reach beyond latitude 85°");
        }
        // Ids of copy t are the source's plus t times a power of ten above every source id: copies never collide,
        // and writing copy after copy keeps the file sorted by id.
        long idStride = 10;
        while (idStride <= source.MaxId)
        {
            idStride *= 10;
        }
        int tiles = columns * rows;
        long nodes = 0, ways = 0;
        var target = File.Create(targetPath);
        try
        {
            var writer = new PBFOsmStreamTarget(target, compress: true);
            writer.Initialize();
            for (int t = 0; t < tiles; t++)
            {
                double dLat = t / columns * tileHeightDeg, dLon = t % columns * tileWidthDeg;
                foreach (var node in source.Nodes)
                {
                    writer.AddNode(Stamped(new Node
                    {
                        Id = node.Id + (t * idStride), Latitude = ForPbf(node.Latitude + dLat), Longitude = ForPbf(node.Longitude + dLon), Tags = node.Tags,
                    }));
                    nodes++;
                }
            }
            for (int t = 0; t < tiles; t++)
            {
                foreach (var way in source.Ways)
                {
                    writer.AddWay(Stamped(new Way { Id = way.Id + (t * idStride), Nodes = Shifted(way.Nodes!, t * idStride), Tags = way.Tags }));
                    ways++;
                }
            }
            long linkId = tiles * idStride;
            var linkTags = new TagsCollection(new Tag("highway", "footway"), new Tag("name", "Tile link"));
            for (int t = 0; t < tiles; t++)
            {
                int column = t % columns, row = t / columns;
                // East to the next copy's west, north to the next row's south.
                var neighbours = new List<(long[] From, long[] To, int Tile)>();
                if (column + 1 < columns)
                {
                    neighbours.Add((source.East, source.West, t + 1));
                }
                if (row + 1 < rows)
                {
                    neighbours.Add((source.North, source.South, t + columns));
                }
                foreach (var (from, to, other) in neighbours)
                {
                    for (int i = 0; i < Math.Min(from.Length, to.Length); i++)
                    {
                        writer.AddWay(Stamped(new Way { Id = linkId++, Nodes = [from[i] + (t * idStride), to[i] + (other * idStride)], Tags = linkTags }));
                        ways++;
                    }
                }
            }
            for (int t = 0; t < tiles; t++)
            {
                foreach (var relation in source.Relations)
                {
                    long by = t * idStride;
                    writer.AddRelation(Stamped(new Relation
                    {
                        Id = relation.Id + by, Tags = relation.Tags,
                        Members = [.. relation.Members!.Select(m => new RelationMember(m.Id + by, m.Role, m.Type))],
                    }));
                }
            }
            writer.Flush();
            writer.Close();
        }
        finally
        {
            target.Dispose();
        }
        return new TiledExtractSummary(tiles, nodes, ways, new FileInfo(targetPath).Length);
    }

    /// <summary>
    /// The coordinate OsmSharp's PBF writer stores as the nearest 10^-7 degree: it truncates towards zero, so a value a
    /// hair below a whole step (49.41 is 49.40999999...) would lose a step. Half a step away from zero is kept whole.
    /// </summary>
    private static double ForPbf(double degrees)
    {
        double steps = Math.Round(degrees * Coordinates.E7);
        return (steps + (0.5 * Math.Sign(steps))) / Coordinates.E7;
    }

    private static long[] Shifted(long[] ids, long by)
    {
        var shifted = new long[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            shifted[i] = ids[i] + by;
        }
        return shifted;
    }

    /// <summary>OsmSharp's PBF writer needs the metadata fields set.</summary>
    private static T Stamped<T>(T geo) where T : OsmGeo
    {
        geo.Version = 1;
        geo.ChangeSetId = 0;
        geo.UserId = 0;
        geo.UserName = "";
        geo.TimeStamp = DateTime.UnixEpoch;
        geo.Visible = true;
        return geo;
    }

    /// <summary>The source extract in memory (nodes and ways), with its extent and the nodes to join copies by.</summary>
    private sealed class Source
    {
        public List<(long Id, double Latitude, double Longitude, TagsCollectionBase Tags)> Nodes { get; } = [];
        public List<Way> Ways { get; } = [];
        public List<Relation> Relations { get; } = [];
        public double MinLat { get; private set; } = double.MaxValue;
        public double MaxLat { get; private set; } = double.MinValue;
        public double MinLon { get; private set; } = double.MaxValue;
        public double MaxLon { get; private set; } = double.MinValue;
        public long MaxId { get; private set; }
        public long[] East { get; private set; } = [];
        public long[] West { get; private set; } = [];
        public long[] North { get; private set; } = [];
        public long[] South { get; private set; } = [];

        public static Source Read(string path)
        {
            var source = new Source();
            var format = OsmSource.FormatOf(path);
            using (var stream = File.OpenRead(path))
            {
                OsmStreamSource osm = format == OsmSource.OsmFormat.Pbf ? new PBFOsmStreamSource(stream) : new XmlOsmStreamSource(stream);
                foreach (var geo in osm)
                {
                    source.Add(geo);
                }
            }
            source.FindLinkNodes();
            return source;
        }

        private void Add(OsmGeo geo)
        {
            switch (geo)
            {
                case Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node:
                    // Never null: OsmSharp's PBF writer ends a dense node's tags only when it has a collection, and a
                    // node without one would shift every later node's tags in the block.
                    Nodes.Add((id, lat, lon, node.Tags ?? new TagsCollection()));
                    MinLat = Math.Min(MinLat, lat);
                    MaxLat = Math.Max(MaxLat, lat);
                    MinLon = Math.Min(MinLon, lon);
                    MaxLon = Math.Max(MaxLon, lon);
                    MaxId = Math.Max(MaxId, id);
                    break;
                case Way { Id: { } id, Nodes.Length: >= 2 } way:
                    Ways.Add(way);
                    MaxId = Math.Max(MaxId, id);
                    break;
                case Relation { Id: { } id, Members: not null } relation:
                    Relations.Add(relation);
                    MaxId = Math.Max(MaxId, id);
                    break;
            }
        }

        /// <summary>
        /// The outermost nodes of the largest walkable network, per side: joining copies by nodes of the network most
        /// routes use makes the whole one network, as a region's is (an outermost node of the extract is often on a
        /// stub cut off by the extract's edge).
        /// </summary>
        private void FindLinkNodes()
        {
            var index = new Dictionary<long, int>();
            var parent = new List<int>();
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var way in Ways)
            {
                tags.Clear();
                foreach (var tag in way.Tags ?? Enumerable.Empty<Tag>())
                {
                    tags.TryAdd(tag.Key, tag.Value);
                }
                if (WayTagRules.Classify(tags) is null)
                {
                    continue;
                }
                int first = SetOf(way.Nodes[0]);
                foreach (long id in way.Nodes)
                {
                    Union(first, SetOf(id));
                }
            }
            var sizes = new Dictionary<int, int>();
            foreach (int node in index.Values)
            {
                int root = Find(node);
                sizes[root] = sizes.GetValueOrDefault(root) + 1;
            }
            int largest = sizes.Count == 0 ? -1 : sizes.MaxBy(s => (s.Value, -s.Key)).Key;
            var network = Nodes.Where(n => index.TryGetValue(n.Id, out int i) && Find(i) == largest).ToList();

            int SetOf(long id)
            {
                if (!index.TryGetValue(id, out int i))
                {
                    i = parent.Count;
                    index.Add(id, i);
                    parent.Add(i);
                }
                return i;
            }
            int Find(int i)
            {
                while (parent[i] != i)
                {
                    parent[i] = parent[parent[i]];
                    i = parent[i];
                }
                return i;
            }
            void Union(int a, int b)
            {
                (a, b) = (Find(a), Find(b));
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
            if (network.Count == 0)
            {
                throw new OsmInputException("the source extract has no walkable ways to join its copies by. Give an extract of a town.");
            }
            East = [.. network.OrderByDescending(n => n.Longitude).ThenBy(n => n.Id).Take(LinksPerSide).Select(n => n.Id)];
            West = [.. network.OrderBy(n => n.Longitude).ThenBy(n => n.Id).Take(LinksPerSide).Select(n => n.Id)];
            North = [.. network.OrderByDescending(n => n.Latitude).ThenBy(n => n.Id).Take(LinksPerSide).Select(n => n.Id)];
            South = [.. network.OrderBy(n => n.Latitude).ThenBy(n => n.Id).Take(LinksPerSide).Select(n => n.Id)];
        }
    }
}

/// <summary>What <see cref="TiledExtract.Write"/> wrote.</summary>
public sealed record TiledExtractSummary(int Tiles, long Nodes, long Ways, long FileBytes);
