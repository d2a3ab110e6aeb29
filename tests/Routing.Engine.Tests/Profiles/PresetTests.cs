using Routing.Engine.Profiles;

namespace Routing.Engine.Tests.Profiles;

public sealed class PresetTests
{
    [Fact]
    public void The_five_presets_load_with_the_values_of_accessibility_md()
    {
        Assert.Equal(["wheelchair", "powered_wheelchair", "walker", "pushchair", "foot"], ProfileCatalog.Default.Presets.Select(p => p.Name));
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        Assert.Equal((6.0, 8.0, 3, 90), (wheelchair.MaxInclineUpPct, wheelchair.MaxInclineDownPct, wheelchair.MaxKerbCm, wheelchair.MinWidthCm));
        Assert.Equal(StepsPolicy.Never, wheelchair.Steps);
        Assert.Equal(UnknownPolicy.Penalize, wheelchair.Unknown);
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        Assert.Null(foot.MaxInclineUpPct);
        Assert.Equal(StepsPolicy.Allowed, foot.Steps);
        Assert.True(ProfileCatalog.Default.TryGet("pushchair", out var pushchair));
        Assert.Equal(StepsPolicy.Avoid, pushchair.Steps);
        Assert.False(ProfileCatalog.Default.TryGet("rocket", out _));
    }

    [Fact]
    public void Overrides_change_only_what_they_name()
    {
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        var changed = new ConstraintOverrides { MaxKerbCm = 5, AvoidSurfaces = ["sett"] }.ApplyTo(wheelchair);
        Assert.Equal(5, changed.MaxKerbCm);
        Assert.Equal(["sett"], changed.AvoidSurfaces);
        Assert.Equal(wheelchair.MaxInclineUpPct, changed.MaxInclineUpPct);
        Assert.Equal(wheelchair.SpeedMps, changed.SpeedMps);
    }

    [Theory]
    [InlineData("max_incline_up_pct")]
    [InlineData("max_kerb_cm")]
    [InlineData("min_width_cm")]
    [InlineData("speed_mps")]
    [InlineData("avoid_surfaces")]
    [InlineData("min_smoothness")]
    public void Out_of_range_overrides_are_named(string field)
    {
        var bad = field switch
        {
            "max_incline_up_pct" => new ConstraintOverrides { MaxInclineUpPct = -1 },
            "max_kerb_cm" => new ConstraintOverrides { MaxKerbCm = 400 },
            "min_width_cm" => new ConstraintOverrides { MinWidthCm = -5 },
            "speed_mps" => new ConstraintOverrides { SpeedMps = double.NaN },
            "avoid_surfaces" => new ConstraintOverrides { AvoidSurfaces = ["lava"] },
            _ => new ConstraintOverrides { MinSmoothness = "silky" },
        };
        Assert.Equal(field, Assert.Single(bad.Validate()).Constraint);
        Assert.Empty(new ConstraintOverrides { MaxKerbCm = 4, AvoidSurfaces = ["sett", "concrete:plates"], MinSmoothness = "bad" }.Validate());
    }
}
