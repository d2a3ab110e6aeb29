using System.Net;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Routing.BaseMap;
using Routing.TestSupport;
using VtTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace Routing.Web.Tests;

/// <summary>
/// The base map drawn from the extract: its file beside the graph (drawn when missing, refused when it cannot be
/// used), its tiles over the old town, and its names rendered in Chromium with the bundled glyphs, offline.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class BaseMapTests(WebHost host)
{
    /// <summary>Zoom 16 over the old town's Hauptstraße and its squares.</summary>
    private const string OldTown = "16/34353/22391";

    private async Task<VectorTile> TileAsync(string zxy)
    {
        var response = await host.Client.GetAsync($"/v1/basemap/{zxy}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        int[] parts = [.. zxy.Split('/').Select(int.Parse)];
        using var stream = await response.Content.ReadAsStreamAsync();
        return new MapboxTileReader().Read(stream, new VtTile(parts[1], parts[2], parts[0]));
    }

    [Fact]
    public async Task An_old_town_tile_holds_named_streets_paths_railways_squares_and_labels()
    {
        var tile = await TileAsync(OldTown);

        var streets = tile.Layers.Single(l => l.Name == "streets").Features;
        Assert.Contains(streets, f => f.Attributes.Exists("name") && (string)f.Attributes["name"] == "Hauptstraße");
        Assert.Contains(streets, f => (string)f.Attributes["class"] == "path");
        Assert.Contains(tile.Layers.Single(l => l.Name == "squares").Features, f => f.Attributes.Exists("name"));
        Assert.Contains(tile.Layers, l => l.Name == "labels");
        var city = await TileAsync("12/2147/1399");
        Assert.Contains(city.Layers, l => l.Name == "railways");
        // At a city's scale only main roads: no footways.
        Assert.DoesNotContain(city.Layers.Single(l => l.Name == "streets").Features, f => (string)f.Attributes["class"] is "path" or "minor");
    }

    [Theory]
    [InlineData("17/68702/44774")]
    [InlineData("16/70000/0")]
    public async Task Tiles_beyond_zoom_16_or_outside_the_grid_are_refused(string zxy)
    {
        var response = await host.Client.GetAsync($"/v1/basemap/{zxy}.mvt");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Glyphs_are_served_for_the_bundled_ranges_and_empty_for_others()
    {
        var latin = await host.Client.GetAsync("/app/fonts/Noto%20Sans%20Regular/0-255.pbf");
        var cyrillic = await host.Client.GetAsync("/app/fonts/Noto%20Sans%20Regular/1024-1279.pbf");
        var outside = await host.Client.GetAsync("/app/fonts/..%2F..%2Fappsettings/0-255.pbf");

        Assert.True((await latin.Content.ReadAsByteArrayAsync()).Length > 10_000);
        Assert.Equal(HttpStatusCode.OK, cyrillic.StatusCode);
        Assert.Empty(await cyrillic.Content.ReadAsByteArrayAsync());
        Assert.Empty(await outside.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void A_missing_file_is_drawn_a_truncated_or_foreign_one_refused_with_what_to_do_and_none_without_an_extract_is_empty()
    {
        using var directory = new TempDirectory();
        string osm = RepositoryPaths.Fixture("choices.osm"), other = RepositoryPaths.Fixture("accessibility.osm");
        string path = directory.File("fixture.basemap");

        var (drawn, first) = BaseMapStore.LoadOrBuild(path, osm, CancellationToken.None);
        var (read, second) = BaseMapStore.LoadOrBuild(path, osm, CancellationToken.None);
        Assert.True(first.Built);
        Assert.False(second.Built);
        Assert.Equal(drawn.Features.Count, read.Features.Count);
        Assert.Equal(drawn.Features.SelectMany(f => f.Parts.SelectMany(p => p)), read.Features.SelectMany(f => f.Parts.SelectMany(p => p)));

        // A graph shipped without its extract: the file is read as it is; without the file either, the base map is empty.
        var (alone, withoutExtract) = BaseMapStore.LoadOrBuild(path, directory.File("no-such.osm.pbf"), CancellationToken.None);
        Assert.Equal(drawn.Features.Count, alone.Features.Count);
        Assert.False(withoutExtract.Missing);
        var (empty, nothing) = BaseMapStore.LoadOrBuild(directory.File("none.basemap"), directory.File("no-such.osm.pbf"), CancellationToken.None);
        Assert.True(nothing.Missing);
        Assert.Empty(empty.Features);

        var foreign = Assert.Throws<BaseMapFileException>(() => BaseMapStore.LoadOrBuild(path, other, CancellationToken.None));
        Assert.Contains("another extract", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("Delete it", foreign.Message, StringComparison.Ordinal);

        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        var truncated = Assert.Throws<BaseMapFileException>(() => BaseMapStore.LoadOrBuild(path, osm, CancellationToken.None));
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, [.. "not a base map at all, but long enough for a header"u8]);
        var alien = Assert.Throws<BaseMapFileException>(() => BaseMapStore.LoadOrBuild(path, osm, CancellationToken.None));
        Assert.Contains("not a base map file", alien.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Street_names_render_offline_hauptstrasse_is_labelled_at_zoom_17_in_the_old_town()
    {
        await using var session = await host.NewPageAsync(probesEvaluateText: true);
        var page = session.Page;
        // Offline: anything not from the service itself fails, so a label can only come from the bundled glyphs.
        await page.Context.RouteAsync(url => !url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal), route => route.AbortAsync());
        // A route along Hauptstraße from the Marktplatz to the Universitätsplatz, so the picture shows every layer.
        await Browser.OpenAsync(page, "/?from=49.41208,8.71017&to=49.41103,8.70635&profile=wheelchair");
        await Browser.WaitForOutcomeAsync(page, "drawn");
        await Browser.JumpToAsync(page, 49.41150, 8.7082, 17);

        await page.WaitForFunctionAsync(
            "() => routingApp.map.queryRenderedFeatures({ layers: ['base-street-labels'] }).some(f => f.properties.name === 'Hauptstraße')",
            null, new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 30_000 });

        var names = await page.EvaluateAsync<string[]>(
            "() => [...new Set(routingApp.map.queryRenderedFeatures({ layers: ['base-street-labels', 'base-place-labels'] }).map(f => f.properties.name))]");
        Assert.Contains("Hauptstraße", names);
        // The accessibility layer lies above the base map's streets, the route's layers above both.
        var order = await page.EvaluateAsync<string[]>("() => routingApp.map.getStyle().layers.map(l => l.id)");
        Assert.True(Array.IndexOf(order, "base-streets") < Array.IndexOf(order, "ways-usable"));
        Assert.True(Array.IndexOf(order, "ways-usable") < Array.IndexOf(order, "route"));
        await page.EvaluateAsync("() => new Promise(resolve => { routingApp.map.once('idle', () => resolve(true)); routingApp.map.triggerRepaint(); })");
        await Browser.ScreenshotAsync(page, "basemap-old-town");
    }
}
