using Routing.Graph.Facts;

namespace Routing.Graph.Tests;

/// <summary>Graphs written out by hand, so tests of the format do not depend on the builder.</summary>
internal static class TestGraphs
{
    public static GraphMetadata Metadata(string sourceFile = "tiny.osm.pbf") => new()
    {
        SourceFile = sourceFile,
        SourceSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        OsmTimestamp = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero),
        ElevationSource = "SRTM 1 arc-second",
        BuiltAtUtc = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
        BuilderVersion = "1.2.3-test",
        BuildSeconds = 0.125,
        PeakMemoryBytes = 123_456_789,
    };

    /// <summary>
    /// A square 0-1-2-3-0 near Heidelberg: 4 vertices, 4 edges (edge e runs from vertex e to vertex e + 1 mod 4),
    /// inner shape points on edges 0 (two) and 2 (one), a paved and a steep cobbled edge class, and a lowered-kerb
    /// node class on vertex 2, and the names "Hauptstraße" (edges 0 and 3) and "Plöck" (edge 1; edge 2 has none),
    /// both with non-ASCII letters, and a bus stop "Hauptstraße" on edge 0. Every array holds distinct non-zero values so a swapped or zeroed section shows.
    /// </summary>
    public static GraphArrays SquareArrays() => new()
    {
        VertexLatE7 = [494_100_000, 494_100_900, 494_101_800, 494_102_700],
        VertexLonE7 = [86_900_000, 86_901_100, 86_902_200, 86_903_300],
        VertexOsmNodeId = [10_000_000_001, 10_000_000_002, 10_000_000_003, 10_000_000_004],
        VertexNodeClass = [0, 0, 1, 0],
        VertexComponent = [0, 0, 0, 0],
        ComponentSize = [4],
        // Arc = edge * 2 + direction; vertex v is the tail of edge v forwards and of edge v - 1 backwards.
        FirstArc = [0, 2, 4, 6, 8],
        Arcs = [0, 7, 1, 2, 3, 4, 5, 6],
        EdgeFrom = [0, 1, 2, 3],
        EdgeTo = [1, 2, 3, 0],
        EdgeLengthCm = [1_450, 1_510, 1_620, 4_480],
        EdgeClass = [0, 1, 0, 1],
        EdgeOsmWayId = [3_000_000_011, 3_000_000_012, 3_000_000_013, 3_000_000_014],
        EdgeNameId = [1, 2, 0, 1],
        EdgeFirstShapePoint = [0, 2, 2, 3, 3],
        ShapeLatE7 = [494_100_300, 494_100_600, 494_102_200],
        ShapeLonE7 = [86_900_400, 86_900_700, 86_902_700],
        // One vertex without a height (NaN must round-trip too), the others with fractions that float keeps exactly.
        VertexElevationM = [112.5f, 118.25f, float.NaN, 131.75f],
        ShapeElevationM = [113.5f, 115f, 127.125f],
        EdgeClasses =
        [
            new EdgeClass
            {
                Highway = HighwayKind.Footway,
                Surface = SurfaceKind.Asphalt,
                SurfaceEvidence = Evidence.Tagged,
                Smoothness = Smoothness.Excellent,
                SmoothnessEvidence = Evidence.Tagged,
                WidthCm = 250,
                WidthEvidence = Evidence.Tagged,
                Wheelchair = WheelchairTag.Yes,
                Flags = EdgeFlags.TactilePaving,
            },
            new EdgeClass
            {
                Highway = HighwayKind.Pedestrian,
                Surface = SurfaceKind.PavingStones,
                SurfaceEvidence = Evidence.Derived,
                Smoothness = Smoothness.Bad,
                TrackGrade = 2,
                InclineKind = InclineKind.Value,
                InclineEvidence = Evidence.Derived,
                InclinePermille = -85,
                SteepestInclinePermille = -120,
                InclineConfidence = InclineConfidence.High,
                InclineSpreadPermille = 60,
                Kerb = KerbKind.Lowered,
                KerbEvidence = Evidence.Tagged,
                KerbHeightCm = 3,
                Access = AccessKind.Permissive,
                Sidewalk = SidewalkKind.Present,
                Crossing = CrossingKind.Marked,
                Flags = EdgeFlags.Bridge | EdgeFlags.ForwardOnly,
            },
        ],
        NodeClasses =
        [
            default,
            new NodeClass
            {
                Barrier = BarrierKind.Kerb,
                Kerb = KerbKind.Lowered,
                KerbEvidence = Evidence.Tagged,
                KerbHeightCm = 2,
                Wheelchair = WheelchairTag.Yes,
                WidthCm = 180,
                Crossing = CrossingKind.TrafficSignals,
                Flags = NodeFlags.TactilePaving | NodeFlags.TrafficSignals,
            },
        ],
        // "" (0 bytes), "Hauptstraße" (12 bytes: ß takes two), "Plöck" (6 bytes: ö takes two).
        NameOffsets = [0, 0, 12, 18],
        NameBytes = "HauptstraßePlöck"u8.ToArray(),
        // A bus stop named like the street it stands on shares the street's name entry.
        Places =
        [
            new Place
            {
                OsmNodeId = 10_000_000_099, LatE7 = 494_100_450, LonE7 = 86_900_550, NameId = 1,
                Kind = PlaceKind.PublicTransport, Wheelchair = WheelchairTag.Limited,
            },
        ],
        // Vertex 1 an elevator node between the underground and the ground floor, edge 3 a lift way to a split level.
        VertexLevels = [new(1, -1f), new(1, 0f)],
        EdgeLevels = [new(3, 0f), new(3, 1.5f)],
        // Edge 2 (unnamed) runs through an unnamed park, edge 1 through a wood that shares Plöck's name entry.
        GreenAreas = [new(0, GreenAreaKind.Park), new(2, GreenAreaKind.Wood)],
        EdgeGreenArea = [GreenArea.None, 1, 0, GreenArea.None],
    };

    public static RoutingGraph Square(GraphMetadata? metadata = null) => new(SquareArrays(), metadata ?? Metadata());
}
