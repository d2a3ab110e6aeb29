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

        // The sidewalk leads to Plöck; the climb starts where Plöck does: one step says both.
        Assert.Equal(
            ["Head east on the sidewalk towards Plöck", "Cross the street at the traffic lights with sound signals", "Continue onto Plöck – Steep uphill: up to 5.0 % for 60 m", "You have arrived"],
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

    [Theory]
    [InlineData("en", "", GreenAreaKind.Park, "the path through the park", "the path through the park")]
    [InlineData("en", "Schlossgarten", GreenAreaKind.Park, "the path through Schlossgarten", "the path through Schlossgarten")]
    [InlineData("de", "", GreenAreaKind.Park, "den Pfad durch den Park", "dem Pfad durch den Park")]
    [InlineData("de", "", GreenAreaKind.Cemetery, "den Pfad durch den Friedhof", "dem Pfad durch den Friedhof")]
    [InlineData("de", "", GreenAreaKind.Wood, "den Pfad durch den Wald", "dem Pfad durch den Wald")]
    [InlineData("de", "Schlossgarten", GreenAreaKind.Park, "den Pfad durch den Schlossgarten", "dem Pfad durch den Schlossgarten")]
    [InlineData("de", "Botanischer Garten", GreenAreaKind.Garden, "den Pfad durch den Botanischen Garten", "dem Pfad durch den Botanischen Garten")]
    [InlineData("de", "Alter Friedhof", GreenAreaKind.Cemetery, "den Pfad durch den Alten Friedhof", "dem Pfad durch den Alten Friedhof")]
    [InlineData("de", "Neckarwiese", GreenAreaKind.Park, "den Pfad durch den Park „Neckarwiese“", "dem Pfad durch den Park „Neckarwiese“")]
    [InlineData("fr", "", GreenAreaKind.Garden, "le sentier à travers le jardin", "le sentier à travers le jardin")]
    [InlineData("it", "", GreenAreaKind.Wood, "il sentiero attraverso il bosco", "il sentiero attraverso il bosco")]
    [InlineData("tr", "", GreenAreaKind.Park, "park içinden geçen patika", "park içinden geçen patika")]
    [InlineData("uk", "", GreenAreaKind.Cemetery, "стежка через цвинтар", "стежка через цвинтар")]
    [InlineData("ar", "", GreenAreaKind.Wood, "الدرب عبر الغابة", "الدرب عبر الغابة")]
    public void An_unnamed_path_is_said_with_the_green_area_it_runs_through(string language, string area, GreenAreaKind kind, string onto, string on)
    {
        var lang = RouteTexts.LanguageOf(language);
        Assert.Equal(onto, WayNames.Of("", "path", lang, WayCase.Onto, through: (area, kind)));
        Assert.Equal(on, WayNames.Of("", "path", lang, WayCase.On, through: (area, kind)));
    }

    [Theory]
    [InlineData("en", "the footway towards Bismarckstraße", "the footway towards Bismarckstraße")]
    [InlineData("de", "den Fußweg in Richtung Bismarckstraße", "dem Fußweg in Richtung Bismarckstraße")]
    [InlineData("fr", "le chemin piéton en direction de Bismarckstraße", "le chemin piéton en direction de Bismarckstraße")]
    [InlineData("tr", "Bismarckstraße yönündeki yaya yolu", "Bismarckstraße yönündeki yaya yolu")]
    public void An_unnamed_way_along_nothing_is_said_with_the_street_it_leads_to(string language, string onto, string on)
    {
        var lang = RouteTexts.LanguageOf(language);
        Assert.Equal(onto, WayNames.Of("", "footway", lang, WayCase.Onto, towards: "Bismarckstraße"));
        Assert.Equal(on, WayNames.Of("", "footway", lang, WayCase.On, towards: "Bismarckstraße"));
    }

    [Fact]
    public void The_street_a_path_runs_along_wins_over_the_park_it_lies_in_and_a_name_over_both()
    {
        Assert.Equal("the path along Hauptstraße", WayNames.Of("", "path", Translations.English, WayCase.Onto, ("Hauptstraße", "primary"), ("", GreenAreaKind.Park), "Plöck"));
        Assert.Equal("the path through the park", WayNames.Of("", "path", Translations.English, WayCase.Onto, through: ("", GreenAreaKind.Park), towards: "Plöck"));
        Assert.Equal("Philosophenweg", WayNames.Of("Philosophenweg", "path", Translations.English, WayCase.Onto, through: ("", GreenAreaKind.Park), towards: "Plöck"));
    }

    /// <summary>
    /// A footway A - B through a park, the same footway on for a shorter stretch B - C beyond it (one segment, mostly in
    /// the park), and a sidewalk C - D in the park: the footway is said with the park, the sidewalk is not (a sidewalk
    /// belongs to its street).
    /// </summary>
    [Fact]
    public void A_route_says_the_park_its_path_runs_through_but_not_of_a_sidewalk()
    {
        var builder = new GraphBuilder();
        int Vertex(long id, double lon) => builder.AddVertex(id, Coordinates.ToE7(49.41), Coordinates.ToE7(lon), default);
        int a = Vertex(1, 8.690), b = Vertex(2, 8.694), c = Vertex(3, 8.695), d = Vertex(4, 8.697);
        var footway = new EdgeClass { Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged };
        int park = builder.AddGreenArea(null, GreenAreaKind.Park);
        builder.SetGreenArea(builder.AddEdge(a, b, footway, 10, null, [], []), park);
        builder.AddEdge(b, c, footway, 10, null, [], []);
        builder.SetGreenArea(builder.AddEdge(c, d, footway with { Highway = HighwayKind.Sidewalk }, 20, null, [], []), park);
        var graph = builder.Build(new GraphMetadata { SourceFile = "hand-built", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        int Edge(long from) => Enumerable.Range(0, graph.EdgeCount).Single(e => graph.VertexOsmNodeId[graph.EdgeFrom[e]] == from);
        int vertexB = graph.VertexOsmNodeId.IndexOf(2), vertexC = graph.VertexOsmNodeId.IndexOf(3);
        var (start, end) = (new GeoPoint(49.41, 8.690), new GeoPoint(49.41, 8.697));
        var path = new SearchPath(new SnapPoint(Edge(1), 0, start, 0), new SnapPoint(Edge(3), graph.EdgeLengthCm[Edge(3)] / 100.0, end, 0),
            vertexB, [2 * Edge(2)], vertexC, 0, 0);
        var profile = CompiledProfile.Compile(graph, RouteFixture.Preset("foot"));

        var route = new RouteAssembler(graph).Assemble([path], profile, [start, end], "en");

        Assert.Equal(["Head east on the footway through the park", "Continue onto the sidewalk", "You have arrived"],
            route.Instructions.Select(i => i.Text));
    }
}
