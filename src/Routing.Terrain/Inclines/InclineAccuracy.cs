using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>One edge whose incline a mapper tagged, beside what the terrain model reads there.</summary>
/// <param name="OsmWayId">The way the edge belongs to.</param>
/// <param name="TaggedPct">The tagged incline in the edge's forward direction, percent.</param>
/// <param name="Reading">The terrain's reading of the same edge.</param>
/// <param name="OnStructure">A bridge, tunnel or covered way: the ground under it says nothing about it.</param>
/// <param name="LatDeg">Latitude of the middle between the edge's ends, for spatial cross-validation.</param>
/// <param name="LonDeg">Longitude of the same.</param>
public readonly record struct TaggedIncline(long OsmWayId, double TaggedPct, InclineReading Reading, bool OnStructure, double LatDeg, double LonDeg);

/// <summary>Agreement with the tags over edges of one length band.</summary>
/// <param name="MedianErrorSteepestPct">Median of |tagged - steepest 30 m reading|, percentage points.</param>
/// <param name="MedianErrorResolvedPct">Median of |tagged - steepest reading over two cells|, percentage points.</param>
/// <param name="ResolvedShare">Share of the band's edges the model resolves (high confidence: long enough to block).</param>
public readonly record struct LengthBandAccuracy(
    double FromM, double ToM, int Edges, double MedianErrorSteepestPct, double MedianErrorResolvedPct, double ResolvedShare);

/// <summary>
/// Measures a terrain model against the inclines mappers tagged in the extract: the ground truth that exists
/// everywhere OSM does. <see cref="SlopeModel"/> is fitted on, and <see cref="SlopeCalibration"/> scored against, these comparisons.
/// </summary>
public static class InclineAccuracy
{
    public static IReadOnlyList<(double FromM, double ToM)> LengthBandsM { get; } = [(0, 50), (50, 100), (100, 200), (200, double.PositiveInfinity)];

    /// <summary>
    /// Every edge of <paramref name="imported"/> (facts from OSM only) with a numeric incline tag on the way itself,
    /// steps, elevators and escalators excepted, with the terrain's reading of it.
    /// </summary>
    public static IReadOnlyList<TaggedIncline> Compare(RoutingGraph imported, IElevationModel terrain)
    {
        float[] vertexElevationM = GraphTerrain.VertexElevations(imported, terrain);
        var profile = new EdgeProfile();
        var comparisons = new List<TaggedIncline>();
        for (int edge = 0; edge < imported.EdgeCount; edge++)
        {
            EdgeClass facts = imported.ClassOfEdge(edge);
            if (facts.InclineKind != InclineKind.Value || facts.InclineEvidence != Evidence.Tagged || GraphTerrain.JoinsLevels(facts))
            {
                continue;
            }
            bool onStructure = GraphTerrain.IsStructure(facts);
            profile.Load(imported, edge, vertexElevationM, terrain, followsGround: !onStructure);
            if (!profile.IsComplete || profile.LengthM <= 0)
            {
                continue;
            }
            int from = imported.EdgeFrom[edge], to = imported.EdgeTo[edge];
            comparisons.Add(new TaggedIncline(imported.EdgeOsmWayId[edge], facts.InclinePermille / 10.0,
                GraphTerrain.Read(imported, edge, profile, terrain), onStructure,
                Coordinates.ToDegrees(imported.VertexLatE7[from]) / 2 + (Coordinates.ToDegrees(imported.VertexLatE7[to]) / 2),
                Coordinates.ToDegrees(imported.VertexLonE7[from]) / 2 + (Coordinates.ToDegrees(imported.VertexLonE7[to]) / 2)));
        }
        return comparisons;
    }

    public static IReadOnlyList<LengthBandAccuracy> ByLength(IReadOnlyList<TaggedIncline> comparisons) =>
        [.. LengthBandsM.Select(band =>
        {
            var inBand = comparisons.Where(c => c.Reading.LengthM >= band.FromM && c.Reading.LengthM < band.ToM).ToList();
            return new LengthBandAccuracy(band.FromM, band.ToM, inBand.Count,
                Median(inBand.Select(c => Math.Abs(Math.Abs(c.TaggedPct) - Math.Abs(c.Reading.SteepestPct)))),
                Median(inBand.Select(c => Math.Abs(Math.Abs(c.TaggedPct) - Math.Abs(c.Reading.ResolvedPct)))),
                inBand.Count == 0 ? 0 : (double)inBand.Count(c => SlopeModel.Fitted.Estimate(c.Reading, c.OnStructure).Confidence == InclineConfidence.High) / inBand.Count);
        })];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
