using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests;

/// <summary>
/// Issue 23's cases through the real host: absurd detours are refused or named, the climb budget holds, every limit
/// broken is named and lifting what is named gives a route.
/// </summary>
[Collection(HeidelbergApiCollection.Name)]
public sealed class RoutesAPersonCanTakeTests(HeidelbergApi api)
{
    private async Task<HttpResponseMessage> Get(string from, string to, string profile, string extra = "") =>
        await api.Client.GetAsync($"/v1/routes?from={from}&to={to}&profile={profile}{extra}");

    private static IReadOnlyList<JsonElement> Blockers(JsonElement problem) => [.. problem.GetProperty("blockers").EnumerateArray()];

    [Fact]
    public async Task The_hillside_detour_that_was_served_as_a_route_is_refused_for_its_climb_with_a_shorter_least_bad_route()
    {
        // Was: 14.5 km with 305 m of climbing for a 3.8 km walk, served as an ordinary wheelchair route.
        var problem = await (await Get("49.4169077,8.6710374", "49.4063997,8.7092296", "wheelchair")).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        var climb = Assert.Single(Blockers(problem), b => b.GetProperty("constraint").GetString() == "climb");
        Assert.Equal("max_climb_m", climb.GetProperty("request_field").GetString());
        Assert.Equal(50, climb.GetProperty("limit").GetDouble());
        var leastBad = problem.GetProperty("least_violating_route");
        Assert.Equal(Math.Ceiling(leastBad.GetProperty("ascent_m").GetDouble() - 0.05), climb.GetProperty("actual").GetDouble(), 0);
        var walking = (await (await Get("49.4169077,8.6710374", "49.4063997,8.7092296", "foot")).Json()).GetProperty("routes")[0];
        Assert.True(leastBad.GetProperty("distance_m").GetDouble() < 2 * walking.GetProperty("distance_m").GetDouble(),
            $"least-bad route {leastBad.GetProperty("distance_m")} m against {walking.GetProperty("distance_m")} m on foot");
    }

    [Fact]
    public async Task An_uphill_limit_of_3_percent_up_to_the_castle_is_a_refusal_not_a_long_climb()
    {
        // Kornmarkt -> Schlosshof: after the downhill limit was lifted, the route used to climb 117 m at up to 21 %.
        foreach (string extra in new[] { "&max_incline_up_pct=3", "&max_incline_up_pct=3&max_incline_down_pct=15" })
        {
            var response = await Get("49.412116,8.711570", "49.410532,8.715614", "wheelchair", extra);
            var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
            Assert.Contains(Blockers(problem), b => b.GetProperty("request_field").GetString() is "max_climb_m" or "max_incline_up_pct");
        }
    }

    [Fact]
    public async Task A_route_never_climbs_more_than_max_climb_m()
    {
        foreach (string budget in new[] { "5", "20" })
        {
            var response = await Get("49.4094,8.6934", "49.4122,8.7101", "walker", "&max_climb_m=" + budget);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var route = (await response.Json()).GetProperty("routes")[0];
                Assert.InRange(route.GetProperty("ascent_m").GetDouble(), 0, double.Parse(budget, CultureInfo.InvariantCulture));
                Assert.Equal(double.Parse(budget, CultureInfo.InvariantCulture), route.GetProperty("summary").GetProperty("profile").GetProperty("max_climb_m").GetDouble());
            }
            else
            {
                var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "no-route");
                Assert.Contains(Blockers(problem), b => b.GetProperty("constraint").GetString() == "climb");
            }
        }
    }

    [Fact]
    public async Task A_budget_out_of_range_is_a_field_error()
    {
        var problem = await (await Get("49.4094,8.6934", "49.4122,8.7101", "wheelchair", "&max_climb_m=-3")).Problem(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("max_climb_m", string.Join(",", problem.ErrorFields()));
    }

    [Fact]
    public async Task Lifting_every_field_a_refusal_names_gives_a_route()
    {
        // Was refused again for smoothness on the same way after the one named field was lifted.
        const string from = "49.3998453,8.7047798", to = "49.4073163,8.7175745";
        var problem = await (await Get(from, to, "wheelchair")).Problem(HttpStatusCode.UnprocessableEntity, "no-route");
        var profile = (await (await api.Client.GetAsync("/v1/profiles")).Json()).GetProperty("profiles").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "wheelchair");
        var lifts = new Dictionary<string, string>(StringComparer.Ordinal);
        var avoided = profile.GetProperty("avoid_surfaces").EnumerateArray().Select(s => s.GetString()!).ToList();
        foreach (var blocker in Blockers(problem))
        {
            string field = blocker.GetProperty("request_field").GetString() ?? throw new InvalidOperationException($"nothing lifts {blocker}");
            string? detail = blocker.GetProperty("detail").GetString();
            switch (field)
            {
                case "steps":
                    lifts[field] = "avoid";
                    break;
                case "avoid_surfaces":
                    avoided.Remove(detail!);
                    lifts[field] = string.Join(",", avoided);
                    break;
                case "min_smoothness":
                    lifts[field] = detail!; // the route below names one smoothness per way; the worst wins
                    break;
                default:
                    double actual = blocker.GetProperty("actual").GetDouble();
                    lifts[field] = (lifts.TryGetValue(field, out var before) ? Math.Max(actual, double.Parse(before, CultureInfo.InvariantCulture)) : actual)
                        .ToString(CultureInfo.InvariantCulture);
                    break;
            }
        }
        Assert.True(lifts.Count >= 2, $"one field named: {string.Join(", ", lifts.Keys)}");
        string query = string.Concat(lifts.Select(l => $"&{l.Key}={Uri.EscapeDataString(l.Value)}"));
        var response = await Get(from, to, "wheelchair", query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"lifting {query} still refused: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Every_route_says_how_far_walking_is_and_names_a_detour_with_the_walking_route_as_alternative()
    {
        var walking = (await (await Get("49.4094,8.6934", "49.4122,8.7101", "foot")).Json()).GetProperty("routes")[0];
        var route = (await (await Get("49.4094,8.6934", "49.4122,8.7101", "wheelchair")).Json()).GetProperty("routes")[0];
        Assert.Equal(walking.GetProperty("distance_m").GetDouble(), route.GetProperty("summary").GetProperty("walking_distance_m").GetDouble(), 1);
        Assert.Equal(JsonValueKind.Array, route.GetProperty("alternatives").ValueKind);
        bool isDetour = route.GetProperty("distance_m").GetDouble() > 1.5 * walking.GetProperty("distance_m").GetDouble();
        Assert.Equal(isDetour, route.GetProperty("summary").TryGetProperty("detour", out _));
    }
}
