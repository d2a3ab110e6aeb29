using System.Diagnostics;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Tests.Search;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Hierarchy;

/// <summary>Which profiles the router searches on the hierarchy, and that their routes are the ones ALT gives.</summary>
public sealed class PresetHierarchiesTests
{
    private static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset), name);
        return preset;
    }

    [Fact]
    public async Task Presets_search_on_the_hierarchy_once_it_is_ready_and_other_settings_do_not()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        var summary = await router.HierarchyReadyAsync();

        Assert.NotNull(summary);
        Assert.True(summary.ShortcutCount >= Heidelberg.Graph.EdgeCount, $"{summary.ShortcutCount} shortcuts");
        Assert.True(router.PresetsOnCurrentHierarchy);
        Assert.All(ProfileCatalog.Default.Presets, preset => Assert.NotNull(router.Compile(preset).Hierarchy));
        var ownLimit = new ConstraintOverrides { MaxInclineUpPct = 5 }.ApplyTo(Preset("wheelchair"));
        Assert.Null(router.Compile(ownLimit).Hierarchy);
        Assert.Equal(0, router.EarnedHierarchies);
    }

    /// <summary>
    /// A citizen's report awaiting verification changes no price: the presets keep their customization and compiled
    /// tables (no new round for every report anyone posts), and routes still warn of the new report.
    /// </summary>
    [Fact]
    public async Task A_pending_report_keeps_the_customization_and_still_warns_routes()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        await router.HierarchyReadyAsync();
        var request = new RouteRequest([new GeoPoint(49.4094, 8.6934), new GeoPoint(49.4122, 8.7101)], Preset("wheelchair"));
        var before = Assert.IsType<RouteFound>(router.Route(request)).Route;
        var compiled = router.Compile(Preset("wheelchair"));
        var onRoute = before.Geometry[before.Geometry.Count / 2];

        var pending = new ReportedBarrier(1, ReportedBarrierKind.Construction, Verified: false, new BarrierGeometry(BarrierGeometryType.Point, [onRoute]));
        var overlay = BarrierOverlay.Build(Heidelberg.Graph, [pending], router.Overlay);
        router.ReplaceOverlay(overlay);

        Assert.Equal(BarrierOverlay.Empty.CostVersion, overlay.CostVersion);
        Assert.True(router.PresetsOnCurrentHierarchy);
        Assert.Same(compiled, router.Compile(Preset("wheelchair")));
        var after = Assert.IsType<RouteFound>(router.Route(request)).Route;
        Assert.Equal(before.Geometry, after.Geometry);
        Assert.Contains(after.Warnings, w => w.Type == "unverified_barrier");

        // A verified report changes prices: a new cost version, compiled anew.
        router.ReplaceOverlay(BarrierOverlay.Build(Heidelberg.Graph, [pending with { ReportId = 2, Verified = true }], router.Overlay));
        Assert.NotEqual(overlay.CostVersion, router.Overlay.CostVersion);
        Assert.NotSame(compiled, router.Compile(Preset("wheelchair")));
    }

    [Fact]
    public async Task A_router_made_without_a_hierarchy_searches_every_profile_with_alt()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);

        Assert.Null(await router.HierarchyReadyAsync());
        Assert.False(router.PresetsOnCurrentHierarchy);
        Assert.Null(router.Compile(Preset("wheelchair")).Hierarchy);
    }

    /// <summary>
    /// Overlays arriving faster than customization (a burst of barrier writes): rounds that follow each other wait, so
    /// the overlays in between are skipped, but the newest is always customized in the end and routes on it are ALT's.
    /// </summary>
    [Fact]
    public async Task After_a_burst_of_overlays_the_newest_is_customized()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        await router.HierarchyReadyAsync();
        var random = new Random(15);
        var points = Enumerable.Range(0, 30).Select(_ => SearchTesting.RandomPoint(Heidelberg.Graph, random).Point).ToArray();
        var reports = new List<ReportedBarrier>();
        foreach (var point in points)
        {
            reports.Add(new ReportedBarrier(reports.Count + 1, ReportedBarrierKind.Construction, Verified: true,
                new BarrierGeometry(BarrierGeometryType.Point, [point])));
            router.ReplaceOverlay(BarrierOverlay.Build(Heidelberg.Graph, reports, router.Overlay));
            await Task.Delay(random.Next(0, 40));
        }
        var newest = router.Overlay;

        var clock = Stopwatch.StartNew();
        while (!router.PresetsOnCurrentHierarchy)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the newest overlay was not customized");
            await Task.Delay(10);
        }

        Assert.Same(newest, router.Overlay);
        Assert.All(ProfileCatalog.Default.Presets, preset => Assert.NotNull(router.Compile(preset).Hierarchy));
        var altRouter = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        altRouter.ReplaceOverlay(BarrierOverlay.Build(Heidelberg.Graph, reports));
        for (int i = 0; i + 1 < points.Length; i += 2)
        {
            var request = new RouteRequest([points[i], points[i + 1]], Preset("wheelchair"));
            var (onHierarchy, onAlt) = (router.Route(request), altRouter.Route(request));
            Assert.Equal(onAlt.GetType(), onHierarchy.GetType());
            if (onHierarchy is RouteFound { Route: var route } && onAlt is RouteFound { Route: var altRoute })
            {
                SearchTesting.AssertClose(altRoute.CostS, route.CostS, "the newest overlay's hierarchy against ALT");
            }
        }
    }

    [Fact]
    public async Task Settings_asked_for_often_earn_a_hierarchy_and_keep_their_routes()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        await router.HierarchyReadyAsync();
        var altRouter = new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var ownLimit = new ConstraintOverrides { MaxInclineUpPct = 5, MaxKerbCm = 2 }.ApplyTo(Preset("wheelchair"));
        var random = new Random(12);
        var requests = Enumerable.Range(0, 40).Select(_ => new RouteRequest(
            [SearchTesting.RandomPoint(Heidelberg.Graph, random).Point, SearchTesting.RandomPoint(Heidelberg.Graph, random).Point], ownLimit)).ToArray();

        for (int i = 0; i < CompiledProfileCache.PopularUses + 1; i++)
        {
            router.Route(requests[i % requests.Length]);
        }
        var clock = Stopwatch.StartNew();
        while (router.Compile(ownLimit).Hierarchy is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the popular settings were not customized");
            await Task.Delay(10);
        }

        Assert.Equal(1, router.EarnedHierarchies);
        int found = 0;
        foreach (var request in requests)
        {
            var (onHierarchy, onAlt) = (router.Route(request), altRouter.Route(request));
            Assert.Equal(onAlt.GetType(), onHierarchy.GetType());
            if (onHierarchy is RouteFound { Route: var route } && onAlt is RouteFound { Route: var altRoute })
            {
                SearchTesting.AssertClose(altRoute.CostS, route.CostS, "the earned hierarchy against ALT");
                found++;
            }
        }
        Assert.True(found >= 5, $"only {found} routes found");
    }
}
