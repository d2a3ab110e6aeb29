using System.Net;
using System.Text.Json;

namespace Routing.Api.Tests;

[Collection(FixtureApiCollection.Name)]
public sealed class ProfileTests(FixtureApi api)
{
    [Fact]
    public async Task The_list_has_the_five_presets()
    {
        var body = await (await api.Client.GetAsync("/v1/profiles")).Json();

        var names = body.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["wheelchair", "powered_wheelchair", "walker", "pushchair", "foot"], names);
    }

    [Fact]
    public async Task Every_preset_shows_every_value_in_snake_case()
    {
        var body = await (await api.Client.GetAsync("/v1/profiles")).Json();

        string[] fields =
        [
            "name", "description", "wheeled", "uses_wheelchair", "speed_mps", "max_incline_up_pct", "max_incline_down_pct",
            "max_kerb_cm", "min_width_cm", "avoid_surfaces", "min_smoothness", "steps", "unknown", "derived_incline",
            "max_climb_m", "climb_equivalent_m", "steep_descent_equivalent_m",
        ];
        foreach (var profile in body.GetProperty("profiles").EnumerateArray())
        {
            Assert.Equal(fields.Order(), profile.EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task The_wheelchair_preset_has_its_limits()
    {
        var wheelchair = await (await api.Client.GetAsync("/v1/profiles/wheelchair")).Json();

        Assert.Equal(3, wheelchair.GetProperty("max_kerb_cm").GetInt32());
        Assert.Equal(6, wheelchair.GetProperty("max_incline_up_pct").GetDouble());
        Assert.Equal(8, wheelchair.GetProperty("max_incline_down_pct").GetDouble());
        Assert.Equal(90, wheelchair.GetProperty("min_width_cm").GetInt32());
        Assert.Equal("never", wheelchair.GetProperty("steps").GetString());
        Assert.Equal("penalize", wheelchair.GetProperty("unknown").GetString());
        Assert.Equal("intermediate", wheelchair.GetProperty("min_smoothness").GetString());
        Assert.True(wheelchair.GetProperty("uses_wheelchair").GetBoolean());
        Assert.Contains("gravel", wheelchair.GetProperty("avoid_surfaces").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_foot_preset_has_no_limits_and_allows_steps()
    {
        var foot = await (await api.Client.GetAsync("/v1/profiles/foot")).Json();

        Assert.Equal(JsonValueKind.Null, foot.GetProperty("max_kerb_cm").ValueKind);
        Assert.Equal(JsonValueKind.Null, foot.GetProperty("max_incline_up_pct").ValueKind);
        Assert.Equal("allowed", foot.GetProperty("steps").GetString());
        Assert.Equal(0, foot.GetProperty("avoid_surfaces").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_profile_is_404_unknown_profile_listing_the_known_ones()
    {
        var problem = await (await api.Client.GetAsync("/v1/profiles/rollerblades")).Problem(HttpStatusCode.NotFound, "unknown-profile");

        Assert.Equal("rollerblades", problem.GetProperty("profile").GetString());
        Assert.Equal(5, problem.GetProperty("known_profiles").GetArrayLength());
        Assert.Contains("wheelchair", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
