using System.Net;
using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Routes;

namespace Routing.Ors.Tests;

/// <summary>ORS's restrictions and avoidances, checked through the mapping onto the engine and through HTTP.</summary>
[Collection(OrsHostCollection.Name)]
public sealed class RestrictionTests(OrsHost host)
{
    /// <summary>The engine's route for an ORS body, through the same mapping the endpoint uses.</summary>
    private RouteOutcome Route(string profile, string body)
    {
        using var document = JsonDocument.Parse(body);
        var query = OrsRequestMapper.Map(profile, OrsRequestReader.Read(document.RootElement), host.Router.Profiles);
        return host.Router.Route(query.Request);
    }

    private static string Restricted(string coordinates, string restrictions) =>
        Body(coordinates, """{"profile_params": {"restrictions": {""" + restrictions + "}}}");

    private static string Body(string coordinates, string options) => $$"""{"coordinates": {{coordinates}}, "options": {{options}} }""";

    [Fact]
    public void A_stricter_restriction_never_gives_a_cheaper_route()
    {
        // Each chain goes from loose to strict; a stricter profile pays at least as much on every way, so between the same
        // snapped points its best route can never cost less. (Whether a route exists is not monotone: a stricter profile
        // may snap a point to another, better connected way.)
        string[][] chains =
        [
            ["\"maximum_incline\": \"any\"", "\"maximum_incline\": 15", "\"maximum_incline\": 10", "\"maximum_incline\": 6", "\"maximum_incline\": 3"],
            ["\"maximum_sloped_kerb\": \"any\"", "\"maximum_sloped_kerb\": 0.1", "\"maximum_sloped_kerb\": 0.06", "\"maximum_sloped_kerb\": 0.03"],
            ["\"surface_type\": \"grass\"", "\"surface_type\": \"gravel\"", "\"surface_type\": \"cobblestone\"", "\"surface_type\": \"cobblestone:flattened\"", "\"surface_type\": \"asphalt\""],
            ["\"smoothness_type\": \"horrible\"", "\"smoothness_type\": \"intermediate\"", "\"smoothness_type\": \"good\"", "\"smoothness_type\": \"excellent\""],
            ["\"minimum_width\": 0", "\"minimum_width\": 0.9", "\"minimum_width\": 1.5", "\"minimum_width\": 2.5"],
        ];
        int compared = 0;
        foreach (string pair in Ors.UrbanPairs(6))
        {
            foreach (var chain in chains)
            {
                Route? previous = null;
                foreach (string restriction in chain)
                {
                    if (Route("wheelchair", Restricted(pair, restriction)) is not RouteFound { Route: var route })
                    {
                        continue;
                    }
                    if (previous is not null && route.Waypoints.Select(w => w.Snapped).SequenceEqual(previous.Waypoints.Select(w => w.Snapped)))
                    {
                        compared++;
                        Assert.True(route.CostS >= previous.CostS - 1e-6, $"{restriction}: {route.CostS:0.0} s < {previous.CostS:0.0} s ({pair})");
                    }
                    previous = route;
                }
            }
        }
        Assert.True(compared >= 40, $"only {compared} comparisons");
    }

    [Fact]
    public async Task Avoid_features_steps_keeps_a_walking_route_off_steps()
    {
        // The first urban pair whose walking route takes steps.
        foreach (string pair in Ors.UrbanPairs(60))
        {
            if (Route("foot-walking", $$"""{"coordinates": {{pair}}}""") is not RouteFound plain || !plain.Route.Segments.Any(s => s.Steps && !s.Ramp))
            {
                continue;
            }
            if (Route("foot-walking", Body(pair, """{"avoid_features": ["steps"]}""")) is not RouteFound { Route: var route })
            {
                continue; // only steps lead there: a 2009, checked elsewhere
            }

            // Steps with a ramp that fits the profile stay usable (ProfileRules: the ramp is the way); plain steps do not.
            Assert.DoesNotContain(route.Segments, s => s.Steps && !s.Ramp);
            var (status, body) = await host.Post(Ors.Directions + "foot-walking",
                $$"""{"coordinates": {{pair}}, "options": {"avoid_features": ["steps"]} }""");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Math.Round(route.DistanceM, 1), body.GetProperty("routes")[0].GetProperty("summary").GetProperty("distance").GetDouble());
            return;
        }
        Assert.Fail("no urban pair's walking route takes steps");
    }

    [Fact]
    public void Minimum_width_and_maximum_sloped_kerb_are_honoured_on_every_way_and_kerb()
    {
        int routes = 0;
        foreach (string pair in Ors.UrbanPairs(8))
        {
            if (Route("wheelchair", Restricted(pair, "\"minimum_width\": 1.2, \"maximum_sloped_kerb\": 0.04")) is not RouteFound found)
            {
                continue;
            }
            routes++;
            Assert.Equal(120, found.Route.Summary.Profile.MinWidthCm);
            Assert.Equal(4, found.Route.Summary.Profile.MaxKerbCm);
            Assert.All(found.Route.Segments, s =>
            {
                Assert.True(s.WidthCm.Value is null || s.WidthCm.Value >= 120, $"{s.WidthCm.Value} cm wide on way {s.OsmWayId}");
                Assert.True(s.KerbAtStart?.HeightCm.Value is null || s.KerbAtStart.HeightCm.Value <= 4, $"kerb of {s.KerbAtStart?.HeightCm.Value} cm at {s.KerbAtStart?.OsmNodeId}");
            });
        }
        Assert.True(routes >= 3, $"only {routes} of 8 pairs have a route");
    }

    [Fact]
    public void ORS_defaults_apply_to_absent_restrictions_and_any_lifts_a_limit()
    {
        var defaults = Assert.IsType<RouteFound>(Route("wheelchair", $$"""{"coordinates": {{Ors.OldTown}}}""")).Route.Summary.Profile;
        Assert.Equal(6, defaults.MaxKerbCm);
        Assert.Equal(6, defaults.MaxInclineUpPct);
        Assert.Equal(6, defaults.MaxInclineDownPct);
        Assert.Equal("good", defaults.MinSmoothness);
        Assert.Contains("cobblestone", defaults.AvoidSurfaces);
        Assert.DoesNotContain("sett", defaults.AvoidSurfaces);
        Assert.Equal(90, defaults.MinWidthCm); // no ORS default: our wheelchair preset's

        var any = Assert.IsType<RouteFound>(Route("wheelchair", Restricted(Ors.OldTown, "\"maximum_incline\": \"any\", \"maximum_sloped_kerb\": \"any\""))).Route.Summary.Profile;
        Assert.Null(any.MaxInclineUpPct);
        Assert.Null(any.MaxKerbCm);
    }

    [Fact]
    public async Task Avoid_polygons_keep_the_route_out_of_the_area_and_the_route_stays_exact()
    {
        var plain = Assert.IsType<RouteFound>(Route("foot-walking", $$"""{"coordinates": {{Ors.OldTown}}}""")).Route;
        // A box around the middle of the plain route.
        var middle = plain.Geometry[plain.Geometry.Count / 2];
        double d = 0.0008;
        double[][] ring = [[middle.Lon - d, middle.Lat - d], [middle.Lon + d, middle.Lat - d], [middle.Lon + d, middle.Lat + d], [middle.Lon - d, middle.Lat + d], [middle.Lon - d, middle.Lat - d]];
        string polygon = JsonSerializer.Serialize(new { type = "Polygon", coordinates = new[] { ring } });

        var avoided = Assert.IsType<RouteFound>(Route("foot-walking", Body(Ors.OldTown, $$"""{"avoid_polygons": {{polygon}} }"""))).Route;
        Assert.DoesNotContain(avoided.Geometry, p => Math.Abs(p.Lon - middle.Lon) < d * 0.9 && Math.Abs(p.Lat - middle.Lat) < d * 0.9);
        Assert.True(avoided.CostS >= plain.CostS);

        string multi = JsonSerializer.Serialize(new { type = "MultiPolygon", coordinates = new[] { new[] { ring } } });
        var (status, body) = await host.Post(Ors.Directions + "foot-walking", Body(Ors.OldTown, $$"""{"avoid_polygons": {{multi}} }"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(avoided.DistanceM, body.GetProperty("routes")[0].GetProperty("summary").GetProperty("distance").GetDouble(), 0.1);

        // The shared overlay is untouched: the next plain request takes the plain route again.
        Assert.Equal(plain.CostS, Assert.IsType<RouteFound>(Route("foot-walking", $$"""{"coordinates": {{Ors.OldTown}}}""")).Route.CostS);
    }
}
