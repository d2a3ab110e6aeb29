using System.Text.RegularExpressions;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;
using Routing.TestSupport;
using Xunit.Abstractions;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Instructions on real Heidelberg trips read as a person would write them, in English and German: no step of 0 m,
/// no two steps in a row onto the same street, and no street named that the route does not take or run beside (an
/// unnamed main road is not "die Hauptstraße"; "the sidewalk along Hauptstraße" runs within a few metres of it).
/// </summary>
public sealed class InstructionHeidelbergTests(ITestOutputHelper output)
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false));

    /// <summary>Every street name of the extract, longest first, so a longer name is found before a name inside it.</summary>
    private static readonly Lazy<string[]> AllNames = new(() =>
    {
        var graph = Heidelberg.Graph;
        return [.. Enumerable.Range(0, graph.EdgeCount).Select(graph.EdgeName).Where(n => n.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];
    });

    /// <summary>How far from the route a street it is said to run along may lie: the lookup's 15 m and a margin.</summary>
    private const double BesideM = 20;

    /// <summary>Each named edge's shape and bounds, to find the streets beside a route by brute force (no engine index).</summary>
    private static readonly Lazy<(string Name, GeoPoint[] Shape, double MinLat, double MinLon, double MaxLat, double MaxLon)[]> NamedShapes = new(() =>
    {
        var graph = Heidelberg.Graph;
        var shapes = new List<(string, GeoPoint[], double, double, double, double)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            string name = graph.EdgeName(edge);
            if (name.Length == 0)
            {
                continue;
            }
            var points = new List<GeoPoint> { Vertex(graph, graph.EdgeFrom[edge]) };
            for (int i = graph.EdgeFirstShapePoint[edge]; i < graph.EdgeFirstShapePoint[edge + 1]; i++)
            {
                points.Add(new GeoPoint(Coordinates.ToDegrees(graph.ShapeLatE7[i]), Coordinates.ToDegrees(graph.ShapeLonE7[i])));
            }
            points.Add(Vertex(graph, graph.EdgeTo[edge]));
            shapes.Add((name, [.. points], points.Min(p => p.Lat), points.Min(p => p.Lon), points.Max(p => p.Lat), points.Max(p => p.Lon)));
        }
        return [.. shapes];
    });

    private static GeoPoint Vertex(RoutingGraph graph, int v) => new(Coordinates.ToDegrees(graph.VertexLatE7[v]), Coordinates.ToDegrees(graph.VertexLonE7[v]));

    /// <summary>Names of the ways within <see cref="BesideM"/> of some point of the route's line.</summary>
    private static HashSet<string> NamesBeside(Route route)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        double marginDeg = BesideM / Coordinates.MetresPerDegree * 2;
        var line = route.Geometry;
        var (minLat, maxLat) = (line.Min(p => p.Lat) - marginDeg, line.Max(p => p.Lat) + marginDeg);
        var (minLon, maxLon) = (line.Min(p => p.Lon) - marginDeg, line.Max(p => p.Lon) + marginDeg);
        foreach (var (name, shape, sMinLat, sMinLon, sMaxLat, sMaxLon) in NamedShapes.Value)
        {
            if (names.Contains(name) || sMaxLat < minLat || sMinLat > maxLat || sMaxLon < minLon || sMinLon > maxLon)
            {
                continue;
            }
            // Only the route's points near the way's own box can lie within BesideM of it (the cheap test first).
            if (line.Any(p => p.Lat >= sMinLat - marginDeg && p.Lat <= sMaxLat + marginDeg && p.Lon >= sMinLon - marginDeg && p.Lon <= sMaxLon + marginDeg
                && DistanceToM(p, shape) <= BesideM))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>Distance from a point to a polyline, in a plane tangent at the point.</summary>
    private static double DistanceToM(GeoPoint p, GeoPoint[] shape)
    {
        double lonScale = Math.Cos(p.Lat * Math.PI / 180), best = double.PositiveInfinity;
        for (int i = 0; i + 1 < shape.Length; i++)
        {
            double ax = (shape[i].Lon - p.Lon) * lonScale, ay = shape[i].Lat - p.Lat;
            double ex = ((shape[i + 1].Lon - p.Lon) * lonScale) - ax, ey = shape[i + 1].Lat - p.Lat - ay;
            double length2 = (ex * ex) + (ey * ey);
            double t = length2 > 0 ? Math.Clamp(-((ax * ex) + (ay * ey)) / length2, 0, 1) : 0;
            double cx = ax + (t * ex), cy = ay + (t * ey);
            best = Math.Min(best, Math.Sqrt((cx * cx) + (cy * cy)) * Coordinates.MetresPerDegree);
        }
        return best;
    }

    /// <summary>Seeded trips of 0.3 to 3 km between main-network vertices in the valley and plain (the urban query set's box).</summary>
    private static List<(GeoPoint From, GeoPoint To)> Trips(int seed, int count)
    {
        var graph = Heidelberg.Graph;
        var random = new Random(seed);
        var inside = Enumerable.Range(0, graph.VertexCount)
            .Where(v => graph.VertexComponent[v] == 0)
            .Select(v => new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[v]), Coordinates.ToDegrees(graph.VertexLonE7[v])))
            .Where(p => p.Lat is >= 49.385 and <= 49.425 && p.Lon is >= 8.645 and <= 8.720)
            .ToArray();
        var trips = new List<(GeoPoint, GeoPoint)>();
        while (trips.Count < count)
        {
            var (from, to) = (inside[random.Next(inside.Length)], inside[random.Next(inside.Length)]);
            double metres = Coordinates.DistanceM(from.Lat, from.Lon, to.Lat, to.Lon);
            if (metres is > 300 and < 3000)
            {
                trips.Add((from, to));
            }
        }
        return trips;
    }

    [Theory]
    [InlineData("wheelchair", "en", 31)]
    [InlineData("wheelchair", "de", 31)]
    [InlineData("foot", "de", 37)]
    [InlineData("walker", "en", 41)]
    public void Trips_read_as_a_person_would_write_them(string profile, string language, int seed)
    {
        var settings = RouteFixture.Preset(profile);
        int routes = 0, steps = 0, onto = 0, ontoUnnamed = 0, ontoAlong = 0, ontoTowards = 0;
        string along = language == "de" ? " an " : " along ";
        string towards = language == "de" ? " in Richtung " : " towards ";
        foreach (var (from, to) in Trips(seed, 40))
        {
            if (LazyRouter.Value.Route(new RouteRequest([from, to], settings, Language: language)) is not RouteFound { Route: var route })
            {
                continue;
            }
            routes++;
            steps += route.Instructions.Count;
            onto += route.Instructions.Count(i => IsOnto(i.Type));
            ontoUnnamed += route.Instructions.Count(i => IsOnto(i.Type) && i.Name is null);
            ontoAlong += route.Instructions.Count(i => IsOnto(i.Type) && i.Name is null && i.Text.Contains(along, StringComparison.Ordinal));
            ontoTowards += route.Instructions.Count(i => IsOnto(i.Type) && i.Name is null && i.Text.Contains(towards, StringComparison.Ordinal));
            string trip = $"{from} -> {to}: " + string.Join(" | ", route.Instructions.Select(i => $"{i.Text} ({i.DistanceM:0} m)"));
            if (routes <= 2)
            {
                output.WriteLine(trip);
            }
            for (int i = 0; i < route.Instructions.Count - 1; i++)
            {
                Assert.True(route.Instructions[i].DistanceM >= 1, $"a 0 m step, {trip}");
            }
            for (int i = 1; i < route.Instructions.Count; i++)
            {
                var (before, after) = (route.Instructions[i - 1], route.Instructions[i]);
                bool twiceOnto = after.Name is not null && after.Name == before.Name && IsOnto(before.Type) && IsOnto(after.Type);
                // A turn that keeps the street says so ("Turn left to stay on Plöck"): a real turn, not the same street twice.
                Assert.False(twiceOnto && !Stays(after.Text), $"two steps onto {after.Name} in a row, {trip}");
            }
            AssertNamesOnlyTheRoutesStreets(route, trip);
            if (language == "de")
            {
                Assert.DoesNotContain(route.Instructions, i => i.Text.StartsWith("Weiter auf den ", StringComparison.Ordinal) || i.Text.StartsWith("Weiter auf die ", StringComparison.Ordinal));
            }
        }
        // Not a pass mark: how many steps onto a way still name no street (README, "Instructions a person would write").
        output.WriteLine($"{routes} routes, {steps} steps, {onto} onto a way, {ontoUnnamed} of them on an unnamed way, {ontoAlong} of those naming the street it runs along, {ontoTowards} the street it leads to");
        Assert.True(ontoAlong > 0, "no unnamed way is said with the street it runs along");
        Assert.True(ontoTowards > 0, "no unnamed way is said with the street it leads to");
        Assert.True(routes >= 25, $"only {routes} of 40 trips gave a route");
    }

    /// <summary>The names of the green areas each OSM way's edges lie in.</summary>
    private static readonly Lazy<ILookup<long, string>> AreaNamesOfWays = new(() =>
    {
        var graph = Heidelberg.Graph;
        return Enumerable.Range(0, graph.EdgeCount).Where(e => graph.EdgeGreenArea[e] != GreenArea.None)
            .ToLookup(e => graph.EdgeOsmWayId[e], e => graph.Name(graph.GreenAreas[graph.EdgeGreenArea[e]].NameId));
    });

    /// <summary>
    /// Paths through Heidelberg's parks are said with the park: on foot through the Schlossgarten below the castle
    /// (named: "the footway through Schlossgarten", German with its article), and by wheelchair through the Botanischer
    /// Garten in Neuenheimer Feld (German declines its adjective). The route's other steps are checked as every trip's are.
    /// </summary>
    [Theory]
    [InlineData("foot", "en", 49.41282, 8.71831, 49.40966, 8.71719, "Turn left onto the footway through Schlossgarten")]
    [InlineData("foot", "de", 49.41282, 8.71831, 49.40966, 8.71719, "Biegen Sie links ab auf den Fußweg durch den Schlossgarten")]
    [InlineData("wheelchair", "en", 49.4175, 8.6650, 49.4140, 8.6710, "Turn right onto the footway through Botanischer Garten")]
    [InlineData("wheelchair", "de", 49.4175, 8.6650, 49.4140, 8.6710, "Biegen Sie rechts ab auf den Fußweg durch den Botanischen Garten")]
    public void A_path_through_a_park_is_said_with_the_park(string profile, string language, double fromLat, double fromLon, double toLat, double toLon, string expected)
    {
        var request = new RouteRequest([new GeoPoint(fromLat, fromLon), new GeoPoint(toLat, toLon)], RouteFixture.Preset(profile), Language: language);

        var route = Assert.IsType<RouteFound>(LazyRouter.Value.Route(request)).Route;

        string trip = string.Join(" | ", route.Instructions.Select(i => i.Text));
        output.WriteLine(trip);
        Assert.Contains(route.Instructions, i => i.Text == expected);
        AssertNamesOnlyTheRoutesStreets(route, trip);
    }

    /// <summary>Every street name in an instruction's text is the name of a way the route takes or runs beside, or of a park it runs through.</summary>
    private static void AssertNamesOnlyTheRoutesStreets(Route route, string trip)
    {
        var taken = route.Segments.Select(s => s.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        taken.UnionWith(NamesBeside(route));
        taken.UnionWith(route.Segments.SelectMany(s => AreaNamesOfWays.Value[s.OsmWayId]).Where(n => n.Length > 0));
        foreach (var instruction in route.Instructions)
        {
            // The route's own names out first: "Hauptstraße" inside "Hauptstraße Nord" is no other street.
            string text = instruction.Text;
            foreach (string name in taken.SelectMany(Forms).OrderByDescending(n => n.Length))
            {
                text = text.Replace(name, "", StringComparison.Ordinal);
            }
            // Contains first: a pattern per name and text would be compiled thousands of times per route.
            foreach (string name in AllNames.Value.Where(n => text.Contains(n, StringComparison.Ordinal)))
            {
                Assert.False(Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(name)}(?!\w)"), $"'{instruction.Text}' names {name}, which the route does not take; {trip}");
            }
        }
    }

    /// <summary>A name as written and with its leading adjective declined, as German says it ("der Alten Brücke").</summary>
    private static IEnumerable<string> Forms(string name)
    {
        yield return name;
        int space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 2)
        {
            string first = name[..space], rest = name[space..];
            yield return (first.EndsWith("er", StringComparison.Ordinal) || first.EndsWith("es", StringComparison.Ordinal) ? first[..^2] : first.TrimEnd('e')) + "en" + rest;
            yield return (first.EndsWith("er", StringComparison.Ordinal) || first.EndsWith("es", StringComparison.Ordinal) ? first[..^2] : first.TrimEnd('e')) + "e" + rest;
        }
    }

    private static bool IsOnto(string type) => type is "depart" or "continue" || type.StartsWith("turn_", StringComparison.Ordinal)
        || type.StartsWith("slight_", StringComparison.Ordinal) || type.StartsWith("sharp_", StringComparison.Ordinal);

    private static bool Stays(string text) => text.Contains("to stay on", StringComparison.Ordinal) || text.Contains("zu bleiben", StringComparison.Ordinal);
}
