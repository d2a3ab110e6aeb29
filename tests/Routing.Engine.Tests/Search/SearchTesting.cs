using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Search;

/// <summary>The Heidelberg path finder (landmarks computed once per test run), random snap points and an independent path check.</summary>
internal static class SearchTesting
{
    private static readonly Lazy<PathFinder> LazyHeidelberg = new(() => new PathFinder(Heidelberg.Graph));

    public static PathFinder HeidelbergFinder => LazyHeidelberg.Value;

    /// <param name="derivedIncline">Overrides the preset's policy for uncertain terrain slopes.</param>
    public static CompiledProfile Profile(RoutingGraph graph, string name, bool relaxed = false, DerivedInclinePolicy? derivedIncline = null,
        double? maxInclinePct = null)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var settings), name);
        var overrides = new ConstraintOverrides { DerivedIncline = derivedIncline, MaxInclineUpPct = maxInclinePct, MaxInclineDownPct = maxInclinePct };
        return CompiledProfile.Compile(graph, overrides.ApplyTo(settings), relaxed);
    }

    /// <summary>A point on a random edge of the largest component, at a random offset.</summary>
    public static SnapPoint RandomPoint(RoutingGraph graph, Random random)
    {
        while (true)
        {
            int edge = random.Next(graph.EdgeCount);
            if (graph.VertexComponent[graph.EdgeFrom[edge]] == 0)
            {
                return At(graph, edge, random.NextDouble() * graph.EdgeLengthCm[edge] / 100.0);
            }
        }
    }

    /// <summary>
    /// Seeded random pairs of the largest component: half across the whole of it, half within a walk of 2 km (the short
    /// trips most requests are, where start and end edges are close, shared or neighbours).
    /// </summary>
    public static (SnapPoint From, SnapPoint To)[] RandomPairs(RoutingGraph graph, Random random, int count)
    {
        var pairs = new (SnapPoint From, SnapPoint To)[count];
        for (int i = 0; i < pairs.Length; i++)
        {
            var from = RandomPoint(graph, random);
            var to = RandomPoint(graph, random);
            while (i % 2 == 1 && StraightLineM(from, to) > 2000)
            {
                to = RandomPoint(graph, random);
            }
            pairs[i] = (from, to);
        }
        return pairs;
    }

    /// <summary>
    /// A snap point; its geographic point is interpolated between the edge's ends (the search reads only the edge and
    /// the offset, the rest is for the straight-line distances tests sort pairs by).
    /// </summary>
    public static SnapPoint At(RoutingGraph graph, int edge, double offsetM)
    {
        int a = graph.EdgeFrom[edge], b = graph.EdgeTo[edge];
        double lengthM = graph.EdgeLengthCm[edge] / 100.0;
        double share = lengthM > 0 ? offsetM / lengthM : 0;
        double lat = (graph.VertexLatE7[a] + (share * (graph.VertexLatE7[b] - graph.VertexLatE7[a]))) / 1e7;
        double lon = (graph.VertexLonE7[a] + (share * (graph.VertexLonE7[b] - graph.VertexLonE7[a]))) / 1e7;
        return new SnapPoint(edge, offsetM, new GeoPoint(lat, lon), 0);
    }

    /// <summary>Great-circle distance between two snap points, roughly (equirectangular; fine within a city).</summary>
    public static double StraightLineM(SnapPoint a, SnapPoint b)
    {
        const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;
        double dLat = (b.Point.Lat - a.Point.Lat) * MetresPerDegree;
        double dLon = (b.Point.Lon - a.Point.Lon) * MetresPerDegree * Math.Cos(a.Point.Lat * Math.PI / 180);
        return Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }

    /// <summary>
    /// Checks that a path is connected from its start point to its end point and returns its cost summed again by the
    /// definition (written out here from the specification, not taken from the engine), +infinity when a part is blocked.
    /// Classes are read through the profile, which hands out a barrier overlay's classes when it was compiled with one.
    /// </summary>
    public static double CheckedCost(RoutingGraph graph, CompiledProfile profile, SearchPath path)
    {
        int e = path.From.Edge, f = path.To.Edge;
        double lengthE = graph.EdgeLengthCm[e] / 100.0, lengthF = graph.EdgeLengthCm[f] / 100.0;
        double x = path.From.OffsetM, y = path.To.OffsetM;
        if (path.StaysOnOneEdge)
        {
            Assert.Equal(e, f);
            Assert.Empty(path.Arcs);
            Assert.Equal(-1, path.LastVertex);
            return y >= x ? profile.PartialEdgeCost(graph, e, false, y - x) : profile.PartialEdgeCost(graph, e, true, x - y);
        }

        int first = path.FirstVertex;
        Assert.True(first == graph.EdgeFrom[e] || first == graph.EdgeTo[e], $"first vertex {first} is not an end of the start edge {e}");
        double cost = first == graph.EdgeTo[e]
            ? profile.PartialEdgeCost(graph, e, false, lengthE - x)
            : profile.PartialEdgeCost(graph, e, true, x);
        cost += profile.NodeCost[profile.VertexNodeClasses[first]];

        int at = first;
        foreach (int arc in path.Arcs)
        {
            int edge = arc >> 1;
            int tail = (arc & 1) == 0 ? graph.EdgeFrom[edge] : graph.EdgeTo[edge];
            int head = (arc & 1) == 0 ? graph.EdgeTo[edge] : graph.EdgeFrom[edge];
            Assert.True(tail == at, $"arc {arc} starts at {tail}, but the path is at {at}");
            int kind = (2 * profile.EdgeClassIds[edge]) + (arc & 1);
            cost += (graph.EdgeLengthCm[edge] / 100.0 * profile.ArcCostPerMetre[kind]) + profile.ArcFixedCost[kind]
                    + profile.NodeCost[profile.VertexNodeClasses[head]];
            at = head;
        }

        int last = path.LastVertex;
        Assert.Equal(at, last);
        Assert.True(last == graph.EdgeFrom[f] || last == graph.EdgeTo[f], $"last vertex {last} is not an end of the end edge {f}");
        cost += last == graph.EdgeFrom[f]
            ? profile.PartialEdgeCost(graph, f, false, y)
            : profile.PartialEdgeCost(graph, f, true, lengthF - y);
        return cost;
    }

    /// <summary>
    /// Searches every pair with <paramref name="finder"/> (as the profile searches: ALT, or its hierarchy) and with
    /// plain Dijkstra, on both cores at once so that pooled search state must keep parallel requests apart: both find a
    /// path or neither, of the same cost, each summing to its cost by the definition, between the requested points.
    /// Returns how many pairs connect.
    /// </summary>
    public static int AssertSameAsDijkstra(PathFinder finder, CompiledProfile profile, (SnapPoint From, SnapPoint To)[] pairs, string search)
    {
        var graph = finder.Graph;
        var found = new SearchPath?[pairs.Length];
        var dijkstra = new SearchPath?[pairs.Length];
        Parallel.For(0, pairs.Length, i =>
        {
            found[i] = finder.Find(profile, pairs[i].From, pairs[i].To);
            dijkstra[i] = finder.FindWithDijkstra(profile, pairs[i].From, pairs[i].To);
        });
        int connected = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            string pair = $"pair {i} ({pairs[i].From.Edge}@{pairs[i].From.OffsetM:F1} m -> {pairs[i].To.Edge}@{pairs[i].To.OffsetM:F1} m)";
            Assert.True((found[i] is null) == (dijkstra[i] is null), $"{pair}: {search} {found[i]?.CostS}, Dijkstra {dijkstra[i]?.CostS}");
            if (found[i] is not { } f || dijkstra[i] is not { } d)
            {
                continue;
            }
            connected++;
            AssertClose(d.CostS, f.CostS, $"{pair}: {search} against Dijkstra");
            AssertClose(f.CostS, CheckedCost(graph, profile, f), $"{pair}: {search} path summed again");
            AssertClose(d.CostS, CheckedCost(graph, profile, d), $"{pair}: Dijkstra path summed again");
            Assert.Equal(pairs[i].From, f.From);
            Assert.Equal(pairs[i].To, f.To);
        }
        return connected;
    }

    public static void AssertClose(double expected, double actual, string because) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{because}: expected {expected:R}, got {actual:R}");
}
