using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Routing.Api.Tests;

/// <summary>
/// Heights, climb and terrain inclines on the Heidelberg graph, which is placed on its terrain model
/// (data/heidelberg.elevation.tif), through the real host. The old town lies at 110-125 m, the castle at about 200 m,
/// the Molkenkur at about 290 m.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed partial class ElevationApiTests(HeidelbergApi api)
{
    /// <summary>Bismarckplatz to Universitätsplatz: flat, along the valley floor.</summary>
    private const string AcrossTown = "from=49.4094,8.6934&to=49.4106,8.7059";

    /// <summary>Kornmarkt (old town) up to the Molkenkur, about 170 m higher, and back.</summary>
    private const string UpToMolkenkur = "from=49.4105,8.7105&to=49.4044,8.7155&profile=foot";
    private const string DownFromMolkenkur = "from=49.4044,8.7155&to=49.4105,8.7105&profile=foot";

    /// <summary>Kornmarkt to the castle courtyard: every way up is steeper than a manual wheelchair's limits.</summary>
    private const string ToCastleCourtyard = "from=49.4105,8.7105&to=49.4106,8.7153";

    /// <summary>RouteWarnings.SteepMinM: a steep stretch is worth a warning when longer than this.</summary>
    private const double SteepMinM = 20;

    [Theory]
    [InlineData("foot")]
    [InlineData("wheelchair")]
    public async Task A_route_across_the_old_town_has_an_elevation_profile_that_matches_its_geometry(string profile)
    {
        var route = await api.Client.GetRoute(AcrossTown + "&profile=" + profile);

        ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 140);
        // The valley floor is nearly flat: a few metres up and down, not tens.
        Assert.InRange(route.GetProperty("ascent_m").GetDouble(), 0, 30);
        Assert.InRange(route.GetProperty("descent_m").GetDouble(), 0, 30);
        // With a terrain model inclines are known almost everywhere, and the segments say where they come from.
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        Assert.Contains(segments, s => s.GetProperty("incline_pct").GetProperty("evidence").GetString() == "derived");
        Assert.All(segments.Where(s => s.GetProperty("incline_pct").GetProperty("evidence").GetString() == "derived"), s =>
        {
            Assert.Equal(JsonValueKind.Number, s.GetProperty("incline_pct").GetProperty("value").ValueKind);
            Assert.DoesNotContain("incline", s.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        });
    }

    [Fact]
    public async Task A_walk_up_to_the_molkenkur_climbs_well_over_fifty_metres()
    {
        var route = await api.Client.GetRoute(UpToMolkenkur);

        Assert.All(route.GetProperty("waypoints").EnumerateArray(), w => Assert.InRange(w.GetProperty("distance_m").GetDouble(), 0, 20));
        ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 340);
        var profile = ElevationChecks.Profile(route);
        Assert.InRange(profile[0].ElevationM, 100, 140);
        Assert.InRange(profile[^1].ElevationM, 250, 340);
        Assert.True(route.GetProperty("ascent_m").GetDouble() > 100, $"ascent {route.GetProperty("ascent_m").GetDouble()}");
        Assert.True(route.GetProperty("ascent_m").GetDouble() > route.GetProperty("descent_m").GetDouble() * 5);
        // Going up, the steep stretches are uphill: inclines are signed in the direction of travel.
        var inclines = route.GetProperty("segments").EnumerateArray()
            .Select(s => s.GetProperty("incline_pct").GetProperty("value"))
            .Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.Contains(inclines, pct => pct >= 15);
        // The model's estimates on the hillside's short edges go either way more often than its raw readings did (5 to 1).
        Assert.True(inclines.Count(pct => pct >= 10) > 3 * inclines.Count(pct => pct <= -10), string.Join(", ", inclines));
    }

    [Fact]
    public async Task Walking_the_same_way_down_swaps_ascent_and_descent_and_flips_every_incline()
    {
        var up = await api.Client.GetRoute(UpToMolkenkur);
        var down = await api.Client.GetRoute(DownFromMolkenkur);

        // Walking costs do not depend on the direction, so the way down is the way up, reversed.
        var upPoints = ElevationChecks.Coordinates(up);
        var downPoints = ElevationChecks.Coordinates(down);
        Assert.Equal(upPoints.Count, downPoints.Count);
        Assert.Equal(upPoints.AsEnumerable().Reverse().Select(c => (c[0], c[1])), downPoints.Select(c => (c[0], c[1])));

        ElevationChecks.AssertElevationsAgree(down, minElevationM: 100, maxElevationM: 340);
        Assert.InRange(down.GetProperty("ascent_m").GetDouble(), up.GetProperty("descent_m").GetDouble() - 0.2, up.GetProperty("descent_m").GetDouble() + 0.2);
        Assert.InRange(down.GetProperty("descent_m").GetDouble(), up.GetProperty("ascent_m").GetDouble() - 0.2, up.GetProperty("ascent_m").GetDouble() + 0.2);
        var upProfile = ElevationChecks.Profile(up);
        var downProfile = ElevationChecks.Profile(down);
        double lengthM = up.GetProperty("distance_m").GetDouble();
        for (int i = 0; i < downProfile.Count; i++)
        {
            var mirrored = upProfile[upProfile.Count - 1 - i];
            Assert.InRange(downProfile[i].ElevationM, mirrored.ElevationM - 0.2, mirrored.ElevationM + 0.2);
            Assert.InRange(downProfile[i].DistanceM, lengthM - mirrored.DistanceM - 0.3, lengthM - mirrored.DistanceM + 0.3);
        }
        var upInclines = up.GetProperty("segments").EnumerateArray().Select(s => Incline(s)).Reverse().Select(pct => -pct);
        var downInclines = down.GetProperty("segments").EnumerateArray().Select(s => Incline(s));
        Assert.Equal(upInclines, downInclines);
    }

    [Theory]
    [InlineData("from=49.4105,8.7105&to=49.4044,8.7155&profile=walker&max_climb_m=500", true)] // 237 m up: over a walker's budget
    [InlineData(ToCastleCourtyard + "&profile=powered_wheelchair&max_incline_up_pct=20&max_incline_down_pct=20", true)]
    [InlineData(ToCastleCourtyard + "&profile=pushchair&max_incline_up_pct=30&max_incline_down_pct=30", true)]
    [InlineData(UpToMolkenkur, false)] // foot has no incline limit, so nothing is too steep for it
    public async Task Steep_warnings_mark_each_stretch_steeper_than_half_the_limit_for_more_than_20_m(string query, bool steepExpected)
    {
        var route = await api.Client.GetRoute(query + "&language=en");

        int warnings = AssertSteepWarningsFollowTheRule(route);

        Assert.Equal(steepExpected, warnings > 0);
    }

    [Fact]
    public async Task A_route_from_a_point_to_itself_has_the_height_of_that_point()
    {
        var route = await api.Client.GetRoute("from=49.4094,8.6934&to=49.4094,8.6934&profile=foot");

        ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 140);
        Assert.Equal(0, route.GetProperty("ascent_m").GetDouble());
        Assert.Equal(2, route.GetProperty("elevation_profile").GetArrayLength());
    }

    [Fact]
    public async Task Steps_are_not_reported_as_a_steep_stretch()
    {
        // Bismarckplatz up the Sensenried steps with a pushchair (steps: avoid): 90 m of steep street, then 176 m of steps
        // at about 30 %, which today make one "steep" stretch of 266 m at 31 %.
        var route = await api.Client.GetRoute("from=49.4094,8.6934&to=49.4050,8.6950&profile=pushchair&language=en");

        Assert.Contains(route.GetProperty("segments").EnumerateArray(), s => s.GetProperty("steps").GetBoolean());
        AssertSteepWarningsFollowTheRule(route);
    }

    [Fact]
    public async Task A_wheelchair_cannot_reach_the_castle_courtyard_and_the_problem_names_the_inclines()
    {
        var response = await api.Client.GetAsync("/v1/routes?" + ToCastleCourtyard + "&profile=wheelchair&language=en");

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        Assert.Equal("wheelchair", problem.GetProperty("profile").GetString());
        Assert.Equal(0, problem.GetProperty("leg_index").GetInt32());
        var blockers = problem.GetProperty("blockers").EnumerateArray().ToList();
        var inclines = blockers.Where(b => b.GetProperty("constraint").GetString() is "incline_up" or "incline_down").ToList();
        Assert.NotEmpty(inclines);
        // Only what is measured, or what the terrain model vouches for, refuses a route.
        Assert.All(inclines, b => Assert.True(
            (b.GetProperty("evidence").GetString(), b.GetProperty("confidence").GetString()) is ("tagged", "measured") or ("derived", "high"),
            b.GetRawText()));
        // The least-bad route is there to show, and its segments name what they break: at least every blocker.
        var leastBad = problem.GetProperty("least_violating_route");
        var broken = leastBad.GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("violations").EnumerateArray())
            .Select(v => (v.GetProperty("constraint").GetString(), v.GetProperty("actual").GetDouble()))
            .ToHashSet();
        Assert.All(inclines, b => Assert.Contains((b.GetProperty("constraint").GetString(), b.GetProperty("actual").GetDouble()), broken));
        ElevationChecks.AssertElevationsAgree(leastBad, minElevationM: 100, maxElevationM: 260);
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.All(inclines, b =>
        {
            bool up = b.GetProperty("constraint").GetString() == "incline_up";
            double limit = up ? 6 : 8; // the wheelchair preset
            Assert.Equal(up ? "max_incline_up_pct" : "max_incline_down_pct", b.GetProperty("request_field").GetString());
            Assert.Equal("%", b.GetProperty("unit").GetString());
            Assert.Equal(limit, b.GetProperty("limit").GetDouble());
            Assert.True(b.GetProperty("actual").GetDouble() > limit, b.GetRawText());
            string message = b.GetProperty("message").GetString()!;
            Assert.Contains(up ? "uphill" : "downhill", message, StringComparison.Ordinal);
            Assert.Contains($"limit {limit} %", message, StringComparison.Ordinal);
            Assert.Contains(message, detail, StringComparison.Ordinal);
            Assert.True(b.GetProperty("osm_way_id").GetInt64() > 0);
            var at = b.GetProperty("location");
            Assert.InRange(Http.DistanceM(49.4106, 8.7153, at.GetProperty("lat").GetDouble(), at.GetProperty("lon").GetDouble()), 0, 5000);
        });
    }

    [Fact]
    public async Task Lifting_the_incline_limits_opens_the_way_up_to_the_castle()
    {
        // The blockers above say which fields to change; changing them must be enough. The climb of about 100 m is over a
        // manual chair's budget, so that is lifted too.
        var route = await api.Client.GetRoute(ToCastleCourtyard + "&profile=wheelchair&max_incline_up_pct=50&max_incline_down_pct=50&max_climb_m=500");

        Assert.Equal(50, route.GetProperty("summary").GetProperty("profile").GetProperty("max_incline_up_pct").GetDouble());
        ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 260);
        Assert.True(route.GetProperty("ascent_m").GetDouble() > 50, $"ascent {route.GetProperty("ascent_m").GetDouble()}");
        var inclines = route.GetProperty("segments").EnumerateArray().Select(s => Incline(s)).ToList();
        Assert.Contains(inclines, pct => pct > 6);
        Assert.All(inclines, pct => Assert.InRange(pct, -50, 50));
    }

    [Fact]
    public async Task Geojson_segments_are_three_dimensional_and_the_route_member_carries_the_climb()
    {
        var json = await api.Client.GetRoute(AcrossTown + "&profile=wheelchair");
        var geo = await (await api.Client.GetAsync("/v1/routes?" + AcrossTown + "&profile=wheelchair&format=geojson")).Json(mediaType: "application/geo+json");

        var coordinates = ElevationChecks.Coordinates(json);
        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        var features = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(segments.Count, features.Count);
        for (int i = 0; i < features.Count; i++)
        {
            var positions = features[i].GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                .Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
            Assert.All(positions, p => Assert.Equal(3, p.Length));
            int first = segments[i].GetProperty("first_point").GetInt32(), last = segments[i].GetProperty("last_point").GetInt32();
            Assert.Equal(coordinates.Skip(first).Take(last - first + 1), positions);
        }
        var member = geo.GetProperty("route");
        Assert.Equal(JsonValueKind.Number, member.GetProperty("ascent_m").ValueKind);
        Assert.Equal(json.GetProperty("ascent_m").GetDouble(), member.GetProperty("ascent_m").GetDouble());
        Assert.Equal(json.GetProperty("descent_m").GetDouble(), member.GetProperty("descent_m").GetDouble());
        Assert.Equal(json.GetProperty("elevation_profile").GetRawText(), member.GetProperty("elevation_profile").GetRawText());
    }

    [Fact]
    public async Task Every_gpx_track_point_carries_the_elevation_of_its_position()
    {
        var json = await api.Client.GetRoute(AcrossTown + "&profile=wheelchair");
        var gpx = await api.Client.GetGpx(AcrossTown + "&profile=wheelchair");

        var coordinates = ElevationChecks.Coordinates(json);
        var points = ElevationChecks.TrackPoints(gpx);
        Assert.Equal(coordinates.Count, points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var ele = Assert.Single(points[i].Elements(ElevationChecks.Gpx + "ele"));
            Assert.Equal(coordinates[i][2], ElevationChecks.ParseNumber(ele.Value));
            Assert.Equal(coordinates[i][1], ElevationChecks.ParseNumber(points[i].Attribute("lat")!.Value));
        }
    }

    private static double Incline(JsonElement segment) =>
        segment.GetProperty("incline_pct").GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : 0;

    /// <summary>
    /// Checks the steep warnings of an English route against the rule (RouteWarnings): consecutive segments steeper
    /// than half the profile's limit in the same direction form a stretch; a stretch longer than 20 m gets one warning
    /// at its first segment, naming its steepest incline and its length. Steps are not a slope (ProfileRules.Incline
    /// ignores their incline), so they are no part of a stretch. Returns the number of steep warnings.
    /// </summary>
    private static int AssertSteepWarningsFollowTheRule(JsonElement route)
    {
        var profile = route.GetProperty("summary").GetProperty("profile");
        double? upLimit = NullableNumber(profile.GetProperty("max_incline_up_pct"));
        double? downLimit = NullableNumber(profile.GetProperty("max_incline_down_pct"));
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        var coordinates = ElevationChecks.Coordinates(route);

        string? Direction(JsonElement segment)
        {
            double pct = Incline(segment);
            // Estimates with a material chance of breaking the limit get a slope_risk warning instead.
            var incline = segment.GetProperty("incline_pct");
            bool risky = incline.GetProperty("confidence").GetString() is "high" or "low"
                         && incline.GetProperty("chance_beyond_limit") is { ValueKind: JsonValueKind.Number } chance && chance.GetDouble() >= 0.5;
            if (pct == 0 || segment.GetProperty("steps").GetBoolean() || risky)
            {
                return null;
            }
            double? limit = pct > 0 ? upLimit : downLimit;
            // Half the limit, and never under 3 % (RouteWarnings.SteepFloorPct).
            return limit is { } max && Math.Abs(pct) > Math.Max(max / 2, 3) ? (pct > 0 ? "up" : "down") : null;
        }

        var stretches = new List<(int First, string Direction, double LengthM, double SteepestPct, int Count)>();
        for (int i = 0; i < segments.Count; i++)
        {
            string? direction = Direction(segments[i]);
            if (direction is null)
            {
                continue;
            }
            if (stretches.Count > 0 && stretches[^1].First + stretches[^1].Count == i && stretches[^1].Direction == direction)
            {
                var last = stretches[^1];
                stretches[^1] = last with
                {
                    LengthM = last.LengthM + segments[i].GetProperty("distance_m").GetDouble(),
                    SteepestPct = Math.Max(last.SteepestPct, Math.Abs(Incline(segments[i]))),
                    Count = last.Count + 1,
                };
            }
            else
            {
                stretches.Add((i, direction, segments[i].GetProperty("distance_m").GetDouble(), Math.Abs(Incline(segments[i])), 1));
            }
        }

        var warnings = route.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "steep").ToList();
        foreach (var warning in warnings)
        {
            int index = warning.GetProperty("segment_index").GetInt32();
            var stretch = Assert.Single(stretches, s => s.First == index);
            // Segment lengths are rounded to 0.1 m, so a stretch within rounding of 20 m may go either way.
            Assert.True(stretch.LengthM > SteepMinM - (0.05 * stretch.Count), $"steep warning on a {stretch.LengthM} m stretch");
            var match = SteepMessage().Match(warning.GetProperty("message").GetString()!);
            Assert.True(match.Success, warning.GetProperty("message").GetString());
            Assert.Equal(stretch.Direction == "up" ? "uphill" : "downhill", match.Groups["direction"].Value);
            Assert.Equal(stretch.SteepestPct, ElevationChecks.ParseNumber(match.Groups["pct"].Value));
            Assert.InRange(ElevationChecks.ParseNumber(match.Groups["m"].Value), stretch.LengthM - 1, stretch.LengthM + 1);
            // The place named is a street the stretch runs on, and a stretch on named streets names one.
            var names = segments.Skip(index).Take(stretch.Count).Select(s => s.GetProperty("name").GetString()).Where(n => !string.IsNullOrEmpty(n)).ToList();
            Assert.Equal(names.Count > 0, match.Groups["street"].Success);
            Assert.True(!match.Groups["street"].Success || names.Contains(match.Groups["street"].Value), warning.GetProperty("message").GetString());
            var at = warning.GetProperty("location");
            var start = coordinates[segments[index].GetProperty("first_point").GetInt32()];
            Assert.Equal((start[1], start[0]), (at.GetProperty("lat").GetDouble(), at.GetProperty("lon").GetDouble()));
        }
        foreach (var stretch in stretches.Where(s => s.LengthM > SteepMinM + (0.05 * s.Count)))
        {
            Assert.Contains(warnings, w => w.GetProperty("segment_index").GetInt32() == stretch.First);
        }
        return warnings.Count;
    }

    private static double? NullableNumber(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    [GeneratedRegex(@"^Steep (?<direction>uphill|downhill) stretch: (?<pct>\d+\.\d) % for (?<m>\d+) m( on (?<street>.+))?$")]
    private static partial Regex SteepMessage();
}

/// <summary>The small fixture graph has no terrain model: routes say so with nulls, not with zeros.</summary>
[Collection(FixtureApiCollection.Name)]
public sealed class FixtureElevationTests(FixtureApi api)
{
    private const string Query = "from=49.4125,8.6910&to=49.4115,8.6900&max_kerb_cm=15";

    [Fact]
    public async Task Without_a_terrain_model_a_route_has_no_climb_no_profile_and_flat_coordinates()
    {
        var route = await api.Client.GetRoute(Query);

        ElevationChecks.AssertNoElevations(route);
    }

    [Fact]
    public async Task Without_a_terrain_model_geojson_and_gpx_carry_no_heights()
    {
        var geo = await (await api.Client.GetAsync("/v1/routes?" + Query + "&format=geojson")).Json(mediaType: "application/geo+json");
        var gpx = await api.Client.GetGpx(Query);

        var member = geo.GetProperty("route");
        Assert.Equal(JsonValueKind.Null, member.GetProperty("ascent_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("descent_m").ValueKind);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("elevation_profile").ValueKind);
        Assert.All(geo.GetProperty("features").EnumerateArray(),
            f => Assert.All(f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray(), c => Assert.Equal(2, c.GetArrayLength())));
        var points = ElevationChecks.TrackPoints(gpx);
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Empty(p.Elements(ElevationChecks.Gpx + "ele")));
    }
}
