using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.Preprocess;

/// <summary>The one description of a graph that both <c>build</c> and <c>info</c> print, as text or JSON.</summary>
internal static class GraphReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void WriteText(TextWriter output, RoutingGraph graph, GraphStatistics s)
    {
        var m = graph.Metadata;
        var box = graph.Bounds;
        void Line(string name, string value) => output.WriteLine($"{name,-34} {value}");
        Line("source", $"{m.SourceFile} (sha256 {m.SourceSha256?[..12]}…)");
        Line("osm timestamp", m.OsmTimestamp?.ToString("u") ?? "unknown");
        Line("terrain model", m.ElevationSource ?? "none (inclines only where tagged)");
        Line("built", $"{m.BuiltAtUtc:u} by {m.BuilderVersion}");
        Line("bbox (lon, lat)", $"{box.MinLon:F5}, {box.MinLat:F5} .. {box.MaxLon:F5}, {box.MaxLat:F5}");
        Line("nodes (vertices)", $"{s.Vertices:N0}");
        Line("edges", $"{s.Edges:N0}");
        Line("named edges", $"{s.NamedEdges:N0}");
        Line("edge classes / node classes", $"{s.EdgeClasses:N0} / {s.NodeClasses:N0}");
        Line("connected components", $"{s.Components:N0} (largest {s.LargestComponentVertices:N0} vertices)");
        Line("walkable length", $"{s.WalkableLengthKm:N1} km");
        Line("steps edges", $"{s.StepsEdges:N0}");
        Line("kerb nodes (known height)", $"{s.KerbVertices:N0} ({s.KerbVerticesWithKnownHeight:N0})");
        Line("elevators (nodes / edges)", $"{s.ElevatorVertices:N0} / {s.ElevatorEdges:N0}");
        Line("blocking barriers", $"{s.BlockingBarrierVertices:N0}");
        Line("pedestrian area crossings", $"{s.PedestrianAreaCrossingEdges:N0}");
        Line("edges in green areas", $"{s.GreenAreaEdges:N0} in {s.GreenAreas:N0} parks, gardens, cemeteries and woods");
        Line("known surface / smoothness", $"{s.KnownSurfaceShare:P1} / {s.KnownSmoothnessShare:P1} of walkable length");
        Line("known width / incline", $"{s.KnownWidthShare:P1} / {s.KnownInclineShare:P1} of walkable length");
        Line("incline tagged in OSM", $"{s.TaggedInclineShare:P1} of walkable length");
        Line("terrain incline, high confidence", $"{s.HighConfidenceInclineShare:P1} of walkable length (the rest: low confidence, by default not a block)");
        if (s.ElevationRangeM is var (lowestM, highestM))
        {
            Line("elevation range", $"{lowestM:F0} .. {highestM:F0} m");
        }
        if (m.BuildSeconds > 0)
        {
            Line("import time, peak memory", $"{m.BuildSeconds:F2} s, {m.PeakMemoryBytes / 1e6:F0} MB (when built)");
        }
    }

    public static void WriteJson(TextWriter output, string path, RoutingGraph graph, GraphStatistics s)
    {
        var m = graph.Metadata;
        var box = graph.Bounds;
        var report = new
        {
            File = path,
            FormatVersion = GraphFormat.Version,
            Nodes = s.Vertices,
            Edges = s.Edges,
            NamedEdges = s.NamedEdges,
            EdgeClasses = s.EdgeClasses,
            NodeClasses = s.NodeClasses,
            Bbox = new[] { box.MinLon, box.MinLat, box.MaxLon, box.MaxLat },
            OsmTimestamp = m.OsmTimestamp,
            Source = m.SourceFile,
            ElevationSource = m.ElevationSource,
            SourceSha256 = m.SourceSha256,
            BuiltAtUtc = m.BuiltAtUtc,
            BuilderVersion = m.BuilderVersion,
            BuildSeconds = m.BuildSeconds,
            PeakMemoryBytes = m.PeakMemoryBytes,
            Components = s.Components,
            LargestComponentNodes = s.LargestComponentVertices,
            WalkableLengthKm = Math.Round(s.WalkableLengthKm, 3),
            StepsEdges = s.StepsEdges,
            KerbNodes = s.KerbVertices,
            KerbNodesWithKnownHeight = s.KerbVerticesWithKnownHeight,
            ElevatorNodes = s.ElevatorVertices,
            ElevatorEdges = s.ElevatorEdges,
            BlockingBarriers = s.BlockingBarrierVertices,
            PedestrianAreaCrossings = s.PedestrianAreaCrossingEdges,
            GreenAreas = s.GreenAreas,
            GreenAreaEdges = s.GreenAreaEdges,
            KnownSurfaceShare = Math.Round(s.KnownSurfaceShare, 4),
            KnownSmoothnessShare = Math.Round(s.KnownSmoothnessShare, 4),
            KnownWidthShare = Math.Round(s.KnownWidthShare, 4),
            KnownInclineShare = Math.Round(s.KnownInclineShare, 4),
            TaggedInclineShare = Math.Round(s.TaggedInclineShare, 4),
            HighConfidenceInclineShare = Math.Round(s.HighConfidenceInclineShare, 4),
            LowestElevationM = s.ElevationRangeM?.LowestM,
            HighestElevationM = s.ElevationRangeM?.HighestM,
        };
        output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
    }
}
