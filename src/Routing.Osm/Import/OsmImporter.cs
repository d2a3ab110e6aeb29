using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using OsmSharp;
using OsmSharp.Tags;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Import;

/// <summary>
/// Turns an OSM extract into a <see cref="RoutingGraph"/> in one pass over the file: nodes (coordinates of all,
/// facts of the tagged ones), then the walkable ways. Ways are split where they meet and at every node with facts
/// (kerb, barrier, elevator, crossing), so that such nodes are vertices a search passes through; chains of plain
/// nodes become one edge with shape points. Pedestrian areas get straight crossing edges.
/// </summary>
public static class OsmImporter
{
    public static ImportResult Import(string osmPath, IImportObserver? observer = null)
    {
        var clock = Stopwatch.StartNew();
        observer ??= IImportObserver.Silent;

        observer.PhaseStarted("Reading OSM");
        var extract = ReadExtract(osmPath);
        observer.PhaseFinished($"{extract.NodesRead:N0} nodes, {extract.WaysRead:N0} ways, {extract.Ways.Count:N0} walkable");
        if (extract.Ways.Count == 0)
        {
            throw new OsmInputException(
                $"{osmPath}: the extract holds no walkable ways (no footways, paths, streets ...). Give an extract that covers a town.");
        }

        observer.PhaseStarted("Splitting ways");
        var builder = new GraphBuilder();
        var splitter = new WaySplitter(extract, builder);
        foreach (var way in extract.Ways)
        {
            splitter.Split(way);
        }
        observer.PhaseFinished($"{builder.VertexCount:N0} vertices, {builder.EdgeCount:N0} edges");

        observer.PhaseStarted("Crossing pedestrian areas");
        int crossings = 0;
        foreach (var way in extract.Ways)
        {
            if (way.Facts.IsPedestrianArea)
            {
                crossings += splitter.AddAreaCrossings(way);
            }
        }
        observer.PhaseFinished($"{crossings:N0} crossing edges");

        // Places are searched for, not routed over: they join the graph as data beside it, never as vertices.
        foreach (var place in extract.Places)
        {
            builder.AddPlace(place.OsmNodeId, place.LatE7, place.LonE7, place.Name, place.Kind, place.Wheelchair);
        }

        observer.PhaseStarted("Building graph");
        var metadata = new GraphMetadata
        {
            SourceFile = Path.GetFileName(osmPath),
            SourceSha256 = Sha256Of(osmPath),
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

    private static readonly DateTime UnixEpochPlusOneDay = DateTime.UnixEpoch.AddDays(1);

    private static Extract ReadExtract(string osmPath)
    {
        var extract = new Extract();
        foreach (var geo in OsmSource.Read(osmPath))
        {
            // Extracts without metadata (like the bundled one) report the Unix epoch: that is "unknown", not 1970.
            if (geo.TimeStamp is { } stamp && stamp > UnixEpochPlusOneDay
                && (extract.NewestTimestamp is null || stamp > extract.NewestTimestamp))
            {
                extract.NewestTimestamp = new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Utc));
            }
            switch (geo)
            {
                case Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node:
                    extract.NodesRead++;
                    extract.Nodes.Add(id, Coordinates.ToE7(lat), Coordinates.ToE7(lon));
                    if (node.Tags is { Count: > 0 } nodeTags)
                    {
                        var tags = ToDictionary(nodeTags);
                        var facts = NodeTagRules.Classify(tags);
                        if (!facts.IsPlain)
                        {
                            extract.NodeFacts[id] = facts;
                        }
                        if (PlaceTagRules.Classify(tags) is { } kind)
                        {
                            extract.Places.Add(new PendingPlace(id, Coordinates.ToE7(lat), Coordinates.ToE7(lon), tags.GetValueOrDefault("name", ""), kind, PlaceTagRules.WheelchairOf(tags)));
                        }
                    }
                    break;
                case Way { Id: { } id, Nodes: { Length: >= 2 } nodeIds } way:
                    extract.WaysRead++;
                    if (way.Tags is { Count: > 0 } wayTags)
                    {
                        var tags = ToDictionary(wayTags);
                        if (WayTagRules.Classify(tags) is { } wayFacts)
                        {
                            extract.Ways.Add(new PendingWay(id, nodeIds, wayFacts, NameOf(tags)));
                        }
                    }
                    break;
                case Way:
                    extract.WaysRead++;
                    break;
            }
        }
        extract.Nodes.Seal();
        return extract;
    }

    private static Dictionary<string, string> ToDictionary(TagsCollectionBase tags)
    {
        var dictionary = new Dictionary<string, string>(tags.Count, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }
        return dictionary;
    }

    /// <summary>
    /// The name route instructions announce: <c>name</c>, else <c>ref</c>, because many roads outside town carry
    /// only their number ("B 37").
    /// </summary>
    internal static string? NameOf(Dictionary<string, string> tags) =>
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
        public NodeStore Nodes { get; } = new();
        public Dictionary<long, NodeClass> NodeFacts { get; } = [];
        public List<PendingWay> Ways { get; } = [];
        public List<PendingPlace> Places { get; } = [];
        public long NodesRead { get; set; }
        public long WaysRead { get; set; }
        public DateTimeOffset? NewestTimestamp { get; set; }
    }

    internal sealed record PendingWay(long WayId, long[] NodeIds, WayFacts Facts, string? Name);

    internal sealed record PendingPlace(long OsmNodeId, int LatE7, int LonE7, string Name, PlaceKind Kind, WheelchairTag Wheelchair);
}

/// <summary>The graph and what was read to make it.</summary>
public sealed record ImportResult(RoutingGraph Graph, long OsmNodesRead, long OsmWaysRead, int WalkableWays);

/// <summary>Follows the import phase by phase (the command line shows it).</summary>
public interface IImportObserver
{
    void PhaseStarted(string phase);

    void PhaseFinished(string summary);

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
