using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>One edge whose incline a mapper tagged, beside what the terrain model reads there.</summary>
/// <param name="OsmWayId">The way the edge belongs to.</param>
/// <param name="TaggedPct">The tagged incline in the edge's forward direction, percent.</param>
/// <param name="Reading">The terrain's reading of the same edge.</param>
/// <param name="OnStructure">A bridge, tunnel or covered way: the ground under it says nothing about it.</param>
public readonly record struct TaggedIncline(long OsmWayId, double TaggedPct, InclineReading Reading, bool OnStructure)
{
    /// <summary>What the confidence rule makes of the reading.</summary>
    public (InclineConfidence Confidence, double AssuredPct) Judged => InclineConfidenceRule.Judge(Reading, OnStructure);
}

/// <summary>Agreement with the tags over edges of one length band.</summary>
/// <param name="MedianErrorSteepestPct">Median of |tagged - steepest 30 m reading|, percentage points.</param>
/// <param name="MedianErrorResolvedPct">Median of |tagged - steepest reading over two cells|, percentage points.</param>
/// <param name="HighConfidenceShare">Share of the band's edges the rule trusts.</param>
public readonly record struct LengthBandAccuracy(
    double FromM, double ToM, int Edges, double MedianErrorSteepestPct, double MedianErrorResolvedPct, double HighConfidenceShare);

/// <summary>
/// How a reading decides at one limit, against the tags. "Before" takes the steepest reading as a fact, as the service
/// did; "after" blocks only on what the confidence rule vouches for and flags the rest as possibly steep.
/// </summary>
/// <param name="FalseSteepBefore">Share of edges tagged at most the limit that the steepest reading puts beyond it.</param>
/// <param name="FalseSteepAfter">Share of edges tagged at most the limit that the rule blocks.</param>
/// <param name="FalseFlatBefore">Share of edges tagged beyond the limit that the steepest reading puts within it.</param>
/// <param name="FalseFlatAfter">Share of edges tagged beyond the limit that the rule neither blocks nor flags as possibly steep.</param>
/// <param name="SteepBlockedAfter">Share of edges tagged beyond the limit that the rule still blocks.</param>
/// <param name="BlocksRightAfter">Share of the rule's blocks that fall on edges tagged beyond the limit.</param>
public readonly record struct LimitAccuracy(
    double LimitPct, int TaggedWithin, int TaggedBeyond,
    double FalseSteepBefore, double FalseSteepAfter, double FalseFlatBefore, double FalseFlatAfter, double SteepBlockedAfter,
    double BlocksRightAfter);

/// <summary>
/// Measures a terrain model against the inclines mappers tagged in the extract: the ground truth that exists
/// everywhere OSM does. <see cref="InclineConfidenceRule"/> is derived from, and checked against, these comparisons.
/// </summary>
public static class InclineAccuracy
{
    /// <summary>The limits that matter: a manual wheelchair's 6 % (DIN 18040), 8 % downhill, 12 % for powered chairs and pushchairs.</summary>
    public static IReadOnlyList<double> LimitsPct { get; } = [6, 8, 12];

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
            comparisons.Add(new TaggedIncline(imported.EdgeOsmWayId[edge], facts.InclinePermille / 10.0,
                GraphTerrain.Read(imported, edge, profile, terrain), onStructure));
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
                Share(inBand, c => c.Judged.Confidence == InclineConfidence.High));
        })];

    public static IReadOnlyList<LimitAccuracy> ByLimit(IReadOnlyList<TaggedIncline> comparisons) =>
        [.. LimitsPct.Select(limit =>
        {
            var within = comparisons.Where(c => Math.Abs(c.TaggedPct) <= limit).ToList();
            var beyond = comparisons.Where(c => Math.Abs(c.TaggedPct) > limit).ToList();
            bool ReadSteep(TaggedIncline c) => Math.Abs(c.Reading.SteepestPct) > limit;
            bool Blocks(TaggedIncline c) => Math.Abs(c.Judged.AssuredPct) > limit;
            return new LimitAccuracy(limit, within.Count, beyond.Count,
                Share(within, ReadSteep), Share(within, Blocks),
                Share(beyond, c => !ReadSteep(c)), Share(beyond, c => !Blocks(c) && !ReadSteep(c)), Share(beyond, Blocks),
                Share([.. comparisons.Where(Blocks)], c => Math.Abs(c.TaggedPct) > limit));
        })];

    private static double Share(List<TaggedIncline> edges, Func<TaggedIncline, bool> predicate) =>
        edges.Count == 0 ? 0 : (double)edges.Count(predicate) / edges.Count;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
