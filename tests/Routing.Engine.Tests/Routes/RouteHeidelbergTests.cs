using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.TestSupport;
using Xunit.Abstractions;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Routes on the real city, found by the search between random points: whatever the data throws at it (bent edges,
/// snap points on vertices, every kind of fact), the assembled route holds together.
/// </summary>
public sealed class RouteHeidelbergTests(ITestOutputHelper output)
{
    private static readonly Lazy<(SnapIndex Index, PathFinder Finder)> LazySearch =
        new(() => (new SnapIndex(Heidelberg.Graph), new PathFinder(Heidelberg.Graph)));

    private static RoutingGraph CityGraph => Heidelberg.Graph;

    [Theory]
    [InlineData("wheelchair", 11)]
    [InlineData("pushchair", 12)]
    [InlineData("foot", 13)]
    public void Routes_between_random_points_are_consistent_and_step_free_where_required(string profileName, int seed)
    {
        var settings = RouteFixture.Preset(profileName);
        var strict = CompiledProfile.Compile(CityGraph, settings);
        var relaxed = CompiledProfile.Compile(CityGraph, settings, relaxed: true);
        var (index, finder) = LazySearch.Value;
        var assembler = new RouteAssembler(CityGraph);
        var mainVertices = Enumerable.Range(0, CityGraph.VertexCount).Where(v => CityGraph.VertexComponent[v] == 0).ToArray();
        var random = new Random(seed);
        int assembled = 0, explained = 0;

        for (int i = 0; i < 40; i++)
        {
            var requested = new[] { Near(mainVertices, random), Near(mainVertices, random) };
            if (index.Snap(requested[0], 50, strict).Snapped is not { } from || index.Snap(requested[1], 50, strict).Snapped is not { } to)
            {
                continue;
            }
            if (finder.Find(strict, from, to) is not { } path)
            {
                // Blocked for this profile: the least-bad path must name at least one broken limit.
                if (finder.Find(relaxed, from, to) is { } relaxedPath)
                {
                    var blockers = assembler.Explain(relaxedPath, strict, "en");
                    Assert.NotEmpty(blockers);
                    output.WriteLine($"blocked: {string.Join("; ", blockers.Select(b => b.Message))}");
                    explained++;
                }
                continue;
            }
            var route = assembler.Assemble([path], strict, requested, i % 2 == 0 ? "en" : "de");
            AssertConsistent(route, path, settings);
            Assert.Empty(assembler.Explain(path, strict, "en"));
            if (assembled++ == 0)
            {
                output.WriteLine($"{route.DistanceM:0} m, {route.DurationS:0} s, {route.Segments.Count} segments");
                route.Instructions.ToList().ForEach(x => output.WriteLine($"  {x.Type}: {x.Text} ({x.DistanceM:0} m)"));
                route.Warnings.ToList().ForEach(x => output.WriteLine($"  warning {x.Type}: {x.Message}"));
            }
        }
        output.WriteLine($"{assembled} routes, {explained} explained failures");
        // Hills put many random pairs beyond the wheeled profiles' slope limits; those are explained above instead.
        Assert.True(assembled >= 8, $"only {assembled} of 40 random pairs gave a route");
    }

    /// <summary>
    /// A least-bad path assembled with the strict profile names on its segments exactly the limits that the explanation
    /// of the same path names, each once per segment: pieces keep only whether they break a limit, and the segments ask
    /// the profile again, so this holds the two readings together.
    /// </summary>
    [Fact]
    public void Segments_of_a_least_bad_path_name_the_limits_its_explanation_names()
    {
        var settings = RouteFixture.Preset("wheelchair");
        var strict = CompiledProfile.Compile(CityGraph, settings);
        var relaxed = CompiledProfile.Compile(CityGraph, settings, relaxed: true);
        var (index, finder) = LazySearch.Value;
        var assembler = new RouteAssembler(CityGraph);
        var mainVertices = Enumerable.Range(0, CityGraph.VertexCount).Where(v => CityGraph.VertexComponent[v] == 0).ToArray();
        var random = new Random(17);
        int checkedPaths = 0;
        for (int i = 0; i < 60 && checkedPaths < 5; i++)
        {
            var requested = new[] { Near(mainVertices, random), Near(mainVertices, random) };
            if (index.Snap(requested[0], 50, strict).Snapped is not { } from || index.Snap(requested[1], 50, strict).Snapped is not { } to
                || finder.Find(strict, from, to) is not null || finder.Find(relaxed, from, to) is not { } path)
            {
                continue;
            }
            var route = assembler.Assemble([path], strict, requested, "en");
            var named = assembler.Explain(path, strict, "en").Select(b => b.Violation).ToHashSet();
            Assert.NotEmpty(named);
            Assert.Equal(named, route.Segments.SelectMany(s => s.Violations).ToHashSet());
            Assert.All(route.Segments, s => Assert.Equal(s.Violations.Count, s.Violations.Distinct().Count()));
            checkedPaths++;
        }
        Assert.True(checkedPaths >= 2, $"only {checkedPaths} of 60 random pairs were blocked for a wheelchair");
    }

    private static GeoPoint Near(int[] vertices, Random random)
    {
        int vertex = vertices[random.Next(vertices.Length)];
        return new(Coordinates.ToDegrees(CityGraph.VertexLatE7[vertex]) + ((random.NextDouble() - 0.5) * 0.0002),
            Coordinates.ToDegrees(CityGraph.VertexLonE7[vertex]) + ((random.NextDouble() - 0.5) * 0.0002));
    }

    private static void AssertConsistent(Route route, SearchPath path, ProfileSettings settings)
    {
        var geometry = route.Geometry;
        Assert.Equal(path.From.Point, geometry[0]);
        Assert.True(Distance(path.To.Point, geometry[^1]) < 0.02, "the route ends at its snapped end point");
        for (int i = 1; i < geometry.Count; i++)
        {
            Assert.NotEqual(geometry[i - 1], geometry[i]);
        }
        double polylineM = geometry.Zip(geometry.Skip(1), Distance).Sum();
        Assert.True(Math.Abs(polylineM - route.DistanceM) < 1 + (0.001 * route.DistanceM), $"geometry {polylineM} m vs distance {route.DistanceM} m");
        Assert.Equal(route.DistanceM, route.Segments.Sum(s => s.DistanceM), 6);
        Assert.Equal(route.DistanceM, route.Instructions.Sum(i => i.DistanceM), 6);
        Assert.Equal(path.CostS, route.CostS);

        if (route.Segments.Count > 0)
        {
            Assert.Equal((0, geometry.Count - 1), (route.Segments[0].FirstPoint, route.Segments[^1].LastPoint));
            Assert.Equal("depart", route.Instructions[0].Type);
        }
        for (int i = 1; i < route.Segments.Count; i++)
        {
            Assert.Equal(route.Segments[i - 1].LastPoint, route.Segments[i].FirstPoint);
        }
        Assert.Equal("arrive", route.Instructions[^1].Type);
        Assert.InRange(route.Summary.UnknownShare, 0, 1);

        if (settings.Steps == StepsPolicy.Never)
        {
            Assert.DoesNotContain(route.Segments, s => s.Steps && !s.Ramp);
        }
        if (settings.MaxKerbCm is { } maxKerb)
        {
            Assert.DoesNotContain(route.Segments, s => s.KerbAtStart?.HeightCm.Value > maxKerb);
        }
    }

    private static double Distance(GeoPoint a, GeoPoint b) => Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon);
}
