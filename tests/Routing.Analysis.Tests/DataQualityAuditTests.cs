using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Analysis.Tests;

/// <summary>The audit's shares and counts against a hand count on a small graph.</summary>
public sealed class DataQualityAuditTests
{
    private const double Lat = 49.41, Lon = 8.69;

    private static RoutingGraph Build()
    {
        var builder = new GraphBuilder();
        double dLon(double m) => m / (Coordinates.MetresPerDegree * Math.Cos(Lat * Math.PI / 180));
        int V(long id, double eastM, double northM, NodeClass node = default) =>
            builder.AddVertex(id, Coordinates.ToE7(Lat + (northM / Coordinates.MetresPerDegree)), Coordinates.ToE7(Lon + dLon(eastM)), node);
        int a = V(1, 0, 0), b = V(2, 100, 0), c = V(3, 300, 0), d = V(4, 300, 20);
        int e = V(5, 300, 40, new NodeClass { Kerb = KerbKind.Raised, KerbEvidence = Evidence.Unknown }); // a kerb of unknown height
        var known = new EdgeClass
        {
            Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged, Smoothness = Smoothness.Good,
            SmoothnessEvidence = Evidence.Tagged, WidthCm = 200, WidthEvidence = Evidence.Tagged,
            InclineKind = InclineKind.Value, InclineEvidence = Evidence.Derived, InclineConfidence = InclineConfidence.High,
        };
        builder.AddEdge(a, b, known, 1, null, [], []);                                                    // 100 m, all known
        builder.AddEdge(b, c, new EdgeClass { Highway = HighwayKind.Footway }, 2, null, [], []);          // 200 m, nothing known
        builder.AddEdge(c, d, known with { Crossing = CrossingKind.Marked, InclineConfidence = InclineConfidence.Low }, 3, null, [], []); // 20 m crossing, no kerb data
        builder.AddEdge(d, e, known, 4, null, [], []);                                                    // 20 m
        return builder.Build(new GraphMetadata { SourceFile = "audit", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
    }

    [Fact]
    public void Shares_and_counts_match_a_hand_count()
    {
        var cell = Assert.Single(DataQualityAudit.ByGrid(Build(), cellM: 1000));

        Assert.Equal(340, cell.WalkableLengthM, 0.5);
        Assert.Equal(200 / 340.0, cell.UnknownSurfaceShare, 3);
        Assert.Equal(200 / 340.0, cell.UnknownSmoothnessShare, 3);
        Assert.Equal(200 / 340.0, cell.UnknownWidthShare, 3);
        Assert.Equal(200 / 340.0, cell.UnknownInclineShare, 3);
        Assert.Equal(20 / 340.0, cell.LowConfidenceInclineShare, 3);
        Assert.Equal(1, cell.CrossingsWithoutKerbData);
        Assert.Equal(1, cell.KerbsOfUnknownHeight);
    }

    [Fact]
    public void Smaller_cells_split_the_length_and_keep_the_total()
    {
        var cells = DataQualityAudit.ByGrid(Build(), cellM: 150);

        Assert.True(cells.Count >= 2);
        Assert.Equal(340, cells.Sum(c => c.WalkableLengthM), 0.5);
        Assert.All(cells, c => Assert.InRange(c.UnknownSurfaceShare, 0, 1));
    }
}
