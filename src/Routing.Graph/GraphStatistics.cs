using Routing.Graph.Facts;

namespace Routing.Graph;

/// <summary>Counts and shares derived from a graph: what the build summary and <c>info</c> print.</summary>
public sealed record GraphStatistics
{
    public required int Vertices { get; init; }
    public required int Edges { get; init; }
    /// <summary>Edges with a street name (OSM <c>name</c> or <c>ref</c>), which route instructions can announce.</summary>
    public required int NamedEdges { get; init; }
    public required int EdgeClasses { get; init; }
    public required int NodeClasses { get; init; }
    public required int Components { get; init; }
    public required int LargestComponentVertices { get; init; }
    public required int StepsEdges { get; init; }
    public required int KerbVerticesWithKnownHeight { get; init; }
    public required int KerbVertices { get; init; }
    public required int ElevatorVertices { get; init; }
    public required int ElevatorEdges { get; init; }
    /// <summary>Barrier vertices that block wheels (stiles, kissing gates, turnstiles ... unless tagged wheelchair=yes) or close access.</summary>
    public required int BlockingBarrierVertices { get; init; }
    public required int PedestrianAreaCrossingEdges { get; init; }
    /// <summary>Parks, gardens, cemeteries and woods some edge lies in, and the edges that lie in one.</summary>
    public required int GreenAreas { get; init; }
    public required int GreenAreaEdges { get; init; }
    public required double WalkableLengthKm { get; init; }
    /// <summary>Share (0..1) of the walkable length whose fact is tagged or derived rather than unknown.</summary>
    public required double KnownSurfaceShare { get; init; }
    public required double KnownSmoothnessShare { get; init; }
    public required double KnownWidthShare { get; init; }
    public required double KnownInclineShare { get; init; }
    /// <summary>Share of the walkable length whose incline is tagged in OSM (the rest of the known share comes from the terrain).</summary>
    public required double TaggedInclineShare { get; init; }
    /// <summary>Share of the walkable length whose incline comes from the terrain with high confidence (it may block).</summary>
    public required double HighConfidenceInclineShare { get; init; }
    /// <summary>Lowest and highest vertex, metres; null when the graph has no terrain model.</summary>
    public required (double LowestM, double HighestM)? ElevationRangeM { get; init; }

    public static GraphStatistics Of(RoutingGraph graph)
    {
        int kerbs = 0, kerbsWithHeight = 0, elevatorVertices = 0, blocking = 0;
        var nodeClasses = graph.NodeClasses;
        foreach (int classId in graph.VertexNodeClass)
        {
            ref readonly NodeClass node = ref nodeClasses[classId];
            if (node.Kerb != KerbKind.None)
            {
                kerbs++;
                if (node.KerbEvidence != Evidence.Unknown)
                {
                    kerbsWithHeight++;
                }
            }
            if (node.Has(NodeFlags.Elevator))
            {
                elevatorVertices++;
            }
            bool blocksWheels = BarrierKinds.ImpactOnWheels(node.Barrier) == BarrierImpact.Blocking
                                && node.Wheelchair is not (WheelchairTag.Yes or WheelchairTag.Designated);
            if (blocksWheels || node.Has(NodeFlags.NoAccess))
            {
                blocking++;
            }
        }

        int steps = 0, elevatorEdges = 0, areaCrossings = 0, named = 0, inGreen = 0;
        long totalCm = 0, surfaceCm = 0, smoothnessCm = 0, widthCm = 0, inclineCm = 0, taggedInclineCm = 0, highConfidenceInclineCm = 0;
        var edgeClasses = graph.EdgeClasses;
        var lengths = graph.EdgeLengthCm;
        var classIds = graph.EdgeClassId;
        var nameIds = graph.EdgeNameId;
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            if (nameIds[e] != 0)
            {
                named++;
            }
            if (graph.EdgeGreenArea[e] != GreenArea.None)
            {
                inGreen++;
            }
            ref readonly EdgeClass edge = ref edgeClasses[classIds[e]];
            long length = lengths[e];
            if (edge.Has(EdgeFlags.Steps))
            {
                steps++;
            }
            if (edge.Has(EdgeFlags.Elevator))
            {
                elevatorEdges++;
            }
            if (edge.Has(EdgeFlags.AreaCrossing))
            {
                // Crossings of squares duplicate walkable surface already counted along the outline.
                areaCrossings++;
                continue;
            }
            totalCm += length;
            surfaceCm += edge.SurfaceEvidence != Evidence.Unknown ? length : 0;
            smoothnessCm += edge.SmoothnessEvidence != Evidence.Unknown ? length : 0;
            widthCm += edge.WidthEvidence != Evidence.Unknown ? length : 0;
            inclineCm += edge.InclineKind != InclineKind.Unknown ? length : 0;
            taggedInclineCm += edge.InclineKind != InclineKind.Unknown && edge.InclineEvidence == Evidence.Tagged ? length : 0;
            highConfidenceInclineCm += edge.InclineConfidence == InclineConfidence.High ? length : 0;
        }

        double Share(long part) => totalCm == 0 ? 0 : (double)part / totalCm;
        float lowestM = float.PositiveInfinity, highestM = float.NegativeInfinity;
        foreach (float elevationM in graph.VertexElevationM)
        {
            // NaN (no height) fails both comparisons.
            lowestM = elevationM < lowestM ? elevationM : lowestM;
            highestM = elevationM > highestM ? elevationM : highestM;
        }
        return new GraphStatistics
        {
            Vertices = graph.VertexCount,
            Edges = graph.EdgeCount,
            NamedEdges = named,
            EdgeClasses = graph.EdgeClasses.Length,
            NodeClasses = graph.NodeClasses.Length,
            Components = graph.ComponentSize.Length,
            LargestComponentVertices = graph.ComponentSize.IsEmpty ? 0 : graph.ComponentSize[0],
            StepsEdges = steps,
            KerbVertices = kerbs,
            KerbVerticesWithKnownHeight = kerbsWithHeight,
            ElevatorVertices = elevatorVertices,
            ElevatorEdges = elevatorEdges,
            BlockingBarrierVertices = blocking,
            PedestrianAreaCrossingEdges = areaCrossings,
            GreenAreas = graph.GreenAreas.Length,
            GreenAreaEdges = inGreen,
            WalkableLengthKm = totalCm / 100_000.0,
            KnownSurfaceShare = Share(surfaceCm),
            KnownSmoothnessShare = Share(smoothnessCm),
            KnownWidthShare = Share(widthCm),
            KnownInclineShare = Share(inclineCm),
            TaggedInclineShare = Share(taggedInclineCm),
            HighConfidenceInclineShare = Share(highConfidenceInclineCm),
            ElevationRangeM = lowestM <= highestM ? (lowestM, highestM) : null,
        };
    }
}
