using Routing.Graph.Facts;
using Routing.Osm.Tags;

namespace Routing.Osm.Tests.Tags;

public class TagValuesTests
{
    [Theory]
    [InlineData("1.5", 150)]
    [InlineData("1,5", 150)]
    [InlineData("1.5 m", 150)]
    [InlineData("1.5m", 150)]
    [InlineData("2", 200)]
    [InlineData(" 1.2 ", 120)]
    [InlineData("0.75", 75)]
    [InlineData("150 cm", 150)]
    [InlineData("150cm", 150)]
    [InlineData("900 mm", 90)]
    [InlineData("90 mm", 9)]
    [InlineData("3 ft", 91)]
    [InlineData("5'", 152)]
    [InlineData("5'6\"", 168)]
    [InlineData("5' 6\"", 168)]
    [InlineData("5'6''", 168)]
    [InlineData("30\"", 76)]
    [InlineData("450", 45_000)]
    public void Width_is_read_in_metres_unless_a_unit_is_given(string value, int expectedCm) =>
        Assert.Equal(expectedCm, TagValues.ParseWidthCm(value));

    [Theory]
    [InlineData("")]
    [InlineData("wide")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5;2")]
    [InlineData("~2")]
    [InlineData("2 km")]
    [InlineData("600")]
    [InlineData("1.5 m 2")]
    [InlineData("'")]
    public void Width_that_is_unparsable_or_absurd_is_unknown(string value) =>
        Assert.Null(TagValues.ParseWidthCm(value));

    [Theory]
    [InlineData("0.03", 3)]
    [InlineData("0.03 m", 3)]
    [InlineData("0.03m", 3)]
    [InlineData("0,12", 12)]
    [InlineData("3 cm", 3)]
    [InlineData("3cm", 3)]
    [InlineData("30 mm", 3)]
    [InlineData("0", 0)]
    [InlineData("0.5", 50)]
    [InlineData("2\"", 5)]
    public void Kerb_height_is_read_in_metres_unless_a_unit_is_given(string value, int expectedCm) =>
        Assert.Equal(expectedCm, TagValues.ParseKerbHeightCm(value));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("12", 12)]
    [InlineData("1", 1)]
    [InlineData("1.5", 2)]
    public void Kerb_height_as_a_bare_number_of_one_or_more_is_read_in_cm(string value, int expectedCm) =>
        Assert.Equal(expectedCm, TagValues.ParseKerbHeightCm(value));

    [Theory]
    [InlineData("high")]
    [InlineData("-0.03")]
    [InlineData("60 cm")]
    [InlineData("1 m")]
    [InlineData("0.6")]
    [InlineData("")]
    public void Kerb_height_that_is_unparsable_or_absurd_is_unknown(string value) =>
        Assert.Null(TagValues.ParseKerbHeightCm(value));

    [Theory]
    [InlineData("8%", InclineKind.Value, 80)]
    [InlineData("-8 %", InclineKind.Value, -80)]
    [InlineData("+8%", InclineKind.Value, 80)]
    [InlineData("8", InclineKind.Value, 80)]
    [InlineData("-12", InclineKind.Value, -120)]
    [InlineData("8.5%", InclineKind.Value, 85)]
    [InlineData("8,5%", InclineKind.Value, 85)]
    [InlineData("0%", InclineKind.Value, 0)]
    [InlineData("100%", InclineKind.Value, 1000)]
    [InlineData("5°", InclineKind.Value, 87)]
    [InlineData("-5°", InclineKind.Value, -87)]
    [InlineData("45°", InclineKind.Value, 1000)]
    [InlineData("up", InclineKind.UpNoValue, 0)]
    [InlineData("down", InclineKind.DownNoValue, 0)]
    public void Incline_is_read_as_signed_per_mille(string value, InclineKind expectedKind, int expectedPermille) =>
        Assert.Equal((expectedKind, (short)expectedPermille), TagValues.ParseIncline(value));

    [Theory]
    [InlineData("steep")]
    [InlineData("yes")]
    [InlineData("up;down")]
    [InlineData("101%")]
    [InlineData("-150%")]
    [InlineData("50°")]
    [InlineData("8%%")]
    [InlineData("")]
    public void Incline_that_is_unparsable_or_absurd_is_unknown(string value) =>
        Assert.Null(TagValues.ParseIncline(value));

    [Theory]
    [InlineData("0", new[] { 0f })]
    [InlineData("0;-1", new[] { -1f, 0f })]
    [InlineData("-1; 0 ;-1", new[] { -1f, 0f })]
    [InlineData("0-3", new[] { 0f, 1f, 2f, 3f })]
    [InlineData("-2--1", new[] { -2f, -1f })]
    [InlineData("1.5;2", new[] { 1.5f, 2f })]
    [InlineData("0.5-2", new[] { 0.5f, 1f, 2f })]
    [InlineData("UG;0", new[] { 0f })]
    [InlineData("EG", new float[0])]
    [InlineData("0-1000", new float[0])]
    [InlineData("", new float[0])]
    public void Levels_are_a_list_of_levels_and_ranges(string value, float[] expected) =>
        Assert.Equal(expected, TagValues.ParseLevels(value));

    [Theory]
    // Good (ACCESSIBILITY.md: asphalt, concrete, paving_stones, paved).
    [InlineData("asphalt", SurfaceKind.Asphalt, SurfaceGrade.Good)]
    [InlineData("concrete", SurfaceKind.Concrete, SurfaceGrade.Good)]
    [InlineData("concrete:lanes", SurfaceKind.Concrete, SurfaceGrade.Good)]
    [InlineData("concrete:plates", SurfaceKind.ConcretePlates, SurfaceGrade.Good)]
    [InlineData("paving_stones", SurfaceKind.PavingStones, SurfaceGrade.Good)]
    [InlineData("bricks", SurfaceKind.PavingStones, SurfaceGrade.Good)]
    [InlineData("paved", SurfaceKind.Paved, SurfaceGrade.Good)]
    [InlineData("chipseal", SurfaceKind.Paved, SurfaceGrade.Good)]
    [InlineData("rubber", SurfaceKind.Rubber, SurfaceGrade.Good)]
    [InlineData("tartan", SurfaceKind.Tartan, SurfaceGrade.Good)]
    // Tolerable with effort (sett, compacted, fine_gravel, metal, wood).
    [InlineData("sett", SurfaceKind.Sett, SurfaceGrade.Tolerable)]
    [InlineData("cobblestone:flattened", SurfaceKind.Sett, SurfaceGrade.Tolerable)]
    [InlineData("compacted", SurfaceKind.Compacted, SurfaceGrade.Tolerable)]
    [InlineData("fine_gravel", SurfaceKind.FineGravel, SurfaceGrade.Tolerable)]
    [InlineData("metal", SurfaceKind.Metal, SurfaceGrade.Tolerable)]
    [InlineData("metal_grid", SurfaceKind.Metal, SurfaceGrade.Tolerable)]
    [InlineData("wood", SurfaceKind.Wood, SurfaceGrade.Tolerable)]
    // Bad for wheels (cobblestone, unhewn_cobblestone, gravel, pebblestone, grass_paver).
    [InlineData("cobblestone", SurfaceKind.Cobblestone, SurfaceGrade.BadForWheels)]
    [InlineData("unhewn_cobblestone", SurfaceKind.UnhewnCobblestone, SurfaceGrade.BadForWheels)]
    [InlineData("gravel", SurfaceKind.Gravel, SurfaceGrade.BadForWheels)]
    [InlineData("pebblestone", SurfaceKind.Pebblestone, SurfaceGrade.BadForWheels)]
    [InlineData("grass_paver", SurfaceKind.GrassPaver, SurfaceGrade.BadForWheels)]
    [InlineData("unpaved", SurfaceKind.Unpaved, SurfaceGrade.BadForWheels)]
    // Impassable for wheelchairs (grass, dirt, earth, mud, sand, ground, woodchips, snow, ice).
    [InlineData("grass", SurfaceKind.Grass, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("dirt", SurfaceKind.Dirt, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("earth", SurfaceKind.Earth, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("mud", SurfaceKind.Mud, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("sand", SurfaceKind.Sand, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("ground", SurfaceKind.Ground, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("woodchips", SurfaceKind.Woodchips, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("rock", SurfaceKind.Rock, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("snow", SurfaceKind.Snow, SurfaceGrade.ImpassableForWheelchairs)]
    [InlineData("ice", SurfaceKind.Ice, SurfaceGrade.ImpassableForWheelchairs)]
    // Tagged but not understood: kept as Other, whose grade is unknown, never "fine".
    [InlineData("stepping_stones", SurfaceKind.Other, SurfaceGrade.Unknown)]
    [InlineData("asphalt;gravel", SurfaceKind.Other, SurfaceGrade.Unknown)]
    [InlineData("Asphalt", SurfaceKind.Other, SurfaceGrade.Unknown)]
    public void Surface_maps_to_the_material_and_its_group(string value, SurfaceKind expected, SurfaceGrade expectedGrade)
    {
        SurfaceKind surface = TagValues.ParseSurface(value);
        Assert.Equal(expected, surface);
        Assert.Equal(expectedGrade, SurfaceGrades.Of(surface));
    }

    [Theory]
    [InlineData("excellent", Smoothness.Excellent)]
    [InlineData("good", Smoothness.Good)]
    [InlineData("intermediate", Smoothness.Intermediate)]
    [InlineData("bad", Smoothness.Bad)]
    [InlineData("very_bad", Smoothness.VeryBad)]
    [InlineData("horrible", Smoothness.Horrible)]
    [InlineData("very_horrible", Smoothness.VeryHorrible)]
    [InlineData("impassable", Smoothness.Impassable)]
    [InlineData("perfect", null)]
    [InlineData("", null)]
    public void Smoothness_maps_the_eight_grades(string value, Smoothness? expected) =>
        Assert.Equal(expected, TagValues.ParseSmoothness(value));

    [Theory]
    [InlineData("grade1", (byte)1)]
    [InlineData("grade2", (byte)2)]
    [InlineData("grade3", (byte)3)]
    [InlineData("grade4", (byte)4)]
    [InlineData("grade5", (byte)5)]
    [InlineData("grade6", null)]
    [InlineData("1", null)]
    public void Track_type_is_the_grade_number(string value, byte? expected) =>
        Assert.Equal(expected, TagValues.ParseTrackGrade(value));

    [Theory]
    [InlineData(1, SurfaceKind.Paved)]
    [InlineData(2, SurfaceKind.Compacted)]
    [InlineData(3, SurfaceKind.Unpaved)]
    [InlineData(4, SurfaceKind.Ground)]
    [InlineData(5, SurfaceKind.Grass)]
    [InlineData(0, null)]
    [InlineData(6, null)]
    public void Track_grade_implies_a_surface(byte trackGrade, SurfaceKind? expected) =>
        Assert.Equal(expected, TagValues.SurfaceOfTrackGrade(trackGrade));

    [Theory]
    [InlineData("yes", WheelchairTag.Yes)]
    [InlineData("designated", WheelchairTag.Designated)]
    [InlineData("limited", WheelchairTag.Limited)]
    [InlineData("no", WheelchairTag.No)]
    [InlineData("bad", null)]
    [InlineData("unknown", null)]
    public void Wheelchair_maps_the_four_statements(string value, WheelchairTag? expected) =>
        Assert.Equal(expected, TagValues.ParseWheelchair(value));

    [Theory]
    [InlineData("flush", KerbKind.Flush)]
    [InlineData("lowered", KerbKind.Lowered)]
    [InlineData("rolled", KerbKind.Rolled)]
    [InlineData("raised", KerbKind.Raised)]
    [InlineData("no", KerbKind.None)]
    [InlineData("yes", KerbKind.Unknown)]
    [InlineData("regular", KerbKind.Unknown)]
    public void Kerb_maps_the_kinds(string value, KerbKind expected) =>
        Assert.Equal(expected, TagValues.ParseKerb(value));

    [Theory]
    [InlineData("kerb", BarrierKind.Kerb)]
    [InlineData("stile", BarrierKind.Stile)]
    [InlineData("kissing_gate", BarrierKind.KissingGate)]
    [InlineData("turnstile", BarrierKind.Turnstile)]
    [InlineData("full-height_turnstile", BarrierKind.FullHeightTurnstile)]
    [InlineData("block", BarrierKind.Block)]
    [InlineData("step", BarrierKind.Step)]
    [InlineData("cycle_barrier", BarrierKind.CycleBarrier)]
    [InlineData("swing_gate", BarrierKind.SwingGate)]
    [InlineData("bollard", BarrierKind.Bollard)]
    [InlineData("gate", BarrierKind.Gate)]
    [InlineData("sliding_gate", BarrierKind.Gate)]
    [InlineData("wicket_gate", BarrierKind.Gate)]
    [InlineData("lift_gate", BarrierKind.LiftGate)]
    [InlineData("chain", BarrierKind.Chain)]
    [InlineData("entrance", BarrierKind.Entrance)]
    [InlineData("door", BarrierKind.Door)]
    [InlineData("log", BarrierKind.Log)]
    [InlineData("motorcycle_barrier", BarrierKind.MotorcycleBarrier)]
    [InlineData("fence", BarrierKind.Other)]
    [InlineData("wall", BarrierKind.Other)]
    [InlineData("hedge", BarrierKind.Other)]
    [InlineData("border_control", BarrierKind.Other)]
    [InlineData("yes", BarrierKind.Other)]
    [InlineData("no", BarrierKind.None)]
    public void Barrier_maps_the_kinds(string value, BarrierKind expected) =>
        Assert.Equal(expected, TagValues.ParseBarrier(value));
}
