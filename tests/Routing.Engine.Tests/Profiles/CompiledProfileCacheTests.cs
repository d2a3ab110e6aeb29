using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Tests.Routes;

namespace Routing.Engine.Tests.Profiles;

public sealed class CompiledProfileCacheTests
{
    private static ProfileSettings Wheelchair(double speedMps) =>
        new ConstraintOverrides { SpeedMps = speedMps }.ApplyTo(ProfileCatalog.Default.TryGet("wheelchair", out var p) ? p : throw new InvalidOperationException());

    [Fact]
    public void Settings_are_kept_from_their_second_request_on()
    {
        var cache = new CompiledProfileCache(RouteFixture.FixtureGraph);

        var first = cache.Get(Wheelchair(0.8), relaxed: false, BarrierOverlay.Empty);
        Assert.Equal(0, cache.Count); // a one-off profile is not kept
        var second = cache.Get(Wheelchair(0.8), relaxed: false, BarrierOverlay.Empty);
        var third = cache.Get(Wheelchair(0.8), relaxed: false, BarrierOverlay.Empty);

        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal(1, cache.Count);
        Assert.NotSame(third, cache.Get(Wheelchair(0.8), relaxed: true, BarrierOverlay.Empty));
    }

    [Fact]
    public void A_flood_of_distinct_settings_never_grows_the_cache_past_its_capacity()
    {
        var cache = new CompiledProfileCache(RouteFixture.FixtureGraph);

        for (int i = 0; i < (2 * CompiledProfileCache.Capacity) + 10; i++)
        {
            var settings = Wheelchair(0.5 + (i * 0.001));
            cache.Get(settings, relaxed: false, BarrierOverlay.Empty);
            cache.Get(settings, relaxed: false, BarrierOverlay.Empty);
            Assert.InRange(cache.Count, 1, CompiledProfileCache.Capacity);
        }
        cache.Clear();
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_preset_without_changes_stays_the_presets_own_settings()
    {
        Assert.True(ProfileCatalog.Default.TryGet("walker", out var walker));

        Assert.Same(walker, new ConstraintOverrides().ApplyTo(walker));
        Assert.NotSame(walker, new ConstraintOverrides { MaxKerbCm = 3 }.ApplyTo(walker));
        Assert.Equal(3, new ConstraintOverrides { MaxKerbCm = 3 }.ApplyTo(walker).MaxKerbCm);
    }

    /// <summary>The cache keys settings by value: equal settings in two objects share a profile, lists compared by content.</summary>
    [Fact]
    public void Equal_settings_in_different_objects_share_one_profile()
    {
        var cache = new CompiledProfileCache(RouteFixture.FixtureGraph);
        var a = new ConstraintOverrides { AvoidSurfaces = ["sand", "gravel"] };
        var b = new ConstraintOverrides { AvoidSurfaces = ["sand", "gravel"] };
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));

        cache.Get(a.ApplyTo(wheelchair), relaxed: false, BarrierOverlay.Empty);
        var kept = cache.Get(a.ApplyTo(wheelchair), relaxed: false, BarrierOverlay.Empty);

        Assert.Same(kept, cache.Get(b.ApplyTo(wheelchair), relaxed: false, BarrierOverlay.Empty));
        Assert.True(CompiledProfileCache.SameSettings(a.ApplyTo(wheelchair), b.ApplyTo(wheelchair)));
        Assert.False(CompiledProfileCache.SameSettings(a.ApplyTo(wheelchair), wheelchair));
    }
}
