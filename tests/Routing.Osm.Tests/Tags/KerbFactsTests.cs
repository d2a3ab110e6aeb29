using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Tests.Tags;

public class KerbFactsTests
{
    [Theory]
    [InlineData(null, null, null, Evidence.Unknown, 0)]
    [InlineData("lowered", null, KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("flush", null, KerbKind.Flush, Evidence.Derived, 0)]
    [InlineData("rolled", null, KerbKind.Rolled, Evidence.Derived, 6)]
    [InlineData("raised", null, KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("no", null, KerbKind.None, Evidence.Derived, 0)]
    [InlineData("yes", null, KerbKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("raised", "0.15", KerbKind.Raised, Evidence.Tagged, 15)]
    [InlineData("raised", "high", KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData(null, "0.05", KerbKind.Unknown, Evidence.Tagged, 5)]
    [InlineData(null, "4 cm", KerbKind.Unknown, Evidence.Tagged, 4)]
    [InlineData(null, "high", KerbKind.Unknown, Evidence.Unknown, 0)]
    public void Read_takes_the_tagged_height_else_the_typical_one(
        string? kindValue, string? heightValue, KerbKind? expectedKind, Evidence expectedEvidence, int expectedHeightCm)
    {
        KerbFacts? kerb = KerbFacts.Read(kindValue, heightValue);
        Assert.Equal(expectedKind, kerb?.Kind);
        Assert.Equal(expectedEvidence, kerb?.HeightEvidence ?? Evidence.Unknown);
        Assert.Equal(expectedHeightCm, kerb?.HeightCm ?? 0);
    }

    [Theory]
    [InlineData(KerbKind.Lowered, KerbKind.Raised, KerbKind.Raised)]
    [InlineData(KerbKind.Raised, KerbKind.Lowered, KerbKind.Raised)]
    [InlineData(KerbKind.Raised, KerbKind.Unknown, KerbKind.Unknown)]
    [InlineData(KerbKind.Unknown, KerbKind.Flush, KerbKind.Unknown)]
    [InlineData(KerbKind.Flush, KerbKind.None, KerbKind.Flush)]
    public void Worse_is_the_higher_kerb_and_unknown_beats_known(KerbKind a, KerbKind b, KerbKind expected) =>
        Assert.Equal(expected, KerbFacts.Worse(KerbFacts.Of(a, null), KerbFacts.Of(b, null)).Kind);
}
