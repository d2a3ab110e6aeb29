using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Tests.Tags;

public class NodeTagRulesTests
{
    private static NodeClass Classify(string tags) => NodeTagRules.Classify(TagString.Parse(tags));

    [Theory]
    [InlineData("")]
    [InlineData("name=Bismarckplatz")]
    [InlineData("amenity=bench")]
    [InlineData("natural=tree")]
    [InlineData("amenity=toilets;wheelchair=no")]
    [InlineData("shop=bakery;wheelchair=yes;automatic_door=yes;width=5")]
    [InlineData("highway=bus_stop;tactile_paving=yes")]
    [InlineData("highway=street_lamp")]
    [InlineData("entrance=no")]
    [InlineData("door=no")]
    [InlineData("barrier=no")]
    [InlineData("crossing=marked")]
    [InlineData("railway=crossing;crossing=uncontrolled")]
    [InlineData("access=no")]
    [InlineData("indoor=yes;level=1")]
    public void Node_without_facts_that_matter_is_plain(string tags) =>
        Assert.True(Classify(tags).IsPlain);

    [Theory]
    [InlineData("barrier=kerb", BarrierKind.Kerb)]
    [InlineData("barrier=stile", BarrierKind.Stile)]
    [InlineData("barrier=kissing_gate", BarrierKind.KissingGate)]
    [InlineData("barrier=turnstile", BarrierKind.Turnstile)]
    [InlineData("barrier=full-height_turnstile", BarrierKind.FullHeightTurnstile)]
    [InlineData("barrier=block", BarrierKind.Block)]
    [InlineData("barrier=step", BarrierKind.Step)]
    [InlineData("barrier=cycle_barrier", BarrierKind.CycleBarrier)]
    [InlineData("barrier=swing_gate", BarrierKind.SwingGate)]
    [InlineData("barrier=bollard", BarrierKind.Bollard)]
    [InlineData("barrier=gate", BarrierKind.Gate)]
    [InlineData("barrier=sliding_gate", BarrierKind.Gate)]
    [InlineData("barrier=lift_gate", BarrierKind.LiftGate)]
    [InlineData("barrier=chain", BarrierKind.Chain)]
    [InlineData("barrier=entrance", BarrierKind.Entrance)]
    [InlineData("barrier=door", BarrierKind.Door)]
    [InlineData("barrier=log", BarrierKind.Log)]
    [InlineData("barrier=motorcycle_barrier", BarrierKind.MotorcycleBarrier)]
    [InlineData("barrier=fence", BarrierKind.Other)]
    [InlineData("barrier=wall", BarrierKind.Other)]
    [InlineData("barrier=hedge", BarrierKind.Other)]
    [InlineData("barrier=height_restrictor", BarrierKind.Other)]
    public void Barrier_kind_is_kept(string tags, BarrierKind expected) =>
        Assert.Equal(expected, Classify(tags).Barrier);

    [Theory]
    [InlineData("barrier=kerb", KerbKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("barrier=kerb;kerb=flush", KerbKind.Flush, Evidence.Derived, 0)]
    [InlineData("barrier=kerb;kerb=lowered", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("barrier=kerb;kerb=rolled", KerbKind.Rolled, Evidence.Derived, 6)]
    [InlineData("barrier=kerb;kerb=raised", KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("barrier=kerb;kerb=yes", KerbKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("barrier=kerb;kerb=no", KerbKind.None, Evidence.Derived, 0)]
    [InlineData("barrier=kerb;kerb=raised;kerb:height=0.15", KerbKind.Raised, Evidence.Tagged, 15)]
    [InlineData("barrier=kerb;kerb=raised;kerb:height=0.15 m", KerbKind.Raised, Evidence.Tagged, 15)]
    [InlineData("barrier=kerb;kerb=lowered;kerb:height=30 mm", KerbKind.Lowered, Evidence.Tagged, 3)]
    [InlineData("barrier=kerb;kerb=lowered;kerb:height=high", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("barrier=kerb;kerb:height=4 cm", KerbKind.Unknown, Evidence.Tagged, 4)]
    [InlineData("barrier=kerb;kerb:height=4cm", KerbKind.Unknown, Evidence.Tagged, 4)]
    [InlineData("barrier=kerb;kerb:height=5", KerbKind.Unknown, Evidence.Tagged, 5)]
    [InlineData("highway=crossing;kerb=lowered", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("highway=crossing;kerb:height=0.03", KerbKind.Unknown, Evidence.Tagged, 3)]
    [InlineData("kerb=raised", KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("sloped_curb=yes", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("sloped_curb=both", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("sloped_curb=no", KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("sloped_curb=0.02", KerbKind.Lowered, Evidence.Tagged, 2)]
    [InlineData("sloped_curb=one_side", KerbKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("barrier=kerb;sloped_curb=yes", KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("kerb=raised;sloped_curb=yes", KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("barrier=gate", KerbKind.None, Evidence.Unknown, 0)]
    public void Kerb_is_read_from_kerb_tags_on_any_node(
        string tags, KerbKind expectedKind, Evidence expectedEvidence, int expectedHeightCm)
    {
        NodeClass node = Classify(tags);
        Assert.Equal((expectedKind, expectedEvidence, expectedHeightCm), (node.Kerb, node.KerbEvidence, (int)node.KerbHeightCm));
    }

    [Theory]
    [InlineData("barrier=gate;wheelchair=yes", WheelchairTag.Yes, 0)]
    [InlineData("barrier=kissing_gate;wheelchair=no", WheelchairTag.No, 0)]
    [InlineData("barrier=kerb;kerb=lowered;wheelchair=designated", WheelchairTag.Designated, 0)]
    [InlineData("highway=crossing;wheelchair=no", WheelchairTag.No, 0)]
    [InlineData("barrier=cycle_barrier;maxwidth=0.9", WheelchairTag.Unknown, 90)]
    [InlineData("barrier=cycle_barrier;maxwidth:physical=0.75;maxwidth=1", WheelchairTag.Unknown, 70)]
    [InlineData("barrier=block;maxwidth=1.3;width=0.5", WheelchairTag.Unknown, 130)]
    [InlineData("barrier=gate;width=1.2", WheelchairTag.Unknown, 120)]
    [InlineData("barrier=gate;maxwidth=none;width=1", WheelchairTag.Unknown, 100)]
    [InlineData("entrance=main;door=hinged;width=0.85", WheelchairTag.Unknown, 80)]
    [InlineData("door=sliding;width=90 cm", WheelchairTag.Unknown, 90)]
    [InlineData("entrance=yes;wheelchair=limited;width=3'", WheelchairTag.Limited, 90)]
    [InlineData("highway=elevator;wheelchair=yes;width=1.1", WheelchairTag.Yes, 110)]
    public void Wheelchair_and_width_describe_the_passage(string tags, WheelchairTag expected, int expectedWidthCm)
    {
        NodeClass node = Classify(tags);
        Assert.Equal((expected, expectedWidthCm), (node.Wheelchair, (int)node.WidthCm));
    }

    [Theory]
    [InlineData("highway=elevator", NodeFlags.Elevator)]
    [InlineData("entrance=yes", NodeFlags.Entrance)]
    [InlineData("entrance=main", NodeFlags.Entrance)]
    [InlineData("door=hinged", NodeFlags.Entrance)]
    [InlineData("entrance=yes;door=no", NodeFlags.Entrance)]
    [InlineData("entrance=yes;automatic_door=yes", NodeFlags.Entrance | NodeFlags.AutomaticDoor)]
    [InlineData("door=sliding;automatic_door=button", NodeFlags.Entrance | NodeFlags.AutomaticDoor)]
    [InlineData("entrance=main;automatic_door=motion", NodeFlags.Entrance | NodeFlags.AutomaticDoor)]
    [InlineData("entrance=main;automatic_door=no", NodeFlags.Entrance)]
    [InlineData("highway=traffic_signals", NodeFlags.TrafficSignals)]
    [InlineData("highway=crossing;tactile_paving=yes", NodeFlags.TactilePaving)]
    [InlineData("highway=crossing;crossing=traffic_signals;traffic_signals:sound=yes", NodeFlags.AcousticSignals)]
    [InlineData("highway=crossing;tactile_paving=no", NodeFlags.None)]
    [InlineData("barrier=kerb;kerb=lowered;tactile_paving=yes", NodeFlags.TactilePaving)]
    [InlineData("barrier=gate;access=no", NodeFlags.NoAccess)]
    [InlineData("barrier=gate;access=private", NodeFlags.NoAccess)]
    [InlineData("barrier=bollard;foot=no", NodeFlags.NoAccess)]
    [InlineData("barrier=gate;access=yes;foot=private", NodeFlags.NoAccess)]
    [InlineData("barrier=gate;access=no;foot=yes", NodeFlags.None)]
    [InlineData("barrier=gate;access=destination", NodeFlags.None)]
    [InlineData("barrier=gate;access=yes", NodeFlags.None)]
    [InlineData("highway=crossing;barrier=kerb;access=no", NodeFlags.None)]
    [InlineData("entrance=yes;access=private", NodeFlags.Entrance)]
    public void Flags_follow_the_tags(string tags, NodeFlags expected) =>
        Assert.Equal(expected, Classify(tags).Flags);

    [Theory]
    [InlineData("highway=crossing", CrossingKind.Unknown)]
    [InlineData("highway=crossing;crossing=traffic_signals", CrossingKind.TrafficSignals)]
    [InlineData("highway=crossing;crossing:signals=yes", CrossingKind.TrafficSignals)]
    [InlineData("highway=crossing;crossing=marked", CrossingKind.Marked)]
    [InlineData("highway=crossing;crossing=zebra", CrossingKind.Marked)]
    [InlineData("highway=crossing;crossing=uncontrolled", CrossingKind.Marked)]
    [InlineData("highway=crossing;crossing:markings=zebra", CrossingKind.Marked)]
    [InlineData("highway=crossing;crossing=unmarked", CrossingKind.Unmarked)]
    [InlineData("highway=crossing;crossing:markings=no", CrossingKind.Unmarked)]
    [InlineData("highway=traffic_signals;crossing=traffic_signals", CrossingKind.TrafficSignals)]
    [InlineData("highway=traffic_signals", CrossingKind.None)]
    [InlineData("highway=traffic_signals;crossing=no", CrossingKind.None)]
    public void Crossing_kind_is_read_on_crossing_nodes(string tags, CrossingKind expected) =>
        Assert.Equal(expected, Classify(tags).Crossing);
}
