using Routing.Graph;
using Routing.Graph.Facts;
using static Routing.Osm.Tags.SharedTagRules;

namespace Routing.Osm.Tags;

/// <summary>Node tags to vertex facts (ACCESSIBILITY.md, "Facts per node"): kerbs, barriers, elevators, doors, crossings.</summary>
public static class NodeTagRules
{
    /// <summary>The facts of a node; the default (plain) class when none of its tags matters for walking or rolling.</summary>
    public static NodeClass Classify(IReadOnlyDictionary<string, string> tags)
    {
        BarrierKind barrier = tags.GetValueOrDefault("barrier") is { } barrierValue
            ? TagValues.ParseBarrier(barrierValue)
            : BarrierKind.None;
        string? highway = tags.GetValueOrDefault("highway");
        // A signals node often doubles as the crossing (highway=traffic_signals + crossing=traffic_signals).
        bool isCrossing = highway == "crossing" || (highway == "traffic_signals" && tags.IsPresentNotNo("crossing"));
        bool isElevator = highway == "elevator";
        bool isEntrance = tags.IsPresentNotNo("entrance") || tags.IsPresentNotNo("door");
        KerbFacts? kerb = KerbOf(tags, barrier);

        var node = new NodeClass
        {
            Barrier = barrier,
            Crossing = isCrossing ? CrossingOf(tags) : CrossingKind.None,
            Flags = FlagIf(isElevator, NodeFlags.Elevator)
                | FlagIf(isEntrance, NodeFlags.Entrance)
                | FlagIf(highway == "traffic_signals", NodeFlags.TrafficSignals)
                // A crossing is a right of way, not a barrier: access=no on it concerns vehicles.
                | FlagIf(barrier != BarrierKind.None && highway != "crossing"
                    && FootAccess(tags) is "no" or "private", NodeFlags.NoAccess),
        };
        if (kerb is { } known)
        {
            (node.Kerb, node.KerbEvidence, node.KerbHeightCm) = (known.Kind, known.HeightEvidence, known.HeightCm);
        }
        // On a node that is something to pass, wheelchair, width and the rest describe the passage. On any other node
        // (toilets, a shop, a bus stop drawn on the way) they describe the amenity and must not block the way.
        if (barrier != BarrierKind.None || kerb is not null || isCrossing || isElevator || isEntrance)
        {
            node.Wheelchair = tags.Read("wheelchair", TagValues.ParseWheelchair) ?? WheelchairTag.Unknown;
            node.WidthCm = WidthOf(tags);
            node.Flags |= FlagIf(HasTactilePaving(tags), NodeFlags.TactilePaving)
                | FlagIf(tags.Is("traffic_signals:sound", "yes"), NodeFlags.AcousticSignals)
                | FlagIf(tags.IsPresentNotNo("automatic_door"), NodeFlags.AutomaticDoor);
        }
        return node;
    }

    /// <summary>
    /// <c>kerb</c>/<c>kerb:height</c> on any node, also on crossings and without <c>barrier=kerb</c>; else the deprecated
    /// <c>sloped_curb</c>; else <c>barrier=kerb</c> alone, a kerb of unknown kind.
    /// </summary>
    private static KerbFacts? KerbOf(IReadOnlyDictionary<string, string> tags, BarrierKind barrier) =>
        KerbFacts.Read(tags.GetValueOrDefault("kerb"), tags.GetValueOrDefault("kerb:height"))
        ?? (tags.GetValueOrDefault("sloped_curb") is { } slopedCurb ? SlopedCurb(slopedCurb)
            : barrier == BarrierKind.Kerb ? KerbFacts.Of(KerbKind.Unknown, null)
            : null);

    /// <summary>
    /// <c>sloped_curb</c> (deprecated for <c>kerb</c>): <c>yes</c>/<c>both</c> is a lowered kerb, <c>no</c> a raised one, a
    /// number the height of the lowered kerb, in metres like <c>kerb:height</c>.
    /// </summary>
    private static KerbFacts SlopedCurb(string value) => value switch
    {
        "yes" or "both" => KerbFacts.Of(KerbKind.Lowered, null),
        "no" => KerbFacts.Of(KerbKind.Raised, null),
        _ => TagValues.ParseKerbHeightCm(value) is { } heightCm
            ? KerbFacts.Of(KerbKind.Lowered, heightCm)
            : KerbFacts.Of(KerbKind.Unknown, null),
    };

    /// <summary>
    /// The clear width: <c>maxwidth:physical</c> and <c>maxwidth</c> measure the opening itself; <c>width</c> is the
    /// opening of a door or gate but may be the size of a block, so it comes last.
    /// </summary>
    private static ushort WidthOf(IReadOnlyDictionary<string, string> tags) =>
        (tags.Read("maxwidth:physical", TagValues.ParseWidthCm)
            ?? tags.Read("maxwidth", TagValues.ParseWidthCm)
            ?? tags.Read("width", TagValues.ParseWidthCm)) is { } widthCm
            ? BucketWidthCm(widthCm)
            : (ushort)0;
}
