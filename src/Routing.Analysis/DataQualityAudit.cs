using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Analysis;

/// <summary>
/// How much a square of the city rests on data nobody measured: shares of its walkable length whose surface,
/// smoothness, width or incline are unknown (and whose incline only a low-confidence terrain reading gives), and the
/// crossings and kerbs that lack kerb heights. Tells mappers and planners where to survey first.
/// </summary>
/// <param name="Column">Cell column: west edge at <c>Column * cell size</c> metres east of the audit's origin.</param>
/// <param name="Row">Cell row: south edge at <c>Row * cell size</c> metres north of the audit's origin.</param>
/// <param name="Bounds">The cell in WGS 84.</param>
public sealed record AuditCell(
    int Column,
    int Row,
    BoundingBox Bounds,
    double WalkableLengthM,
    double UnknownSurfaceShare,
    double UnknownSmoothnessShare,
    double UnknownWidthShare,
    double UnknownInclineShare,
    double LowConfidenceInclineShare,
    int CrossingsWithoutKerbData,
    int KerbsOfUnknownHeight);

/// <summary>The audit on a grid of square cells laid from the south-west corner of the graph.</summary>
public static class DataQualityAudit
{
    /// <summary>
    /// Every cell with walkable ways in it. An edge counts with its whole length in the cell of its midpoint (its
    /// two ends for a long edge across cells would be a refinement); a crossing counts where its first end lies.
    /// </summary>
    public static IReadOnlyList<AuditCell> ByGrid(RoutingGraph graph, double cellM)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellM, 10);
        var bounds = graph.Bounds;
        double metresPerDegreeLon = Coordinates.MetresPerDegree * Math.Cos((bounds.MinLat + bounds.MaxLat) / 2 * Math.PI / 180);
        (int, int) CellOf(double lat, double lon) =>
            ((int)Math.Floor((lon - bounds.MinLon) * metresPerDegreeLon / cellM), (int)Math.Floor((lat - bounds.MinLat) * Coordinates.MetresPerDegree / cellM));

        var tallies = new Dictionary<(int Column, int Row), Tally>();
        Tally TallyOf((int, int) cell) => tallies.TryGetValue(cell, out var tally) ? tally : tallies[cell] = new Tally();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int from = graph.EdgeFrom[edge], to = graph.EdgeTo[edge];
            double lat = Coordinates.ToDegrees(graph.VertexLatE7[from] / 2 + graph.VertexLatE7[to] / 2);
            double lon = Coordinates.ToDegrees(graph.VertexLonE7[from] / 2 + graph.VertexLonE7[to] / 2);
            var tally = TallyOf(CellOf(lat, lon));
            ref readonly var facts = ref graph.ClassOfEdge(edge);
            double lengthM = graph.EdgeLengthCm[edge] / 100.0;
            tally.LengthM += lengthM;
            tally.UnknownSurfaceM += facts.SurfaceEvidence == Evidence.Unknown || facts.Surface == SurfaceKind.Unknown ? lengthM : 0;
            tally.UnknownSmoothnessM += facts.SmoothnessEvidence == Evidence.Unknown || facts.Smoothness == Smoothness.Unknown ? lengthM : 0;
            tally.UnknownWidthM += facts.WidthEvidence == Evidence.Unknown || facts.WidthCm == 0 ? lengthM : 0;
            tally.UnknownInclineM += facts.InclineKind == InclineKind.Unknown ? lengthM : 0;
            tally.LowConfidenceInclineM += facts.InclineConfidence == InclineConfidence.Low ? lengthM : 0;
            if (facts.Crossing != CrossingKind.None && facts.Kerb == KerbKind.None
                && graph.ClassOfVertex(from).Kerb == KerbKind.None && graph.ClassOfVertex(to).Kerb == KerbKind.None)
            {
                TallyOf(CellOf(Coordinates.ToDegrees(graph.VertexLatE7[from]), Coordinates.ToDegrees(graph.VertexLonE7[from]))).CrossingsWithoutKerbData++;
            }
        }
        for (int vertex = 0; vertex < graph.VertexCount; vertex++)
        {
            ref readonly var node = ref graph.ClassOfVertex(vertex);
            if (node.Kerb != KerbKind.None && node.KerbEvidence == Evidence.Unknown)
            {
                TallyOf(CellOf(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex]))).KerbsOfUnknownHeight++;
            }
        }

        return [.. tallies.Where(t => t.Value.LengthM > 0).OrderBy(t => t.Key.Row).ThenBy(t => t.Key.Column).Select(pair =>
        {
            var ((column, row), t) = pair;
            double Share(double metres) => Math.Round(metres / t.LengthM, 4);
            var cell = new BoundingBox(
                bounds.MinLat + (row * cellM / Coordinates.MetresPerDegree), bounds.MinLon + (column * cellM / metresPerDegreeLon),
                bounds.MinLat + ((row + 1) * cellM / Coordinates.MetresPerDegree), bounds.MinLon + ((column + 1) * cellM / metresPerDegreeLon));
            return new AuditCell(column, row, cell, Math.Round(t.LengthM, 1), Share(t.UnknownSurfaceM), Share(t.UnknownSmoothnessM),
                Share(t.UnknownWidthM), Share(t.UnknownInclineM), Share(t.LowConfidenceInclineM), t.CrossingsWithoutKerbData, t.KerbsOfUnknownHeight);
        })];
    }

    private sealed class Tally
    {
        public double LengthM, UnknownSurfaceM, UnknownSmoothnessM, UnknownWidthM, UnknownInclineM, LowConfidenceInclineM;
        public int CrossingsWithoutKerbData, KerbsOfUnknownHeight;
    }
}
