using System.Globalization;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// Fixed query sets (pairs of points) in benchmarks/queries/, made reproducibly from the Heidelberg graph with terrain
/// by <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-queries</c>: seeded random vertices of
/// the main network whose walking route length falls in the set's band. Fixed files keep every run, and every peer in
/// a comparison, on the same queries. Walking slows on slopes, so the terrain changes walking routes and with them
/// which pairs fall in a band: the sets belong to the graph they were made on.
/// </summary>
internal static class QuerySets
{
    public static readonly (string Name, double MinM, double MaxM, int Count)[] Bands =
    [
        ("urban-0.5-2km", 500, 2_000, 200),
        ("long-3-8km", 3_000, 8_000, 200),
        ("mixed-1-5km", 1_000, 5_000, 500),
    ];

    public static string PathOf(string name) => Path.Combine(RepositoryData.Root, "benchmarks", "queries", $"heidelberg-{name}.csv");

    public static IReadOnlyList<(GeoPoint From, GeoPoint To)> Load(string name)
    {
        var pairs = new List<(GeoPoint, GeoPoint)>();
        foreach (string line in File.ReadLines(PathOf(name)).Skip(1))
        {
            var f = line.Split(',');
            pairs.Add((new GeoPoint(Parse(f[0]), Parse(f[1])), new GeoPoint(Parse(f[2]), Parse(f[3]))));
        }
        return pairs;
    }

    public static void Make(RoutingGraph graph)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("foot", out var foot);
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf("x"))!);
        foreach (var (name, minM, maxM, count) in Bands)
        {
            var random = new Random(2026);
            var lines = new List<string> { "from_lat,from_lon,to_lat,to_lon,foot_distance_m" };
            while (lines.Count <= count)
            {
                GeoPoint a = RandomVertex(graph, random), b = RandomVertex(graph, random);
                if (router.Route(new RouteRequest([a, b], foot!)) is RouteFound { Route.DistanceM: var d } && d >= minM && d <= maxM)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a.Lat:F7},{a.Lon:F7},{b.Lat:F7},{b.Lon:F7},{d:F0}"));
                }
            }
            File.WriteAllLines(PathOf(name), lines);
            Console.WriteLine($"{PathOf(name)}: {count} pairs");
        }
    }

    /// <summary>
    /// Writes <c>heidelberg-routable-1-5km.csv</c>: the pairs of <c>mixed-1-5km</c>, in order, that have a route for every
    /// preset (the HTTP load's set, whose non-200 share must be 0). The other sets are read, never rewritten.
    /// </summary>
    public static void MakeRoutable(RoutingGraph graph)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        string[] source = File.ReadAllLines(PathOf("mixed-1-5km"));
        var pairs = Load("mixed-1-5km");
        var lines = new List<string> { source[0] };
        for (int i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            if (ProfileCatalog.Default.Presets.All(p => router.Route(new RouteRequest([a, b], p)) is RouteFound))
            {
                lines.Add(source[i + 1]);
            }
        }
        File.WriteAllLines(PathOf(RoutableSet), lines);
        Console.WriteLine($"{PathOf(RoutableSet)}: {lines.Count - 1} of {pairs.Count} pairs have a route for every preset");
    }

    public const string RoutableSet = "routable-1-5km";

    /// <summary>
    /// Trips inside the city: both ends in the built-up valley and plain (Altstadt, Bergheim, Weststadt, Südstadt,
    /// Neuenheim, Handschuhsheim, Rohrbach; not the Odenwald), 1 to 3 km on foot.
    /// </summary>
    public const string UrbanSet = "urban-1-3km";

    public static readonly BoundingBox UrbanBox = new(49.385, 8.645, 49.425, 8.715);

    /// <summary>Writes only <c>heidelberg-urban-1-3km.csv</c>: 200 seeded pairs inside <see cref="UrbanBox"/>.</summary>
    public static void MakeUrban(RoutingGraph graph) =>
        WritePairs(graph, UrbanSet, (a, b, walkingM) => Inside(a) && Inside(b) && walkingM is >= 1_000 and <= 3_000);

    /// <summary>Trips across the whole extract: both ends anywhere on the main network, at any distance.</summary>
    public const string AreaSet = "area-any";

    /// <summary>Writes only <c>heidelberg-area-any.csv</c>: 200 seeded pairs of vertices of the main network that can be walked.</summary>
    public static void MakeArea(RoutingGraph graph) => WritePairs(graph, AreaSet, (_, _, _) => true);

    /// <summary>
    /// Writes 200 seeded pairs of main-network vertices (seed 2026) that have a walking route and that
    /// <paramref name="accept"/> takes, given both ends and the walking route's length.
    /// </summary>
    private static void WritePairs(RoutingGraph graph, string name, Func<GeoPoint, GeoPoint, double, bool> accept)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("foot", out var foot);
        var random = new Random(2026);
        var lines = new List<string> { "from_lat,from_lon,to_lat,to_lon,foot_distance_m" };
        while (lines.Count <= 200)
        {
            GeoPoint a = RandomVertex(graph, random), b = RandomVertex(graph, random);
            if (router.Route(new RouteRequest([a, b], foot!)) is RouteFound { Route.DistanceM: var d } && accept(a, b, d))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a.Lat:F7},{a.Lon:F7},{b.Lat:F7},{b.Lon:F7},{d:F0}"));
            }
        }
        File.WriteAllLines(PathOf(name), lines);
        Console.WriteLine($"{PathOf(name)}: {lines.Count - 1} pairs");
    }

    /// <summary>The pairs of <see cref="UrbanSet"/> a wheelchair is refused on: the HTTP load's refusal-only run.</summary>
    public const string RefusedSet = "urban-1-3km-refused-wheelchair";

    /// <summary>
    /// Writes only <c>heidelberg-urban-1-3km-refused-wheelchair.csv</c>: the pairs of <see cref="UrbanSet"/>, in order,
    /// for which the wheelchair preset answers no-route (with its explanation and least-violating route).
    /// </summary>
    public static void MakeRefused(RoutingGraph graph)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        string[] source = File.ReadAllLines(PathOf(UrbanSet));
        var pairs = Load(UrbanSet);
        var lines = new List<string> { source[0] };
        for (int i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            if (router.Route(new RouteRequest([a, b], wheelchair!)) is NoRoute)
            {
                lines.Add(source[i + 1]);
            }
        }
        File.WriteAllLines(PathOf(RefusedSet), lines);
        Console.WriteLine($"{PathOf(RefusedSet)}: {lines.Count - 1} of {pairs.Count} pairs are refused for wheelchair");
    }

    private static bool Inside(GeoPoint p) =>
        p.Lat >= UrbanBox.MinLat && p.Lat <= UrbanBox.MaxLat && p.Lon >= UrbanBox.MinLon && p.Lon <= UrbanBox.MaxLon;

    private static GeoPoint RandomVertex(RoutingGraph graph, Random random)
    {
        while (true)
        {
            int v = random.Next(graph.VertexCount);
            if (graph.VertexComponent[v] == 0)
            {
                return new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[v]), Coordinates.ToDegrees(graph.VertexLonE7[v]));
            }
        }
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
