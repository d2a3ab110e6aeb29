using System.Collections.Concurrent;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>
/// Places a routing graph on a terrain model: every vertex and shape point gets an elevation, and every edge the
/// incline the terrain gives it in its forward direction (average over the edge and steepest sustained stretch).
/// An incline value from OSM wins over the terrain. Bridges, tunnels and covered ways do not follow the ground:
/// their points lie on a line between the structure's ends.
/// </summary>
public static class GraphTerrain
{
    /// <summary>Terrain samples along an edge are at most this far apart (the model's cells are ~90 m; 15 m resolves them well).</summary>
    internal const double SampleSpacingM = 15;

    /// <summary>
    /// The length over which an incline counts as sustained: a wheelchair user can push through a short steeper bit,
    /// not through 30 m of it. Edges shorter than this have their average as steepest.
    /// </summary>
    internal const double SustainedLengthM = 30;

    /// <summary>
    /// Derived inclines are stored in whole percent (10 ‰). The terrain model cannot tell 4.3 % from 4.0 % anyway,
    /// and coarser values keep the number of distinct edge classes, and so profile compilation, small.
    /// </summary>
    internal const int InclineStepPermille = 10;

    /// <summary>Edges per unit of parallel work: large enough that scheduling costs nothing, small enough to balance two to many cores.</summary>
    private const int EdgesPerRange = 2048;

    /// <summary>
    /// A copy of <paramref name="graph"/> with elevations and terrain inclines. <paramref name="terrain"/> should be
    /// smoothed: a raw 90 m grid is noisy enough to invent steep slopes between neighbouring cells.
    /// </summary>
    public static RoutingGraph Apply(RoutingGraph graph, IElevationModel terrain, GraphMetadata metadata)
    {
        float[] vertexElevationM = VertexElevations(graph, terrain);
        var shapeElevationM = new float[graph.ShapeLatE7.Length];
        var facts = new EdgeClass[graph.EdgeCount];
        // Each edge reads only the model and its own vertices and writes only its own slots: edges are sampled on
        // every core, in ranges, each worker with its own reusable profile, and the result does not depend on which.
        Parallel.ForEach(Partitioner.Create(0, graph.EdgeCount, EdgesPerRange), () => new EdgeProfile(), (range, _, profile) =>
        {
            for (int edge = range.Item1; edge < range.Item2; edge++)
            {
                EdgeClass edgeClass = graph.ClassOfEdge(edge);
                profile.Load(graph, edge, vertexElevationM, terrain, followsGround: !IsStructure(edgeClass));
                profile.CopyShapeElevations(shapeElevationM.AsSpan(graph.EdgeFirstShapePoint[edge]));
                facts[edge] = profile.IsComplete ? WithTerrainIncline(edgeClass, Read(graph, edge, profile, terrain)) : edgeClass;
            }
            return profile;
        }, _ => { });
        return graph.WithTerrain(vertexElevationM, shapeElevationM, facts, metadata);
    }

    /// <summary>Bridges, tunnels and covered ways: their height is set by the structure, not by the ground under them.</summary>
    internal static bool IsStructure(in EdgeClass edge) =>
        (edge.Flags & (EdgeFlags.Bridge | EdgeFlags.Tunnel | EdgeFlags.Covered)) != 0;

    /// <summary>Steps, elevators and escalators join levels; their ends are at different heights by design.</summary>
    internal static bool JoinsLevels(in EdgeClass edge) =>
        (edge.Flags & (EdgeFlags.Steps | EdgeFlags.Elevator | EdgeFlags.Conveying)) != 0;

    /// <summary>
    /// Ground vertices take the terrain's elevation. A vertex on a structure (where two or more bridge or tunnel edges
    /// meet, or with no ground edge at all) takes the distance-weighted mean of its neighbours, which on a chain of
    /// bridge edges is exactly the straight line between the bridge's ends.
    /// </summary>
    internal static float[] VertexElevations(RoutingGraph graph, IElevationModel terrain)
    {
        var elevationM = new float[graph.VertexCount];
        var floating = new List<int>();
        var latE7 = graph.VertexLatE7;
        var lonE7 = graph.VertexLonE7;
        for (int v = 0; v < graph.VertexCount; v++)
        {
            elevationM[v] = terrain.TryGetElevationM(Coordinates.ToDegrees(latE7[v]), Coordinates.ToDegrees(lonE7[v]), out double metres)
                ? (float)metres
                : float.NaN;
            if (IsOnStructure(graph, v))
            {
                floating.Add(v);
            }
        }
        StructureHeights.Interpolate(graph, floating, elevationM);
        return elevationM;
    }

    /// <summary>
    /// The terrain's reading of an edge whose profile is loaded (see <see cref="InclineReading"/>): its inclines over
    /// the three lengths that matter, the model's resolution along it, and how steep the ground is around it.
    /// </summary>
    internal static InclineReading Read(RoutingGraph graph, int edge, EdgeProfile profile, IElevationModel terrain)
    {
        var (averagePermille, steepestPermille) = profile.Inclines(SustainedLengthM);
        double cellSizeM = 0, reliefPct = 0;
        int from = graph.EdgeFrom[edge], to = graph.EdgeTo[edge];
        double fromLat = Coordinates.ToDegrees(graph.VertexLatE7[from]), fromLon = Coordinates.ToDegrees(graph.VertexLonE7[from]);
        double toLat = Coordinates.ToDegrees(graph.VertexLatE7[to]), toLon = Coordinates.ToDegrees(graph.VertexLonE7[to]);
        for (int i = 0; i <= 2; i++)
        {
            double lat = fromLat + (i / 2.0 * (toLat - fromLat)), lon = fromLon + (i / 2.0 * (toLon - fromLon));
            double cellM = terrain.CellSizeMAt(lat, lon);
            if (!double.IsNaN(cellM))
            {
                cellSizeM = Math.Max(cellSizeM, cellM);
                // Relief at the scale of a sustained stretch at least: on a 1 m model, one cell sees kerbs, not hills.
                reliefPct = Math.Max(reliefPct, TerrainRelief.SlopePctAt(terrain, lat, lon, Math.Max(cellM, SustainedLengthM / 2)));
            }
        }
        double resolvableM = SlopeModel.ResolvableLengthM(cellSizeM);
        double resolvedPermille = profile.LengthM > resolvableM ? profile.Inclines(resolvableM).SteepestPermille : averagePermille;
        return new InclineReading(profile.LengthM, cellSizeM, averagePermille / 10, steepestPermille / 10, resolvedPermille / 10, reliefPct);
    }

    private static bool IsOnStructure(RoutingGraph graph, int vertex)
    {
        int structureEdges = 0, groundEdges = 0;
        var arcs = graph.Arcs;
        for (int i = graph.FirstArc[vertex]; i < graph.FirstArc[vertex + 1]; i++)
        {
            ref readonly EdgeClass edge = ref graph.ClassOfEdge(arcs[i] >> 1);
            if (IsStructure(edge))
            {
                structureEdges++;
            }
            else if (!JoinsLevels(edge))
            {
                groundEdges++;
            }
        }
        return structureEdges >= 2 || (structureEdges == 1 && groundEdges == 0);
    }

    /// <summary>
    /// The edge's facts with the terrain's incline, unless OSM already gives a value: tagged on the way, or derived
    /// from the street's own tag for its sidewalk. A mapper measured what a 90 m grid can only estimate.
    /// </summary>
    internal static EdgeClass WithTerrainIncline(EdgeClass edge, in InclineReading reading)
    {
        if ((edge.Flags & (EdgeFlags.Elevator | EdgeFlags.Conveying)) != 0 || edge.InclineKind == InclineKind.Value)
        {
            return edge;
        }
        int average = RoundToStep(reading.AveragePct * 10);
        var estimate = SlopeModel.Fitted.Estimate(reading, IsStructure(edge));
        // incline=up/down names the direction but no value: keep it unless the terrain agrees and can say how much.
        int taggedSign = edge.InclineKind switch { InclineKind.UpNoValue => 1, InclineKind.DownNoValue => -1, _ => 0 };
        if (taggedSign != 0 && Math.Sign(estimate.MeanPct) != taggedSign)
        {
            return edge;
        }
        return edge with
        {
            InclineKind = InclineKind.Value,
            InclineEvidence = Evidence.Derived,
            InclinePermille = (short)average,
            // What every answer shows and every limit is checked against: the model's estimate, not the raw reading.
            SteepestInclinePermille = (short)RoundToStep(estimate.MeanPct * 10),
            InclineConfidence = estimate.Confidence,
            InclineSpreadPermille = (short)RoundToStep(estimate.SpreadPct * 10),
        };
    }

    private static int RoundToStep(double permille) =>
        (int)Math.Clamp(Math.Round(permille / InclineStepPermille, MidpointRounding.AwayFromZero) * InclineStepPermille, short.MinValue, short.MaxValue);
}
