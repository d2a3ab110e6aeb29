using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Import;

/// <summary>
/// Turns an OSM extract into a <see cref="RoutingGraph"/>: the walkable ways, then the coordinates and facts of the
/// nodes they use (two passes, see <see cref="ExtractReader"/>). Ways are split where they meet and at every node with facts
/// (kerb, barrier, elevator, crossing), so that such nodes are vertices a search passes through; chains of plain
/// nodes become one edge with shape points. Pedestrian areas get straight crossing edges.
/// </summary>
public static class OsmImporter
{
    /// <exception cref="OsmInputException">The extract cannot be read or holds no walkable ways.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while the extract was read.</exception>
    public static ImportResult Import(string osmPath, IImportObserver? observer = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        observer ??= IImportObserver.Silent;

        // The source's checksum reads the whole file once more (seconds for a country): beside the import, not after it.
        var sourceSha256 = Task.Run(() => Sha256Of(osmPath), cancellation);
        observer.PhaseStarted("Reading OSM");
        var extract = ExtractReader.Read(osmPath, cancellation);
        observer.PhaseFinished($"{extract.NodesRead:N0} nodes, {extract.WaysRead:N0} ways, {extract.Ways.Count:N0} walkable");
        if (extract.Ways.Count == 0)
        {
            throw new OsmInputException(
                $"{osmPath}: the extract holds no walkable ways (no footways, paths, streets ...). Give an extract that covers a town.");
        }

        observer.PhaseStarted("Finding green areas");
        var greenAreas = new GreenAreas(extract.GreenAreas, extract.Nodes);
        observer.PhaseFinished($"{greenAreas.Count:N0} parks, gardens, cemeteries and woods");

        observer.PhaseStarted("Splitting ways");
        var builder = new GraphBuilder();
        var splitter = new WaySplitter(extract, builder, greenAreas);
        for (int i = 0; i < extract.Ways.Count; i++)
        {
            splitter.Split(extract.Ways[i], extract.WayNodes[i]);
        }
        observer.PhaseFinished($"{builder.VertexCount:N0} vertices, {builder.EdgeCount:N0} edges");

        observer.PhaseStarted("Crossing pedestrian areas");
        int crossings = 0;
        for (int i = 0; i < extract.Ways.Count; i++)
        {
            if (extract.Ways[i].Facts.IsPedestrianArea)
            {
                crossings += splitter.AddAreaCrossings(extract.Ways[i], extract.WayNodes[i]);
            }
        }
        observer.PhaseFinished($"{crossings:N0} crossing edges");
        splitter.AddElevatorLevelsFromWays();

        // Places are searched for, not routed over: they join the graph as data beside it, never as vertices.
        foreach (var place in extract.Places)
        {
            builder.AddPlace(place.OsmNodeId, place.LatE7, place.LonE7, place.Name, place.Kind, place.Wheelchair);
        }

        observer.PhaseStarted("Building graph");
        var metadata = new GraphMetadata
        {
            SourceFile = Path.GetFileName(osmPath),
            SourceSha256 = sourceSha256.GetAwaiter().GetResult(),
            OsmTimestamp = extract.NewestTimestamp,
            BuiltAtUtc = DateTimeOffset.UtcNow,
            BuilderVersion = BuilderVersion(),
            BuildSeconds = clock.Elapsed.TotalSeconds,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        };
        var graph = builder.Build(metadata);
        observer.PhaseFinished($"{graph.EdgeClasses.Length:N0} edge classes, {graph.ComponentSize.Length:N0} components");
        return new ImportResult(graph, extract.NodesRead, extract.WaysRead, extract.Ways.Count);
    }

    /// <summary>
    /// The name route instructions announce: <c>name</c>, else <c>ref</c>, because many roads outside town carry
    /// only their number ("B 37").
    /// </summary>
    internal static string? NameOf(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("name") is { Length: > 0 } name ? name : tags.GetValueOrDefault("ref");

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string BuilderVersion() =>
        typeof(OsmImporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(OsmImporter).Assembly.GetName().Version?.ToString() ?? "unknown";

    internal sealed class Extract
    {
        /// <summary>The nodes the walkable ways use; set by <see cref="KeepNodesOfWays"/> once all ways are in.</summary>
        public NodeStore Nodes { get; private set; } = NodeStore.ForWays([], []);
        public Dictionary<long, NodeClass> NodeFacts { get; } = [];
        /// <summary>The levels of elevator nodes that carry a <c>level</c> tag.</summary>
        public Dictionary<long, float[]> NodeLevels { get; } = [];
        public List<PendingWay> Ways { get; } = [];
        public List<PendingPlace> Places { get; } = [];
        /// <summary>Parks, gardens, cemeteries and woods as rings of node ids: closed ways, and multipolygons once joined (<see cref="JoinGreenRelations"/>).</summary>
        public List<PendingGreenArea> GreenAreas { get; } = [];
        /// <summary>Green multipolygons as read: their member ways' nodes come from another look at the ways.</summary>
        public List<PendingGreenRelation> GreenRelations { get; } = [];
        /// <summary>The nodes of the ways <see cref="GreenRelations"/> are made of, as far as they have been read.</summary>
        public Dictionary<long, long[]> MemberWayNodes { get; } = [];
        public long NodesRead { get; set; }
        public long WaysRead { get; set; }
        public DateTimeOffset? NewestTimestamp { get; set; }

        /// <summary>
        /// Each way's nodes as indices into <see cref="Nodes"/>, without nodes the extract lacks and without immediate
        /// repeats; set by <see cref="ResolveWays"/> once the coordinates are in.
        /// </summary>
        public int[][] WayNodes { get; private set; } = [];

        public void KeepNodesOfWays() => Nodes = NodeStore.ForWays(Ways, GreenAreas);

        /// <summary>The ways green multipolygons are made of whose nodes are not yet read, sorted, each once.</summary>
        public long[] GreenMemberWays()
        {
            var ids = new List<long>();
            foreach (var relation in GreenRelations)
            {
                ids.AddRange(relation.OuterWays.Where(id => !MemberWayNodes.ContainsKey(id)));
                ids.AddRange(relation.InnerWays.Where(id => !MemberWayNodes.ContainsKey(id)));
            }
            ids.Sort();
            return [.. ids.Distinct()];
        }

        /// <summary>Each green multipolygon's outer and inner ways joined into rings, from <see cref="MemberWayNodes"/>.</summary>
        public void JoinGreenRelations()
        {
            var memberNodes = MemberWayNodes;
            foreach (var relation in GreenRelations)
            {
                // Outer and inner rings are joined apart, so an inner ring touching the outer at a node stays a hole.
                var rings = OsmRings.Join(relation.OuterWays.Select(id => memberNodes.GetValueOrDefault(id, [])));
                rings.AddRange(OsmRings.Join(relation.InnerWays.Select(id => memberNodes.GetValueOrDefault(id, []))));
                if (rings.Count > 0)
                {
                    GreenAreas.Add(new PendingGreenArea(relation.Kind, relation.Name, [.. rings]));
                }
            }
            GreenRelations.Clear();
            MemberWayNodes.Clear();
        }

        /// <summary>
        /// Looks every way's node ids up once, on every core, and drops the ids: the splitter works with indices. Each
        /// lookup is a binary search over all the network's nodes, a dear step of splitting a country's ways.
        /// </summary>
        public void ResolveWays()
        {
            var resolved = new int[Ways.Count][];
            Parallel.For(0, Ways.Count, () => new List<int>(), (i, _, buffer) =>
            {
                buffer.Clear();
                foreach (long id in Ways[i].NodeIds)
                {
                    int index = Nodes.IndexOf(id);
                    if (index >= 0 && (buffer.Count == 0 || buffer[^1] != index))
                    {
                        buffer.Add(index);
                    }
                }
                resolved[i] = [.. buffer];
                // The ids have served (node store, lookups); the indices replace them, at half the memory.
                Ways[i] = Ways[i] with { NodeIds = [] };
                return buffer;
            }, _ => { });
            WayNodes = resolved;
        }
    }

    /// <param name="Levels">The levels the way lies on or links (its <c>level</c> tag); empty when untagged. The graph keeps
    /// them for elevator ways, and an elevator node without a <c>level</c> of its own serves the levels of the ways it joins.</param>
    internal sealed record PendingWay(long WayId, long[] NodeIds, WayFacts Facts, string? Name, float[] Levels);

    /// <param name="Rings">Closed rings of node ids (the first repeated last): a closed way's one, or a multipolygon's outer and inner rings.</param>
    internal sealed record PendingGreenArea(GreenAreaKind Kind, string? Name, long[][] Rings);

    internal sealed record PendingGreenRelation(GreenAreaKind Kind, string? Name, long[] OuterWays, long[] InnerWays);

    internal sealed record PendingPlace(long OsmNodeId, int LatE7, int LonE7, string Name, PlaceKind Kind, WheelchairTag Wheelchair);
}

/// <summary>The graph and what was read to make it.</summary>
public sealed record ImportResult(RoutingGraph Graph, long OsmNodesRead, long OsmWaysRead, int WalkableWays);

/// <summary>Follows the import phase by phase (the command line shows it).</summary>
public interface IImportObserver
{
    void PhaseStarted(string phase);

    void PhaseFinished(string summary);

    /// <summary>A phase that ran beside the others (on its own thread), told once it is over.</summary>
    void PhaseRanBeside(string phase, TimeSpan elapsed, string summary)
    {
        PhaseStarted(phase);
        PhaseFinished(summary);
    }

    public static IImportObserver Silent { get; } = new SilentObserver();

    private sealed class SilentObserver : IImportObserver
    {
        public void PhaseStarted(string phase)
        {
        }

        public void PhaseFinished(string summary)
        {
        }
    }
}
