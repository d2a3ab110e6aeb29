using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests;

/// <summary>
/// Slope risk through the real host on the Heidelberg graph (issue 23's cases): a terrain estimate's chance of
/// breaking the user's limit prices and blocks the route, and one slope shows one value wherever it appears.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class SlopeRiskApiTests(HeidelbergApi api)
{
    /// <summary>SlopeChance.VeryLikely: from this chance a resolved estimate blocks.</summary>
    private const double VeryLikely = 0.7;

    /// <summary>SlopeChance.Material: from this chance an estimate gets a warning.</summary>
    private const double Material = 0.5;

    [Fact]
    public async Task Kornmarkt_to_the_castle_courtyard_under_a_three_percent_climb_never_climbs_a_likely_too_steep_stretch()
    {
        // The user allowed the 12 % descent the first answer named; the climb of about 70 m stays beyond 3 %.
        var response = await api.Client.GetAsync(
            "/v1/routes?from=49.412116,8.711570&to=49.410532,8.715614&profile=wheelchair&max_incline_up_pct=3&max_incline_down_pct=15&language=en");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            // A route must then be level enough: no climb that is very likely beyond 3 % over a resolved stretch.
            var route = (await response.Json()).GetProperty("routes")[0];
            Assert.All(route.GetProperty("segments").EnumerateArray(), s =>
                Assert.False(Chance(s) >= VeryLikely && Incline(s) > 0 && s.GetProperty("incline_pct").GetProperty("confidence").GetString() is "high" or "measured",
                    s.GetRawText()));
            Assert.True(route.GetProperty("ascent_m").GetDouble() < 30, $"climbs {route.GetProperty("ascent_m").GetDouble()} m");
            return;
        }
        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        // The least-violating route may break limits, but every segment says which and how likely.
        var leastBad = problem.GetProperty("least_violating_route");
        Assert.All(leastBad.GetProperty("segments").EnumerateArray().Where(s => Incline(s) > 3 && s.GetProperty("incline_pct").GetProperty("evidence").GetString() == "derived"),
            s => Assert.True(Chance(s) > 0, s.GetRawText()));
    }

    [Fact]
    public async Task An_urban_wheelchair_answer_shows_one_value_per_slope_in_blocker_segment_and_warning()
    {
        var response = await api.Client.GetAsync("/v1/routes?from=49.4019578,8.6976798&to=49.4177112,8.6771772&profile=wheelchair&language=en");

        // Refused for a resolved, very likely too steep stretch, or routed round it: either way one value per slope.
        JsonElement route;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            route = (await response.Json()).GetProperty("routes")[0];
            Assert.All(route.GetProperty("segments").EnumerateArray(), s => Assert.False(
                Chance(s) >= VeryLikely && s.GetProperty("incline_pct").GetProperty("confidence").GetString() == "high", s.GetRawText()));
        }
        else
        {
            var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
            route = problem.GetProperty("least_violating_route");
            AssertBlockersMatchTheirSegments(problem, route);
        }
        AssertWarningsMatchTheirSegments(route);
    }

    [Fact]
    public async Task The_same_urban_pair_refused_under_block_names_each_slope_with_the_value_its_segment_and_warning_show()
    {
        // Under derived_incline=block every estimate beyond the limit blocks like a tag, so the pair is refused.
        var response = await api.Client.GetAsync("/v1/routes?from=49.4019578,8.6976798&to=49.4177112,8.6771772&profile=wheelchair&derived_incline=block&language=en");

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        var route = problem.GetProperty("least_violating_route");
        AssertBlockersMatchTheirSegments(problem, route);
        AssertWarningsMatchTheirSegments(route);
    }

    /// <summary>Each slope blocker's value, evidence, confidence and chance are those of the segment that breaks the limit.</summary>
    private static void AssertBlockersMatchTheirSegments(JsonElement problem, JsonElement route)
    {
        var slopes = problem.GetProperty("blockers").EnumerateArray().Where(b => b.GetProperty("constraint").GetString() is "incline_up" or "incline_down").ToList();
        Assert.NotEmpty(slopes);
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        foreach (var blocker in slopes)
        {
            long way = blocker.GetProperty("osm_way_id").GetInt64();
            double actual = blocker.GetProperty("actual").GetDouble();
            // A way split at a kerb or crossing gives two segments that break the same limit: each shows the same value.
            var matching = segments.Where(s => s.GetProperty("osm_way_id").GetInt64() == way
                && s.GetProperty("violations").EnumerateArray().Any(v => v.GetProperty("constraint").GetString() == blocker.GetProperty("constraint").GetString()
                    && v.GetProperty("actual").GetDouble() == actual)).ToList();
            Assert.NotEmpty(matching);
            var segment = matching[0];
            var incline = segment.GetProperty("incline_pct");
            Assert.Equal(actual, Math.Abs(incline.GetProperty("value").GetDouble()));
            Assert.Equal(blocker.GetProperty("evidence").GetString(), incline.GetProperty("evidence").GetString());
            Assert.Equal(blocker.GetProperty("confidence").GetString(), incline.GetProperty("confidence").GetString());
            if (blocker.GetProperty("chance") is { ValueKind: JsonValueKind.Number } chance)
            {
                Assert.Equal(chance.GetDouble(), incline.GetProperty("chance_beyond_limit").GetDouble());
            }
            Assert.Contains(Invariant($"{actual:0.0} %"), blocker.GetProperty("message").GetString()!, StringComparison.Ordinal);
        }
    }

    /// <summary>A slope warning names the value and chance of a segment of its stretch, exactly as that segment shows them.</summary>
    private static void AssertWarningsMatchTheirSegments(JsonElement route)
    {
        var segments = route.GetProperty("segments").EnumerateArray().ToList();
        var warnings = route.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "slope_risk").ToList();
        Assert.NotEmpty(warnings);
        foreach (var warning in warnings)
        {
            int index = warning.GetProperty("segment_index").GetInt32();
            string message = warning.GetProperty("message").GetString()!;
            var stretch = segments.Skip(index).TakeWhile(s => Chance(s) >= Material && Incline(s) >= 0 == Incline(segments[index]) >= 0).ToList();
            Assert.NotEmpty(stretch);
            Assert.Contains(stretch, s => message.Contains(Invariant($"estimated {Math.Abs(Incline(s)):0} %"), StringComparison.Ordinal)
                                          && message.Contains(Invariant($"{Math.Round(Chance(s) * 100):0} % chance"), StringComparison.Ordinal));
            Assert.Contains(Invariant($"for {Math.Round(stretch.Sum(s => s.GetProperty("distance_m").GetDouble())):0} m"), message, StringComparison.Ordinal);
        }
    }

    private static double Incline(JsonElement segment) =>
        segment.GetProperty("incline_pct").GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : 0;

    private static double Chance(JsonElement segment) =>
        segment.GetProperty("incline_pct").GetProperty("chance_beyond_limit") is { ValueKind: JsonValueKind.Number } chance ? chance.GetDouble() : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
