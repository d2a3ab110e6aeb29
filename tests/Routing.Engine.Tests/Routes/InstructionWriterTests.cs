using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Instructions read as a person would give them: repeats said once, a kerb said with its crossing, sound signals and
/// steep stretches named. The tidying is checked on step lists; the new steps on a graph built by hand: a level
/// sidewalk A - B, a signalled crossing with sound B - C, then a 60 m climb of 5 % C - D ("Plöck").
/// </summary>
public sealed class InstructionWriterTests
{
    private static readonly GeoPoint A = new(49.4100, 8.6900), B = new(49.4100, 8.6908), C = new(49.4104, 8.6908), D = new(49.41094, 8.6908);

    private static readonly RoutingGraph Graph = Build();

    private static RoutingGraph Build()
    {
        var builder = new GraphBuilder();
        int Vertex(long id, GeoPoint p) => builder.AddVertex(id, Coordinates.ToE7(p.Lat), Coordinates.ToE7(p.Lon), default);
        int a = Vertex(1, A), b = Vertex(2, B), c = Vertex(3, C), d = Vertex(4, D);
        var known = new EdgeClass
        {
            Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged, InclineKind = InclineKind.Value, InclineEvidence = Evidence.Tagged,
        };
        builder.AddEdge(a, b, known with { Highway = HighwayKind.Sidewalk }, 10, null, [], []);
        builder.AddEdge(b, c, known with { Highway = HighwayKind.Crossing, Crossing = CrossingKind.TrafficSignals, Flags = EdgeFlags.AcousticSignals }, 20, null, [], []);
        builder.AddEdge(c, d, known with { Highway = HighwayKind.Footway, InclinePermille = 50, SteepestInclinePermille = 50 }, 30, "Plöck", [], []);
        return builder.Build(new GraphMetadata { SourceFile = "hand-built", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
    }

    private static int VertexOf(long id) => Graph.VertexOsmNodeId.IndexOf(id);

    private static int EdgeOf(long fromNode, long toNode) =>
        Enumerable.Range(0, Graph.EdgeCount).Single(e => Graph.EdgeFrom[e] == VertexOf(fromNode) && Graph.EdgeTo[e] == VertexOf(toNode));

    private static Route RouteAtoD(string language)
    {
        int first = EdgeOf(1, 2), second = EdgeOf(2, 3), third = EdgeOf(3, 4);
        var from = new SnapPoint(first, 0, A, 0);
        var to = new SnapPoint(third, Graph.EdgeLengthCm[third] / 100.0, D, 0);
        var path = new SearchPath(from, to, VertexOf(2), [2 * second], VertexOf(3), 0, 0);
        var wheelchair = CompiledProfile.Compile(Graph, RouteFixture.Preset("wheelchair"));
        return new RouteAssembler(Graph).Assemble([path], wheelchair, [A, D], language);
    }

    [Fact]
    public void Signalled_crossings_with_sound_and_steep_stretches_are_named()
    {
        var route = RouteAtoD("en");

        // The climb starts where Plöck does: one step says both.
        Assert.Equal(
            ["Head east on the sidewalk", "Cross the street at the traffic lights with sound signals", "Continue onto Plöck – Steep uphill: up to 5.0 % for 60 m", "You have arrived"],
            route.Instructions.Select(i => i.Text));
        Assert.Equal("continue", route.Instructions[2].Type);
    }

    [Fact]
    public void German_steep_stretches_use_the_decimal_comma()
    {
        var route = RouteAtoD("de");

        Assert.Contains(route.Instructions, i => i.Text.EndsWith("Steil bergauf: bis 5,0 % auf 60 m", StringComparison.Ordinal));
        Assert.Contains("Überqueren Sie die Straße an der Ampel mit Tonsignal", route.Instructions.Select(i => i.Text));
    }

    private static (string Type, string Text, double PositionM, GeoPoint Location, int Segment, string? Name) Step(string type, string text, double at, string? name = null) =>
        (type, text, at, A, 0, name);

    [Fact]
    public void The_same_turn_twice_at_one_place_is_said_once()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("depart", "Head north on Plöck", 0, "Plöck"),
            Step("turn_right", "Turn right onto Hauptstraße", 120, "Hauptstraße"),
            Step("turn_right", "Turn right onto Hauptstraße", 135, "Hauptstraße"),
            Step("arrive", "You have arrived", 400),
        ], Translations.English);

        Assert.Equal(["Head north on Plöck", "Turn right onto Hauptstraße", "You have arrived"], steps.Select(s => s.Text));
    }

    [Fact]
    public void The_same_turn_far_apart_is_two_turns()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("turn_right", "Turn right onto Hauptstraße", 120, "Hauptstraße"),
            Step("turn_right", "Turn right onto Hauptstraße", 320, "Hauptstraße"),
        ], Translations.English);

        Assert.Equal(2, steps.Count);
    }

    [Fact]
    public void Continue_onto_the_street_just_turned_onto_is_dropped()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("turn_left", "Turn left onto Hauptstraße", 50, "Hauptstraße"),
            Step("continue", "Continue onto Hauptstraße", 200, "Hauptstraße"),
            Step("continue", "Continue onto Plöck", 300, "Plöck"),
        ], Translations.English);

        Assert.Equal(["Turn left onto Hauptstraße", "Continue onto Plöck"], steps.Select(s => s.Text));
    }

    [Theory]
    // A continue right after another: the later words, at the first one's place.
    [InlineData("continue", "Continue on the cycleway", null, "continue", "Continue on the cycleway along Sofienstraße", null, "Continue on the cycleway along Sofienstraße")]
    [InlineData("continue", "Continue on the footway", null, "continue", "Continue onto Plöck", "Plöck", "Continue onto Plöck")]
    // Onto an unnamed way right after a turn: the turn said it.
    [InlineData("turn_left", "Turn left onto the footway", null, "continue", "Continue on the footway along Plöck", null, "Turn left onto the footway")]
    // The same move twice: once, onto the way with a name.
    [InlineData("turn_right", "Turn right onto the road", null, "turn_right", "Turn right onto Im Neuenheimer Feld", "Im Neuenheimer Feld", "Turn right onto Im Neuenheimer Feld")]
    [InlineData("turn_right", "Turn right onto Im Neuenheimer Feld", "Im Neuenheimer Feld", "turn_right", "Turn right onto the footway", null, "Turn right onto Im Neuenheimer Feld")]
    // Onto a named street right after a turn, or another move: both, as one step.
    [InlineData("turn_left", "Turn left onto the footway", null, "continue", "Continue onto Plöck", "Plöck", "Turn left onto the footway – Continue onto Plöck")]
    [InlineData("turn_left", "Turn left onto the footway", null, "turn_right", "Turn right onto Plöck", "Plöck", "Turn left onto the footway – Turn right onto Plöck")]
    public void A_move_a_few_metres_after_a_step_onto_a_way_is_not_said_twice(
        string firstType, string first, string? firstName, string thenType, string then, string? thenName, string expected)
    {
        var steps = InstructionWriter.Tidy(
        [
            Step(firstType, first, 100, firstName),
            Step(thenType, then, 108, thenName),
            Step("arrive", "You have arrived", 400),
        ], Translations.English);

        Assert.Equal([expected, "You have arrived"], steps.Select(s => s.Text));
        Assert.Equal(100, steps[0].PositionM);
    }

    [Fact]
    public void A_lowered_kerb_at_a_crossing_is_said_with_the_crossing()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("kerb", "Abgesenkter Bordstein, 3 cm", 80),
            Step("cross", "Überqueren Sie die Straße an der Ampel", 80),
            Step("kerb", "Abgesenkter Bordstein, 3 cm", 110),
        ], Translations.Of("de"));

        Assert.Equal(["Überqueren Sie die Straße an der Ampel – Abgesenkter Bordstein, 3 cm", "Abgesenkter Bordstein, 3 cm"], steps.Select(s => s.Text));
        Assert.Equal("cross", steps[0].Type);
    }

    [Fact]
    public void Steps_a_few_metres_apart_are_said_as_one_and_the_arrival_stays_last()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("turn_right", "Turn right onto the footway", 100),
            Step("cross", "Cross the street", 104),
            Step("turn_left", "Turn left onto Hauptstraße", 110, "Hauptstraße"),
            Step("turn_right", "Turn right onto Plöck", 300, "Plöck"),
            Step("arrive", "You have arrived", 306),
        ], Translations.English);

        Assert.Equal(["Turn right onto the footway – Cross the street – Turn left onto Hauptstraße", "Turn right onto Plöck – You have arrived"], steps.Select(s => s.Text));
        Assert.Equal([("turn_right", 100.0, (string?)"Hauptstraße"), ("arrive", 306.0, (string?)null)], steps.Select(s => (s.Type, s.PositionM, s.Name)));
    }

    [Fact]
    public void A_turn_back_onto_the_street_a_few_metres_on_is_dropped()
    {
        var steps = InstructionWriter.Tidy(
        [
            Step("turn_right", "Turn right onto Merianstraße", 100, "Merianstraße"),
            Step("turn_left", "Turn left onto Merianstraße", 103, "Merianstraße"),
        ], Translations.English);

        Assert.Equal(["Turn right onto Merianstraße"], steps.Select(s => s.Text));
    }

    [Theory]
    [InlineData("Hauptstraße", "primary", "die Hauptstraße", "der Hauptstraße")]
    [InlineData("Marktplatz", "pedestrian_area", "den Marktplatz", "dem Marktplatz")]
    [InlineData("Karlstor", "footway", "das Karlstor", "dem Karlstor")]
    [InlineData("Alte Eppelheimer Straße", "residential", "die Alte Eppelheimer Straße", "der Alten Eppelheimer Straße")]
    [InlineData("Alter Markt", "pedestrian", "den Alten Markt", "dem Alten Markt")]
    [InlineData("Am Karlstor", "residential", "die Straße „Am Karlstor“", "der Straße „Am Karlstor“")]
    [InlineData("Plöck", "residential", "die Straße „Plöck“", "der Straße „Plöck“")]
    [InlineData("", "footway", "den Fußweg", "dem Fußweg")]
    [InlineData("", "primary", "die Hauptverkehrsstraße", "der Hauptverkehrsstraße")]
    public void German_names_take_their_article_and_case(string name, string highway, string onto, string on)
    {
        Assert.Equal(onto, WayNames.Of(name, highway, Translations.Of("de"), WayCase.Onto));
        Assert.Equal(on, WayNames.Of(name, highway, Translations.Of("de"), WayCase.On));
    }

    [Fact]
    public void English_names_are_said_as_they_are_and_unnamed_main_roads_are_not_named()
    {
        Assert.Equal("Plöck", WayNames.Of("Plöck", "residential", Translations.English, WayCase.On));
        Assert.Equal("the main road", WayNames.Of("", "primary", Translations.English, WayCase.Onto));
    }

    [Theory]
    [InlineData("Hauptstraße", "primary", "en", "the sidewalk along Hauptstraße", "the sidewalk along Hauptstraße")]
    [InlineData("Hauptstraße", "primary", "de", "den Gehweg an der Hauptstraße", "dem Gehweg an der Hauptstraße")]
    [InlineData("Bismarckplatz", "pedestrian_area", "de", "den Gehweg am Bismarckplatz", "dem Gehweg am Bismarckplatz")]
    [InlineData("Plöck", "residential", "de", "den Gehweg an der Straße „Plöck“", "dem Gehweg an der Straße „Plöck“")]
    public void An_unnamed_way_is_said_with_the_street_it_runs_along(string street, string highway, string language, string onto, string on)
    {
        var lang = RouteTexts.LanguageOf(language);
        Assert.Equal(onto, WayNames.Of("", "sidewalk", lang, WayCase.Onto, (street, highway)));
        Assert.Equal(on, WayNames.Of("", "sidewalk", lang, WayCase.On, (street, highway)));
        // A way with a name of its own keeps it.
        Assert.Equal("Plöck", WayNames.Of("Plöck", "residential", Translations.English, WayCase.On, (street, highway)));
    }
}
