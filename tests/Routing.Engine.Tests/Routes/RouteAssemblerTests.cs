using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph.Facts;
using static Routing.Engine.Tests.Routes.RouteFixture;

namespace Routing.Engine.Tests.Routes;

/// <summary>Routes assembled from hand-built paths on the accessibility fixture, checked against its known facts.</summary>
public sealed class RouteAssemblerTests
{
    /// <summary>Footway 201 from its middle to node 6, crossing 300 over the kerbs at 7 and 9, ending halfway to 10.</summary>
    private static Route OverBothKerbs(string profile = "foot", string language = "en") =>
        Assemble(profile, language, Snap(5, 6, 0.5), [6, 7, 8, 9], Snap(9, 10, 0.5));

    /// <summary>Footway 201 from its middle, onto the crossing over the lowered kerb at 7, ending between 8 and 9.</summary>
    private static Route OverLoweredKerb(string language) =>
        Assemble("wheelchair", language, Snap(5, 6, 0.5), [6, 7, 8], Snap(8, 9, 0.5));

    private static void AssertNoRepeatedPoints(Route route)
    {
        for (int i = 1; i < route.Geometry.Count; i++)
        {
            Assert.NotEqual(route.Geometry[i - 1], route.Geometry[i]);
        }
    }

    private static void AssertClose(GeoPoint expected, GeoPoint actual)
    {
        Assert.Equal(expected.Lat, actual.Lat, 7);
        Assert.Equal(expected.Lon, actual.Lon, 7);
    }

    [Fact]
    public void Geometry_runs_from_the_start_point_through_every_vertex_to_the_end_point()
    {
        var from = Snap(5, 6, 0.5);
        var to = Snap(9, 10, 0.5);
        var route = Assemble("foot", "en", from, [6, 7, 8, 9], to);

        Assert.Equal([from.Point, At(6), At(7), At(8), At(9), to.Point], route.Geometry);
        AssertNoRepeatedPoints(route);
        Assert.Equal((49.4105, 8.69075, 49.41225, 8.6910),
            (Math.Round(route.Bbox.MinLat, 7), Math.Round(route.Bbox.MinLon, 7), Math.Round(route.Bbox.MaxLat, 7), Math.Round(route.Bbox.MaxLon, 7)));
    }

    [Fact]
    public void Distance_is_the_two_partial_edges_plus_the_whole_ones_and_the_sum_of_the_segments()
    {
        var route = OverBothKerbs();

        double expectedM = (0.5 * LengthM(5, 6)) + LengthM(6, 7) + LengthM(7, 8) + LengthM(8, 9) + (0.5 * LengthM(9, 10));
        Assert.Equal(expectedM, route.DistanceM, 6);
        Assert.Equal(expectedM, route.Segments.Sum(s => s.DistanceM), 6);
        Assert.Equal(route.DurationS, route.Segments.Sum(s => s.DurationS), 6);
    }

    [Fact]
    public void Duration_is_physical_time_without_the_cost_factors_of_the_profile()
    {
        // Road 400 costs 10 % more than its time for walkers (a road, not a footway); the duration ignores that.
        var foot = Profile("foot");
        var path = Path(Snap(11, 8, 0.5), [8], Snap(8, 12, 0.5), foot);
        var route = Assembler.Assemble([path], foot, Requested(path.From, path.To), "en");

        Assert.Equal(route.DistanceM / Preset("foot").SpeedMps, route.DurationS, 6);
        Assert.True(route.CostS > route.DurationS * 1.05, $"cost {route.CostS} includes the road factor over duration {route.DurationS}");
        Assert.Equal(path.CostS, route.CostS);
    }

    [Fact]
    public void Segments_split_at_the_kerb_vertices_and_report_the_kerb_crossed_at_their_start()
    {
        var route = OverBothKerbs();

        Assert.Equal([201L, 300L, 300L, 300L], route.Segments.Select(s => s.OsmWayId));
        Assert.Null(route.Segments[0].KerbAtStart);
        Assert.Null(route.Segments[1].KerbAtStart);

        var lowered = route.Segments[2].KerbAtStart;
        Assert.NotNull(lowered);
        Assert.Equal(("lowered", 3, Evidence.Derived, 7L), (lowered.Kind, lowered.HeightCm.Value, lowered.HeightCm.Evidence, lowered.OsmNodeId));
        Assert.Equal(At(7), lowered.Location);

        var raised = route.Segments[3].KerbAtStart;
        Assert.NotNull(raised);
        Assert.Equal(("raised", 12, Evidence.Tagged, 9L), (raised.Kind, raised.HeightCm.Value, raised.HeightCm.Evidence, raised.OsmNodeId));

        // 7 -> 8 -> 9 is one segment: node 8 is a plain junction with road 400.
        Assert.Equal((2, 4), (route.Segments[2].FirstPoint, route.Segments[2].LastPoint));
        for (int i = 1; i < route.Segments.Count; i++)
        {
            Assert.Equal(route.Segments[i - 1].LastPoint, route.Segments[i].FirstPoint);
        }
        Assert.All(route.Segments.Skip(1), s => Assert.Equal(("crossing", "marked"), (s.Highway, s.Crossing)));
        Assert.Equal((2, 1), (route.Summary.KerbsCrossed, route.Summary.Crossings));
    }

    [Fact]
    public void Road_with_sidewalks_is_one_segment_on_the_sidewalk_with_its_tagged_paving()
    {
        var route = Assemble("wheelchair", "en", Snap(11, 8, 0.5), [8], Snap(8, 12, 0.5));

        var segment = Assert.Single(route.Segments);
        Assert.Equal((400L, "Plöck", "residential", true), (segment.OsmWayId, segment.Name, segment.Highway, segment.Sidewalk));
        Assert.Equal(new Fact<string?>("paving_stones", Evidence.Tagged), segment.Surface);
        Assert.Equal(new Fact<int?>(null, Evidence.Unknown), segment.WidthCm);
        Assert.Equal(UnknownFacts.Width | UnknownFacts.Incline, segment.Unknown & (UnknownFacts.Width | UnknownFacts.Incline | UnknownFacts.Surface));
        Assert.Equal(0, route.Summary.UnknownShareByFact["surface"]);
        Assert.Equal(1, route.Summary.UnknownShareByFact["width"], 9);
        Assert.Equal(["surface", "smoothness", "width", "incline", "kerb", "barrier"], route.Summary.UnknownShareByFact.Keys);
        Assert.Equal(1, route.Summary.UnknownShare, 9);
        Assert.Equal("wheelchair", route.Summary.Profile.Name);
        Assert.Contains(route.Warnings, w => w.Type == "unknown_width");
        Assert.Contains(route.Warnings, w => w.Type == "unknown_incline");
    }

    [Theory]
    [InlineData(0.1, 0.9, -8.0)]
    [InlineData(0.9, 0.1, 8.0)]
    public void Incline_of_road_401_is_signed_in_the_direction_of_travel(double fromFraction, double toFraction, double expectedPct)
    {
        // Snap fractions count from node 12, so 0.1 -> 0.9 travels 12 -> 13, where the road falls by 8 %.
        var foot = Profile("foot");
        var path = Along(Snap(12, 13, fromFraction), Snap(12, 13, toFraction), foot);
        var route = Assembler.Assemble([path], foot, Requested(path.From, path.To), "en");

        var segment = Assert.Single(route.Segments);
        Assert.Equal(new Fact<double?>(expectedPct, Evidence.Tagged), segment.InclinePct);
        Assert.Null(segment.InclineDirection);
        Assert.Equal(0.8 * LengthM(12, 13), route.DistanceM, 6);
    }

    [Fact]
    public void A_route_without_instructions_is_the_same_route_with_none_written()
    {
        var foot = Profile("foot");
        var path = Along(Snap(12, 13, 0.1), Snap(12, 13, 0.9), foot);
        var full = Assembler.Assemble([path], foot, Requested(path.From, path.To), "en");

        var lean = Assembler.Assemble([path], foot, Requested(path.From, path.To), "en", instructions: false);

        Assert.NotEmpty(full.Instructions);
        Assert.Empty(lean.Instructions);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(full with { Instructions = [] }), System.Text.Json.JsonSerializer.Serialize(lean));
    }

    [Fact]
    public void A_long_stretch_steeper_than_the_comfort_limit_is_warned_about_naming_its_street()
    {
        var wheelchair = Profile("wheelchair");
        var path = Along(Snap(12, 13, 0.1), Snap(12, 13, 0.9), wheelchair);
        var route = Assembler.Assemble([path], wheelchair, Requested(path.From, path.To), "en");
        var german = Assembler.Assemble([path], wheelchair, Requested(path.From, path.To), "de");

        var steep = Assert.Single(route.Warnings, w => w.Type == "steep");
        Assert.Equal($"Steep downhill stretch: 8.0 % for {Math.Round(route.DistanceM)} m on Sandgasse", steep.Message);
        Assert.Equal(0, steep.SegmentIndex);
        Assert.Equal($"Steiles Gefälle: 8,0 % auf {Math.Round(route.DistanceM)} m auf der Sandgasse", Assert.Single(german.Warnings, w => w.Type == "steep").Message);
    }

    [Fact]
    public void Steps_up_report_their_direction_and_are_warned_about_for_a_pushchair()
    {
        var route = Assemble("pushchair", "en", Snap(1, 2, 0.5), [2, 5], Snap(5, 6, 0.5));

        var steps = route.Segments[1];
        Assert.Equal((100L, true, false, "up"), (steps.OsmWayId, steps.Steps, steps.Ramp, steps.InclineDirection));
        Assert.Contains(route.Instructions, i => (i.Type, i.Text) == ("steps", "Take the steps up"));
        Assert.Contains(route.Warnings, w => w.Type == "steps" && w.SegmentIndex == 1);

        var down = Assemble("pushchair", "en", Snap(5, 6, 0.5), [5, 2], Snap(1, 2, 0.5));
        Assert.Equal("down", down.Segments[1].InclineDirection);
    }

    [Fact]
    public void Steps_with_a_wheelchair_ramp_tell_to_use_the_ramp()
    {
        var route = Assemble("wheelchair", "de", Snap(2, 3, 0.5), [3, 6], Snap(6, 7, 0.5));

        var ramp = route.Segments[1];
        Assert.Equal((101L, true, true), (ramp.OsmWayId, ramp.Steps, ramp.Ramp));
        Assert.Contains(route.Instructions, i => (i.Type, i.Text) == ("ramp", "Nutzen Sie die Rampe neben der Treppe"));
        Assert.DoesNotContain(route.Warnings, w => w.Type == "steps");
    }

    [Fact]
    public void Instructions_depart_cross_name_the_kerb_height_and_arrive_in_english_and_german()
    {
        var english = OverLoweredKerb("en");
        var german = OverLoweredKerb("de");

        Assert.Equal(["depart", "cross", "kerb", "arrive"], english.Instructions.Select(i => i.Type));
        Assert.Equal(
            ["Head east on the footway", "Cross the street at the marked crossing", "Lowered kerb, 3 cm", "You have arrived"],
            english.Instructions.Select(i => i.Text));
        Assert.Equal(
            ["Starten Sie Richtung Osten auf dem Fußweg", "Überqueren Sie die Straße am Zebrastreifen", "Abgesenkter Bordstein, 3 cm", "Sie haben Ihr Ziel erreicht"],
            german.Instructions.Select(i => i.Text));
        Assert.All(english.Instructions.Zip(german.Instructions), pair => Assert.NotEqual(pair.First.Text, pair.Second.Text));

        // Each instruction's distance runs to the next one.
        Assert.Equal(
            [0.5 * LengthM(5, 6), LengthM(6, 7), LengthM(7, 8) + (0.5 * LengthM(8, 9)), 0],
            english.Instructions.Select(i => Math.Round(i.DistanceM, 6)).ToArray(),
            new RoundedEquality());
        AssertClose(At(7), english.Instructions[2].Location);
        Assert.Equal(2, english.Instructions[2].SegmentIndex);
    }

    [Fact]
    public void Warnings_cover_unknown_surface_and_a_kerb_at_the_limit()
    {
        var route = OverLoweredKerb("en");

        var unknownSurface = Assert.Single(route.Warnings, w => w.Type == "unknown_surface");
        Assert.Equal(0, unknownSurface.SegmentIndex); // footway 201 and crossing 300 merge into one stretch
        Assert.Equal($"Surface unknown for {Math.Round(route.DistanceM)} m", unknownSurface.Message);
        var kerb = Assert.Single(route.Warnings, w => w.Type == "kerb_near_limit");
        Assert.Equal("Kerb of 3 cm, close to your limit of 3 cm", kerb.Message);
        Assert.Equal(At(7), kerb.Location);
    }

    [Fact]
    public void A_turn_at_a_junction_names_the_new_street()
    {
        var english = Assemble("foot", "en", Snap(7, 8, 0.5), [8], Snap(8, 12, 0.5));
        var german = Assemble("foot", "de", Snap(7, 8, 0.5), [8], Snap(8, 12, 0.5));

        // The crossing starts where the trip does: the start says it.
        Assert.Equal(["depart", "turn_right", "arrive"], english.Instructions.Select(i => i.Type));
        Assert.Equal("Turn right onto Plöck", english.Instructions[1].Text);
        Assert.Equal("Biegen Sie rechts ab auf die Straße „Plöck“", german.Instructions[1].Text);
        Assert.Equal("Plöck", english.Instructions[1].Name);
        Assert.StartsWith("Head north on the crossing – Cross the street", english.Instructions[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Depart_on_a_named_street_gives_the_compass_direction()
    {
        var english = Assemble("foot", "en", Snap(11, 8, 0.5), [8], Snap(8, 12, 0.5));
        var german = Assemble("foot", "de", Snap(11, 8, 0.5), [8], Snap(8, 12, 0.5));

        Assert.Equal(["Head east on Plöck", "You have arrived"], english.Instructions.Select(i => i.Text));
        // "Plöck" says nothing of its kind of noun: German names it by what it is.
        Assert.Equal("Starten Sie Richtung Osten auf der Straße „Plöck“", german.Instructions[0].Text);
    }

    [Fact]
    public void An_elevator_node_starts_a_segment_and_an_instruction()
    {
        var route = Assemble("wheelchair", "en", Snap(4, 14, 0.5), [14], Snap(14, 15, 0.5));

        Assert.Equal([false, true], route.Segments.Select(s => s.Elevator));
        Assert.Equal(["depart", "elevator", "arrive"], route.Instructions.Select(i => i.Type));
        Assert.Equal("Take the elevator", route.Instructions[1].Text);
        Assert.Equal(1, route.Summary.Elevators);
        // Passing the elevator takes time beyond rolling the distance.
        Assert.True(route.DurationS > (route.DistanceM / Preset("wheelchair").SpeedMps) + 30);
    }

    [Fact]
    public void The_kissing_gate_is_reported_as_the_barrier_at_the_start_of_its_segment()
    {
        var route = Assemble("foot", "en", Snap(15, 16, 0.5), [16], Snap(16, 17, 0.5));

        Assert.Null(route.Segments[0].BarrierAtStart);
        var gate = route.Segments[1].BarrierAtStart;
        Assert.NotNull(gate);
        Assert.Equal(("kissing_gate", 16L), (gate.Kind, gate.OsmNodeId));
    }

    [Fact]
    public void Gravel_is_a_rough_surface_for_a_pushchair_but_not_for_walking()
    {
        var pushchair = Profile("pushchair");
        var path = Along(Snap(16, 17, 0.1), Snap(16, 17, 0.9), pushchair);
        var route = Assembler.Assemble([path], pushchair, Requested(path.From, path.To), "de");

        var rough = Assert.Single(route.Warnings, w => w.Type == "rough_surface");
        Assert.Equal($"Holpriger Belag (Schotter) auf {Math.Round(route.DistanceM)} m", rough.Message);

        var foot = Profile("foot");
        var walked = Assembler.Assemble([Along(path.From, path.To, foot)], foot, Requested(path.From, path.To), "de");
        Assert.DoesNotContain(walked.Warnings, w => w.Type == "rough_surface");
    }

    [Fact]
    public void Via_point_splits_the_route_into_legs_with_one_via_instruction()
    {
        var foot = Profile("foot");
        var start = Snap(11, 8, 0.5);
        var via = Snap(8, 12, 0.25);
        var end = Snap(8, 12, 0.75);
        var first = Path(start, [8], via, foot);
        var second = Along(via, end, foot);
        var route = Assembler.Assemble([first, second], foot, Requested(start, via, end), "en");

        Assert.Equal((0.5 * LengthM(11, 8)) + (0.75 * LengthM(8, 12)), route.DistanceM, 6);
        Assert.Equal(first.CostS + second.CostS, route.CostS, 9);
        Assert.Equal([start.Point, At(8), via.Point, end.Point], route.Geometry);
        Assert.Equal(2, route.Segments.Count);
        var viaInstruction = Assert.Single(route.Instructions, i => i.Type == "via");
        Assert.Equal("You have reached via point 1", viaInstruction.Text);
        Assert.Equal(via.Point, viaInstruction.Location);

        Assert.Equal(3, route.Waypoints.Count);
        Assert.All(route.Waypoints, w => Assert.Equal(400L, w.OsmWayId));
        Assert.Equal(via.Point, route.Waypoints[1].Snapped);
        Assert.Equal(Requested(via)[0], route.Waypoints[1].Requested);
        Assert.Equal(via.DistanceM, route.Waypoints[1].DistanceM);
    }

    [Fact]
    public void A_path_along_one_edge_in_reverse_cuts_the_edge_at_both_offsets()
    {
        var foot = Profile("foot");
        var from = Snap(6, 7, 0.8);
        var to = Snap(6, 7, 0.3);
        var route = Assembler.Assemble([Along(from, to, foot)], foot, Requested(from, to), "en");

        Assert.Equal([from.Point, to.Point], route.Geometry);
        Assert.Equal(0.5 * LengthM(6, 7), route.DistanceM, 6);
    }

    [Fact]
    public void Legs_and_requested_points_must_match()
    {
        var foot = Profile("foot");
        var path = Along(Snap(6, 7, 0.2), Snap(6, 7, 0.4), foot);
        Assert.Throws<ArgumentException>(() => Assembler.Assemble([path], foot, Requested(path.From), "en"));
        Assert.Throws<ArgumentException>(() => Assembler.Assemble([], foot, Requested(path.From), "en"));
    }

    private sealed class RoundedEquality : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
