using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Tests.Tags;

public class WayTagRulesTests
{
    private static WayFacts Walkable(string tags) =>
        WayTagRules.Classify(TagString.Parse(tags)) ?? throw new Xunit.Sdk.XunitException($"'{tags}' was not walkable");

    private static EdgeClass ClassOf(string tags) => Walkable(tags).Class;

    [Theory]
    [InlineData("highway=motorway")]
    [InlineData("highway=motorway_link")]
    [InlineData("highway=trunk;motorroad=yes")]
    [InlineData("highway=primary;motorroad=yes;sidewalk=both")]
    [InlineData("highway=trunk;sidewalk=no")]
    [InlineData("highway=trunk_link;sidewalk=none")]
    [InlineData("highway=primary;sidewalk=no")]
    [InlineData("highway=primary_link;sidewalk=no")]
    [InlineData("highway=primary;sidewalk:both=no")]
    [InlineData("highway=primary;sidewalk:left=no;sidewalk:right=no")]
    [InlineData("highway=cycleway")]
    [InlineData("highway=cycleway;foot=no")]
    [InlineData("highway=cycleway;foot=private")]
    [InlineData("highway=bridleway")]
    [InlineData("highway=footway;foot=no")]
    [InlineData("highway=footway;access=no")]
    [InlineData("highway=path;access=yes;foot=no")]
    [InlineData("highway=residential;foot=use_sidepath")]
    [InlineData("highway=construction;access=no")]
    [InlineData("highway=proposed")]
    [InlineData("highway=raceway")]
    [InlineData("highway=bus_guideway")]
    [InlineData("highway=busway")]
    [InlineData("highway=bus_stop;public_transport=platform")]
    [InlineData("area:highway=footway")]
    [InlineData("railway=rail")]
    [InlineData("building=yes")]
    [InlineData("name=Hauptstraße")]
    public void Way_outside_the_walkable_network_is_not_imported(string tags) =>
        Assert.Null(WayTagRules.Classify(TagString.Parse(tags)));

    [Theory]
    [InlineData("highway=footway", HighwayKind.Footway)]
    [InlineData("highway=footway;footway=sidewalk", HighwayKind.Sidewalk)]
    [InlineData("highway=footway;footway=crossing", HighwayKind.Crossing)]
    [InlineData("highway=footway;area=yes", HighwayKind.Footway)]
    [InlineData("highway=crossing", HighwayKind.Crossing)]
    [InlineData("highway=path", HighwayKind.Path)]
    [InlineData("highway=path;footway=sidewalk", HighwayKind.Sidewalk)]
    [InlineData("highway=path;path=crossing", HighwayKind.Crossing)]
    [InlineData("highway=cycleway;foot=yes", HighwayKind.Cycleway)]
    [InlineData("highway=cycleway;foot=designated", HighwayKind.Cycleway)]
    [InlineData("highway=cycleway;foot=permissive", HighwayKind.Cycleway)]
    [InlineData("highway=cycleway;foot=designated;cycleway=crossing", HighwayKind.Crossing)]
    [InlineData("highway=bridleway;foot=yes", HighwayKind.Bridleway)]
    [InlineData("highway=bridleway;foot=designated", HighwayKind.Bridleway)]
    [InlineData("highway=pedestrian", HighwayKind.Pedestrian)]
    [InlineData("highway=pedestrian;area=no", HighwayKind.Pedestrian)]
    [InlineData("highway=pedestrian;area=yes", HighwayKind.PedestrianArea)]
    [InlineData("highway=living_street", HighwayKind.LivingStreet)]
    [InlineData("highway=residential", HighwayKind.Residential)]
    [InlineData("highway=residential;area=yes", HighwayKind.Residential)]
    [InlineData("highway=service", HighwayKind.Service)]
    [InlineData("highway=track", HighwayKind.Track)]
    [InlineData("highway=road", HighwayKind.Unclassified)]
    [InlineData("highway=unclassified", HighwayKind.Unclassified)]
    [InlineData("highway=tertiary", HighwayKind.Tertiary)]
    [InlineData("highway=tertiary_link", HighwayKind.Tertiary)]
    [InlineData("highway=secondary", HighwayKind.Secondary)]
    [InlineData("highway=secondary_link", HighwayKind.Secondary)]
    [InlineData("highway=secondary;sidewalk=no", HighwayKind.Secondary)]
    [InlineData("highway=primary", HighwayKind.Primary)]
    [InlineData("highway=primary_link;sidewalk=right", HighwayKind.Primary)]
    [InlineData("highway=primary;sidewalk=separate", HighwayKind.Primary)]
    [InlineData("highway=trunk", HighwayKind.Trunk)]
    [InlineData("highway=trunk_link;sidewalk=both", HighwayKind.Trunk)]
    [InlineData("highway=steps", HighwayKind.Steps)]
    [InlineData("highway=elevator", HighwayKind.Elevator)]
    [InlineData("highway=corridor", HighwayKind.Corridor)]
    [InlineData("highway=platform", HighwayKind.Platform)]
    [InlineData("railway=platform", HighwayKind.Platform)]
    [InlineData("public_transport=platform", HighwayKind.Platform)]
    [InlineData("highway=construction", HighwayKind.Construction)]
    [InlineData("highway=footway;wheelchair=no", HighwayKind.Footway)]
    [InlineData("highway=footway;indoor=yes;level=1", HighwayKind.Footway)]
    public void Walkable_way_maps_to_its_highway_kind(string tags, HighwayKind expected) =>
        Assert.Equal(expected, ClassOf(tags).Highway);

    [Theory]
    [InlineData("highway=pedestrian;area=yes", true)]
    [InlineData("highway=pedestrian", false)]
    [InlineData("highway=footway;area=yes", false)]
    [InlineData("highway=platform;area=yes", false)]
    public void Only_a_pedestrian_area_is_a_pedestrian_area(string tags, bool expected) =>
        Assert.Equal(expected, Walkable(tags).IsPedestrianArea);

    [Theory]
    [InlineData("highway=footway;access=private", AccessKind.Private)]
    [InlineData("highway=footway;access=destination", AccessKind.Private)]
    [InlineData("highway=service;access=delivery", AccessKind.Private)]
    [InlineData("highway=footway;access=customers", AccessKind.Permissive)]
    [InlineData("highway=footway;access=permissive", AccessKind.Permissive)]
    [InlineData("highway=footway;access=yes;foot=private", AccessKind.Private)]
    [InlineData("highway=footway;access=yes;foot=customers", AccessKind.Permissive)]
    [InlineData("highway=footway;access=no;foot=permissive", AccessKind.Permissive)]
    [InlineData("highway=cycleway;foot=permissive", AccessKind.Permissive)]
    public void Restricted_access_is_kept_as_a_fact(string tags, AccessKind expected) =>
        Assert.Equal(expected, ClassOf(tags).Access);

    [Theory]
    [InlineData("highway=footway;access=no;foot=yes")]
    [InlineData("highway=footway;access=no;foot=designated")]
    [InlineData("highway=footway;access=private;foot=yes")]
    [InlineData("highway=track;access=agricultural")]
    [InlineData("highway=footway")]
    public void Foot_overrides_access(string tags) =>
        Assert.Equal(AccessKind.Yes, ClassOf(tags).Access);

    [Theory]
    [InlineData("highway=footway;wheelchair=yes", WheelchairTag.Yes)]
    [InlineData("highway=footway;wheelchair=designated", WheelchairTag.Designated)]
    [InlineData("highway=footway;wheelchair=limited", WheelchairTag.Limited)]
    [InlineData("highway=footway;wheelchair=no", WheelchairTag.No)]
    [InlineData("highway=steps;wheelchair=no", WheelchairTag.No)]
    [InlineData("highway=footway;wheelchair=bad", WheelchairTag.Unknown)]
    public void Wheelchair_statement_is_kept_and_never_excludes(string tags, WheelchairTag expected) =>
        Assert.Equal(expected, ClassOf(tags).Wheelchair);

    [Theory]
    [InlineData("highway=steps", EdgeFlags.Steps)]
    [InlineData("highway=steps;ramp:wheelchair=yes", EdgeFlags.Steps | EdgeFlags.WheelchairRamp)]
    [InlineData("highway=steps;wheelchair=yes", EdgeFlags.Steps | EdgeFlags.WheelchairRamp)]
    [InlineData("highway=steps;wheelchair=designated", EdgeFlags.Steps | EdgeFlags.WheelchairRamp)]
    [InlineData("highway=steps;wheelchair=limited", EdgeFlags.Steps)]
    [InlineData("highway=steps;ramp:wheelchair=no", EdgeFlags.Steps)]
    [InlineData("highway=steps;ramp=yes", EdgeFlags.Steps)]
    [InlineData("highway=steps;ramp:stroller=yes", EdgeFlags.Steps | EdgeFlags.StrollerRamp)]
    [InlineData("highway=steps;ramp:stroller=yes;ramp:wheelchair=yes",
        EdgeFlags.Steps | EdgeFlags.StrollerRamp | EdgeFlags.WheelchairRamp)]
    [InlineData("highway=footway;ramp:wheelchair=yes", EdgeFlags.None)]
    [InlineData("highway=steps;conveying=yes", EdgeFlags.Steps | EdgeFlags.Conveying)]
    [InlineData("highway=steps;conveying=forward", EdgeFlags.Steps | EdgeFlags.Conveying | EdgeFlags.ForwardOnly)]
    [InlineData("highway=steps;conveying=backward", EdgeFlags.Steps | EdgeFlags.Conveying | EdgeFlags.BackwardOnly)]
    [InlineData("highway=footway;oneway:foot=-1", EdgeFlags.BackwardOnly)]
    [InlineData("highway=steps;conveying=reversible", EdgeFlags.Steps | EdgeFlags.Conveying)]
    [InlineData("highway=steps;conveying=no", EdgeFlags.Steps)]
    [InlineData("highway=footway;conveying=yes", EdgeFlags.Conveying)]
    [InlineData("highway=footway;oneway:foot=yes", EdgeFlags.ForwardOnly)]
    [InlineData("highway=footway;oneway=yes", EdgeFlags.None)]
    [InlineData("highway=elevator", EdgeFlags.Elevator)]
    [InlineData("highway=construction", EdgeFlags.Construction)]
    [InlineData("highway=construction;construction=footway", EdgeFlags.Construction)]
    [InlineData("highway=footway;construction=yes", EdgeFlags.Construction)]
    [InlineData("highway=footway;construction=minor", EdgeFlags.None)]
    [InlineData("highway=footway;construction=no", EdgeFlags.None)]
    [InlineData("highway=footway;footway=crossing;tactile_paving=yes", EdgeFlags.TactilePaving)]
    [InlineData("highway=footway;footway=crossing;tactile_paving=no", EdgeFlags.None)]
    [InlineData("highway=footway;footway=crossing;tactile_paving=incorrect", EdgeFlags.None)]
    [InlineData("highway=footway;footway=crossing;traffic_signals:sound=yes", EdgeFlags.AcousticSignals)]
    [InlineData("highway=footway;footway=crossing;traffic_signals:sound=no", EdgeFlags.None)]
    [InlineData("highway=path;sac_scale=hiking", EdgeFlags.None)]
    [InlineData("highway=path;sac_scale=mountain_hiking", EdgeFlags.DifficultTrail)]
    [InlineData("highway=path;sac_scale=demanding_alpine_hiking", EdgeFlags.DifficultTrail)]
    [InlineData("highway=footway;bridge=yes", EdgeFlags.Bridge)]
    [InlineData("highway=footway;bridge=viaduct", EdgeFlags.Bridge)]
    [InlineData("highway=footway;bridge=no", EdgeFlags.None)]
    [InlineData("highway=footway;tunnel=yes", EdgeFlags.Tunnel)]
    [InlineData("highway=footway;tunnel=building_passage", EdgeFlags.Tunnel)]
    [InlineData("highway=footway;tunnel=no", EdgeFlags.None)]
    [InlineData("highway=footway;covered=yes", EdgeFlags.Covered)]
    [InlineData("highway=footway;covered=arcade", EdgeFlags.Covered)]
    [InlineData("highway=footway;covered=no", EdgeFlags.None)]
    public void Flags_follow_the_tags(string tags, EdgeFlags expected) =>
        Assert.Equal(expected, ClassOf(tags).Flags);

    [Theory]
    [InlineData("highway=footway;surface=asphalt", SurfaceKind.Asphalt, Evidence.Tagged)]
    [InlineData("highway=footway;surface=paving_stones", SurfaceKind.PavingStones, Evidence.Tagged)]
    [InlineData("highway=footway;surface=concrete:plates", SurfaceKind.ConcretePlates, Evidence.Tagged)]
    [InlineData("highway=footway;surface=cobblestone:flattened", SurfaceKind.Sett, Evidence.Tagged)]
    [InlineData("highway=path;surface=fine_gravel", SurfaceKind.FineGravel, Evidence.Tagged)]
    [InlineData("highway=path;surface=grass_paver", SurfaceKind.GrassPaver, Evidence.Tagged)]
    [InlineData("highway=path;surface=stepping_stones", SurfaceKind.Other, Evidence.Tagged)]
    [InlineData("highway=track;tracktype=grade1", SurfaceKind.Paved, Evidence.Derived)]
    [InlineData("highway=track;tracktype=grade2", SurfaceKind.Compacted, Evidence.Derived)]
    [InlineData("highway=track;tracktype=grade3", SurfaceKind.Unpaved, Evidence.Derived)]
    [InlineData("highway=track;tracktype=grade4", SurfaceKind.Ground, Evidence.Derived)]
    [InlineData("highway=track;tracktype=grade5", SurfaceKind.Grass, Evidence.Derived)]
    [InlineData("highway=track;tracktype=grade5;surface=gravel", SurfaceKind.Gravel, Evidence.Tagged)]
    [InlineData("highway=track;tracktype=grade9", SurfaceKind.Unknown, Evidence.Unknown)]
    [InlineData("highway=footway", SurfaceKind.Unknown, Evidence.Unknown)]
    public void Surface_is_tagged_else_derived_from_the_track_type(
        string tags, SurfaceKind expected, Evidence expectedEvidence)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expected, expectedEvidence), (edge.Surface, edge.SurfaceEvidence));
    }

    [Theory]
    [InlineData("highway=track;tracktype=grade3", 3)]
    [InlineData("highway=track;tracktype=grade2;surface=asphalt", 2)]
    [InlineData("highway=track", 0)]
    public void Track_grade_is_kept(string tags, int expected) =>
        Assert.Equal(expected, ClassOf(tags).TrackGrade);

    [Theory]
    [InlineData("highway=footway;smoothness=excellent", Smoothness.Excellent, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=good", Smoothness.Good, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=intermediate", Smoothness.Intermediate, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=bad", Smoothness.Bad, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=very_bad", Smoothness.VeryBad, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=horrible", Smoothness.Horrible, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=very_horrible", Smoothness.VeryHorrible, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=impassable", Smoothness.Impassable, Evidence.Tagged)]
    [InlineData("highway=footway;smoothness=perfect", Smoothness.Unknown, Evidence.Unknown)]
    [InlineData("highway=footway", Smoothness.Unknown, Evidence.Unknown)]
    public void Smoothness_is_tagged_or_unknown(string tags, Smoothness expected, Evidence expectedEvidence)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expected, expectedEvidence), (edge.Smoothness, edge.SmoothnessEvidence));
    }

    [Theory]
    [InlineData("highway=footway;width=1.5", 150, Evidence.Tagged)]
    [InlineData("highway=footway;width=1,5", 150, Evidence.Tagged)]
    [InlineData("highway=footway;width=1.5 m", 150, Evidence.Tagged)]
    [InlineData("highway=footway;width=150 cm", 150, Evidence.Tagged)]
    [InlineData("highway=footway;width=5'6\"", 160, Evidence.Tagged)]
    [InlineData("highway=footway;width=1.15", 110, Evidence.Tagged)]
    [InlineData("highway=footway;width=0.89", 80, Evidence.Tagged)]
    [InlineData("highway=footway;width=90 mm", 10, Evidence.Tagged)]
    [InlineData("highway=pedestrian;area=yes;width=450", 45_000, Evidence.Tagged)]
    [InlineData("highway=footway;est_width=2", 200, Evidence.Derived)]
    [InlineData("highway=footway;width=2;est_width=3", 200, Evidence.Tagged)]
    [InlineData("highway=footway;width=wide;est_width=1.2", 120, Evidence.Derived)]
    [InlineData("highway=footway;width=wide", 0, Evidence.Unknown)]
    [InlineData("highway=footway;width=800", 0, Evidence.Unknown)]
    [InlineData("highway=footway", 0, Evidence.Unknown)]
    [InlineData("highway=residential;sidewalk=no;width=6", 600, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=separate;width=6", 600, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=both;width=7", 0, Evidence.Unknown)]
    [InlineData("highway=residential;sidewalk=both;width=7;sidewalk:both:width=1.8", 180, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=left;sidewalk:left:width=2;sidewalk:right:width=1", 200, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:width=2;sidewalk:right:width=1.2", 120, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk:right=yes;sidewalk:right:width=1.6", 160, Evidence.Tagged)]
    public void Width_is_bucketed_down_to_10_cm(string tags, int expectedCm, Evidence expectedEvidence)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expectedCm, expectedEvidence), (edge.WidthCm, edge.WidthEvidence));
    }

    [Theory]
    [InlineData("highway=footway;incline=8%", InclineKind.Value, Evidence.Tagged, 80)]
    [InlineData("highway=footway;incline=-8 %", InclineKind.Value, Evidence.Tagged, -80)]
    [InlineData("highway=footway;incline=8", InclineKind.Value, Evidence.Tagged, 80)]
    [InlineData("highway=footway;incline=6.4%", InclineKind.Value, Evidence.Tagged, 60)]
    [InlineData("highway=footway;incline=6.5%", InclineKind.Value, Evidence.Tagged, 70)]
    [InlineData("highway=footway;incline=-6.5%", InclineKind.Value, Evidence.Tagged, -70)]
    [InlineData("highway=footway;incline=5°", InclineKind.Value, Evidence.Tagged, 90)]
    [InlineData("highway=footway;incline=-5°", InclineKind.Value, Evidence.Tagged, -90)]
    [InlineData("highway=footway;incline=0%", InclineKind.Value, Evidence.Tagged, 0)]
    [InlineData("highway=footway;incline=up", InclineKind.UpNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=footway;incline=down", InclineKind.DownNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=footway;incline=steep", InclineKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("highway=footway;incline=150%", InclineKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("highway=footway", InclineKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("highway=steps;incline=up", InclineKind.UpNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=steps;incline=down", InclineKind.DownNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=steps;incline=30%", InclineKind.UpNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=steps;incline=-30%", InclineKind.DownNoValue, Evidence.Tagged, 0)]
    [InlineData("highway=steps;incline=0%", InclineKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("highway=residential;sidewalk=no;incline=5%", InclineKind.Value, Evidence.Tagged, 50)]
    [InlineData("highway=residential;sidewalk=separate;incline=5%", InclineKind.Value, Evidence.Tagged, 50)]
    [InlineData("highway=residential;sidewalk=both;incline=5%", InclineKind.Value, Evidence.Derived, 50)]
    [InlineData("highway=residential;sidewalk=both;incline=5%;sidewalk:both:incline=7%", InclineKind.Value, Evidence.Tagged, 70)]
    [InlineData("highway=residential;sidewalk:left=yes;incline=3%;sidewalk:left:incline=-4%", InclineKind.Value, Evidence.Tagged, -40)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:incline=3%;sidewalk:right:incline=-6%", InclineKind.Value, Evidence.Tagged, -60)]
    public void Incline_is_per_mille_rounded_to_whole_percent(
        string tags, InclineKind expectedKind, Evidence expectedEvidence, int expectedPermille)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expectedKind, expectedEvidence, expectedPermille), (edge.InclineKind, edge.InclineEvidence, (int)edge.InclinePermille));
        Assert.Equal(edge.InclinePermille, edge.SteepestInclinePermille);
    }

    [Theory]
    [InlineData("highway=residential", SidewalkKind.Unknown)]
    [InlineData("highway=residential;sidewalk=both", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk=left", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk=right", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk=yes", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk=no", SidewalkKind.None)]
    [InlineData("highway=residential;sidewalk=none", SidewalkKind.None)]
    [InlineData("highway=residential;sidewalk=separate", SidewalkKind.Separate)]
    [InlineData("highway=residential;sidewalk:both=yes", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk:both=no", SidewalkKind.None)]
    [InlineData("highway=residential;sidewalk:both=separate", SidewalkKind.Separate)]
    [InlineData("highway=residential;sidewalk:left=yes;sidewalk:right=no", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk:both=no;sidewalk:right=yes", SidewalkKind.Present)]
    [InlineData("highway=residential;sidewalk:left=separate;sidewalk:right=separate", SidewalkKind.Separate)]
    [InlineData("highway=residential;sidewalk:left=separate;sidewalk:right=no", SidewalkKind.Separate)]
    [InlineData("highway=residential;sidewalk:left=no;sidewalk:right=no", SidewalkKind.None)]
    [InlineData("highway=residential;sidewalk:left=no", SidewalkKind.Unknown)]
    [InlineData("highway=residential;sidewalk:left=separate", SidewalkKind.Unknown)]
    [InlineData("highway=living_street;sidewalk=no", SidewalkKind.None)]
    [InlineData("highway=service;sidewalk=separate", SidewalkKind.Separate)]
    [InlineData("highway=unclassified;sidewalk=left", SidewalkKind.Present)]
    [InlineData("highway=road", SidewalkKind.Unknown)]
    [InlineData("highway=tertiary;sidewalk=both", SidewalkKind.Present)]
    [InlineData("highway=secondary_link;sidewalk=separate", SidewalkKind.Separate)]
    [InlineData("highway=primary;sidewalk=right", SidewalkKind.Present)]
    [InlineData("highway=trunk;sidewalk=separate", SidewalkKind.Separate)]
    [InlineData("highway=footway;sidewalk=both", SidewalkKind.NotARoad)]
    [InlineData("highway=footway;footway=sidewalk", SidewalkKind.NotARoad)]
    [InlineData("highway=track;sidewalk=both", SidewalkKind.NotARoad)]
    [InlineData("highway=pedestrian;sidewalk=no", SidewalkKind.NotARoad)]
    public void Sidewalk_kind_is_read_on_roads_only(string tags, SidewalkKind expected) =>
        Assert.Equal(expected, ClassOf(tags).Sidewalk);

    [Theory]
    [InlineData("highway=residential;sidewalk=no;surface=asphalt", SurfaceKind.Asphalt, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=both;surface=asphalt", SurfaceKind.Asphalt, Evidence.Derived)]
    [InlineData("highway=residential;sidewalk=both;surface=asphalt;sidewalk:both:surface=paving_stones",
        SurfaceKind.PavingStones, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=right;surface=asphalt;sidewalk:right:surface=sett",
        SurfaceKind.Sett, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=right;surface=asphalt;sidewalk:left:surface=sett",
        SurfaceKind.Asphalt, Evidence.Derived)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:surface=asphalt;sidewalk:right:surface=gravel",
        SurfaceKind.Gravel, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk:left=yes;sidewalk:left:surface=concrete", SurfaceKind.Concrete, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=separate;surface=asphalt;sidewalk:both:surface=sett",
        SurfaceKind.Asphalt, Evidence.Tagged)]
    [InlineData("highway=footway;surface=asphalt;sidewalk:both:surface=sett", SurfaceKind.Asphalt, Evidence.Tagged)]
    public void Sidewalk_surface_is_what_the_walker_feels(string tags, SurfaceKind expected, Evidence expectedEvidence)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expected, expectedEvidence), (edge.Surface, edge.SurfaceEvidence));
    }

    [Theory]
    [InlineData("highway=residential;sidewalk=no;smoothness=good", Smoothness.Good, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=both;smoothness=good", Smoothness.Good, Evidence.Derived)]
    [InlineData("highway=residential;sidewalk=both;smoothness=good;sidewalk:both:smoothness=bad", Smoothness.Bad, Evidence.Tagged)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:smoothness=good;sidewalk:right:smoothness=very_bad",
        Smoothness.VeryBad, Evidence.Tagged)]
    public void Sidewalk_smoothness_is_what_the_walker_feels(string tags, Smoothness expected, Evidence expectedEvidence)
    {
        EdgeClass edge = ClassOf(tags);
        Assert.Equal((expected, expectedEvidence), (edge.Smoothness, edge.SmoothnessEvidence));
    }

    [Theory]
    [InlineData("highway=footway;footway=crossing", CrossingKind.Unknown)]
    [InlineData("highway=crossing", CrossingKind.Unknown)]
    [InlineData("highway=footway;footway=crossing;crossing=traffic_signals", CrossingKind.TrafficSignals)]
    [InlineData("highway=footway;footway=crossing;crossing:signals=yes", CrossingKind.TrafficSignals)]
    [InlineData("highway=footway;footway=crossing;crossing=traffic_signals;crossing:markings=zebra", CrossingKind.TrafficSignals)]
    [InlineData("highway=footway;footway=crossing;crossing=marked", CrossingKind.Marked)]
    [InlineData("highway=footway;footway=crossing;crossing=zebra", CrossingKind.Marked)]
    [InlineData("highway=footway;footway=crossing;crossing=uncontrolled", CrossingKind.Marked)]
    [InlineData("highway=footway;footway=crossing;crossing:markings=zebra", CrossingKind.Marked)]
    [InlineData("highway=footway;footway=crossing;crossing:markings=yes", CrossingKind.Marked)]
    [InlineData("highway=footway;footway=crossing;crossing=unmarked", CrossingKind.Unmarked)]
    [InlineData("highway=footway;footway=crossing;crossing=informal", CrossingKind.Unmarked)]
    [InlineData("highway=footway;footway=crossing;crossing:markings=no", CrossingKind.Unmarked)]
    [InlineData("highway=footway;footway=crossing;crossing=uncontrolled;crossing:markings=no", CrossingKind.Unmarked)]
    [InlineData("highway=footway;crossing=marked", CrossingKind.Marked)]
    [InlineData("highway=path;crossing=unmarked", CrossingKind.Unmarked)]
    [InlineData("highway=footway;crossing=no", CrossingKind.None)]
    [InlineData("highway=footway;footway=sidewalk", CrossingKind.None)]
    [InlineData("highway=footway", CrossingKind.None)]
    public void Crossing_kind_is_read_on_crossings(string tags, CrossingKind expected) =>
        Assert.Equal(expected, ClassOf(tags).Crossing);

    [Theory]
    [InlineData("highway=footway;footway=crossing;kerb=lowered",
        KerbKind.Lowered, Evidence.Derived, 3, KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("highway=footway;footway=crossing;kerb=raised;kerb:height=0.12",
        KerbKind.Raised, Evidence.Tagged, 12, KerbKind.Raised, Evidence.Tagged, 12)]
    [InlineData("highway=footway;footway=crossing;kerb:height=2 cm",
        KerbKind.Unknown, Evidence.Tagged, 2, KerbKind.Unknown, Evidence.Tagged, 2)]
    [InlineData("highway=crossing;kerb=no", KerbKind.None, Evidence.Derived, 0, KerbKind.None, Evidence.Derived, 0)]
    [InlineData("highway=footway;footway=crossing;kerb=yes",
        KerbKind.Unknown, Evidence.Unknown, 0, KerbKind.Unknown, Evidence.Unknown, 0)]
    [InlineData("highway=footway;crossing=unmarked;kerb=rolled",
        KerbKind.Rolled, Evidence.Derived, 6, KerbKind.Rolled, Evidence.Derived, 6)]
    [InlineData("highway=footway;footway=crossing;kerb:start=lowered;kerb:end=raised",
        KerbKind.Lowered, Evidence.Derived, 3, KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("highway=footway;footway=crossing;kerb:start=flush;kerb:end:height=0.04",
        KerbKind.Flush, Evidence.Derived, 0, KerbKind.Unknown, Evidence.Tagged, 4)]
    [InlineData("highway=footway;footway=crossing;kerb=lowered;kerb:height=0.03;kerb:end=raised",
        KerbKind.Lowered, Evidence.Tagged, 3, KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("highway=footway;footway=crossing;kerb:start=raised;kerb:start:height=15",
        KerbKind.Raised, Evidence.Tagged, 15, null, Evidence.Unknown, 0)]
    [InlineData("highway=footway;kerb:end=lowered", null, Evidence.Unknown, 0, KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("highway=footway;kerb=raised", null, Evidence.Unknown, 0, null, Evidence.Unknown, 0)]
    [InlineData("highway=footway;footway=sidewalk;kerb=raised", null, Evidence.Unknown, 0, null, Evidence.Unknown, 0)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:both:kerb=lowered",
        KerbKind.Lowered, Evidence.Derived, 3, KerbKind.Lowered, Evidence.Derived, 3)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:both:kerb=raised;sidewalk:both:kerb:height=0.08",
        KerbKind.Raised, Evidence.Tagged, 8, KerbKind.Raised, Evidence.Tagged, 8)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:kerb=lowered;sidewalk:right:kerb=raised",
        KerbKind.Raised, Evidence.Derived, 12, KerbKind.Raised, Evidence.Derived, 12)]
    [InlineData("highway=residential;sidewalk=left;sidewalk:right:kerb=raised",
        null, Evidence.Unknown, 0, null, Evidence.Unknown, 0)]
    [InlineData("highway=residential;sidewalk=separate;sidewalk:both:kerb=raised",
        null, Evidence.Unknown, 0, null, Evidence.Unknown, 0)]
    public void Kerbs_on_the_way_belong_to_its_ends(string tags,
        KerbKind? startKind, Evidence startEvidence, int startCm, KerbKind? endKind, Evidence endEvidence, int endCm)
    {
        WayFacts way = Walkable(tags);
        Assert.Equal((startKind, startEvidence, startCm), Describe(way.KerbAtStart));
        Assert.Equal((endKind, endEvidence, endCm), Describe(way.KerbAtEnd));
        // The shared class carries no kerb: only the way's first and last edges meet one.
        Assert.Equal((KerbKind.None, Evidence.Unknown, 0), (way.Class.Kerb, way.Class.KerbEvidence, (int)way.Class.KerbHeightCm));
    }

    private static (KerbKind?, Evidence, int) Describe(KerbFacts? kerb) =>
        kerb is { } k ? (k.Kind, k.HeightEvidence, k.HeightCm) : (null, Evidence.Unknown, 0);
}
