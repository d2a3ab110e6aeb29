using Routing.Graph.Facts;

namespace Routing.Osm.Tags;

/// <summary>
/// A kerb's kind and height, read the same way wherever OSM puts it: on a node (<c>kerb</c>, <c>kerb:height</c>), at a
/// crossing way's ends (<c>kerb:start</c>, <c>kerb:end:height</c>) or along a sidewalk (<c>sidewalk:left:kerb</c>).
/// <see cref="HeightCm"/> is meaningful only when <see cref="HeightEvidence"/> is not unknown.
/// </summary>
public readonly record struct KerbFacts(KerbKind Kind, Evidence HeightEvidence, byte HeightCm)
{
    /// <summary>
    /// A kerb from a kind value (<c>kerb=*</c>) and a height value (<c>kerb:height</c>); null when both are absent.
    /// A height alone still says that a kerb is there, of unknown kind; an unparsable height falls back to the kind.
    /// </summary>
    public static KerbFacts? Read(string? kindValue, string? heightValue) =>
        kindValue is null && heightValue is null
            ? null
            : Of(kindValue is null ? KerbKind.Unknown : TagValues.ParseKerb(kindValue),
                heightValue is null ? null : TagValues.ParseKerbHeightCm(heightValue));

    /// <summary>
    /// A kerb of a known kind: the tagged height when there is one, else the kind's typical height (ACCESSIBILITY.md:
    /// lowered 3 cm, ...) as derived evidence, else unknown.
    /// </summary>
    public static KerbFacts Of(KerbKind kind, int? taggedHeightCm) =>
        taggedHeightCm is { } tagged ? new(kind, Evidence.Tagged, (byte)tagged)
        : KerbKinds.TypicalHeightCm(kind) is { } typical ? new(kind, Evidence.Derived, (byte)typical)
        : new(kind, Evidence.Unknown, 0);

    /// <summary>
    /// The kerb that hinders more: the higher one, and a kerb of unknown height over any known one, because unknown
    /// may be high. Used where two tags describe one place (a sidewalk on each side of a road).
    /// </summary>
    public static KerbFacts Worse(KerbFacts a, KerbFacts b) =>
        a.HeightEvidence == Evidence.Unknown ? a
        : b.HeightEvidence == Evidence.Unknown || b.HeightCm > a.HeightCm ? b
        : a;
}
