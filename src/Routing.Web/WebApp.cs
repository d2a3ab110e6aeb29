using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Routing.Engine;
using Routing.Serving;
using Microsoft.Extensions.Logging;
using Routing.Web.BaseMap;
using Routing.Web.Places;
using Routing.Web.Texts;
using Routing.Web.Tiles;

namespace Routing.Web;

/// <summary>
/// The map for people: the app at <c>/</c> (files under <c>/app/</c>), its settings at <c>/app/config.json</c>,
/// the accessibility tiles and the place search. Its indexes and settings are parts of the serving graph
/// (<see cref="ServingGraphServices.AddGraphPart{T}"/>), rebuilt with every graph the service swaps in.
/// </summary>
internal static class WebApp
{
    public const string AssetPath = "/app";

    /// <summary>Where the build copies wwwroot (see Routing.Web.csproj): beside the program, so no build step serves it.</summary>
    internal static string WebRoot => Path.Combine(AppContext.BaseDirectory, "routing-web");

    /// <param name="osmPath">The extract the serving graph was built from: the base map is drawn from it when its file is missing.</param>
    public static IServiceCollection AddWebApp(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> osmPath)
    {
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        // Built with each graph before it serves (at start and on every graph swap), so no map view waits for them.
        services.AddGraphPart(part => new EdgeGrid(part.Router.Graph));
        services.AddGraphPart(part => BaseMapLayer.LoadOrBuild(part.Source.Path, osmPath(part.Services),
            part.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Routing.Web.BaseMap")));
        services.AddGraphPart(part => CreateConfig(part.Services.GetRequiredService<IOptions<MapOptions>>().Value, part.Router));
        return services;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(WebRoot),
            RequestPath = AssetPath,
            ContentTypeProvider = types,
            // The app changes with the service; a revalidation is one cheap 304 on loopback.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", () => TypedResults.PhysicalFile(Path.Combine(WebRoot, "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet(AssetPath + "/config.json", GetConfig).ExcludeFromDescription();
        app.MapTileEndpoints();
        app.MapPlaceEndpoints();
        app.MapBaseMapEndpoints();
        app.MapTranslationEndpoints();
        return app;
    }

    private static Ok<AppConfig> GetConfig(AppConfig config) => TypedResults.Ok(config);

    /// <summary>Once per graph: the settings do not change while it runs, and the centre takes a sort of every vertex.</summary>
    private static AppConfig CreateConfig(MapOptions map, Router router)
    {
        var graph = router.Graph;
        var bounds = graph.Bounds;
        return new AppConfig(
            NullIfEmpty(map.StyleUrl), NullIfEmpty(map.TileUrl), NullIfEmpty(map.Attribution),
            [bounds.MinLon, bounds.MinLat, bounds.MaxLon, bounds.MaxLat], Centre(graph),
            AccessibilityTile.MinZoom, [.. router.Profiles.Presets.Select(p => p.Name)],
            [.. Routing.Graph.Facts.FactNames.SurfaceValues.Order(StringComparer.Ordinal)], [.. Routing.Graph.Facts.FactNames.SmoothnessValues]);
    }

    /// <summary>
    /// The median vertex: where the network is densest. An extract's box centre can lie in the fields between towns
    /// (Heidelberg's is near Schwetzingen); the median lies in town.
    /// </summary>
    private static double[] Centre(Routing.Graph.RoutingGraph graph)
    {
        int[] lat = graph.VertexLatE7.ToArray(), lon = graph.VertexLonE7.ToArray();
        Array.Sort(lat);
        Array.Sort(lon);
        return [lon[lon.Length / 2] / 1e7, lat[lat.Length / 2] / 1e7];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>What the app needs to start: the base map (none when both URLs are null), the area, the profiles.</summary>
/// <param name="Bbox">[min_lon, min_lat, max_lon, max_lat] of the graph.</param>
/// <param name="Center">[lon, lat] where the map opens.</param>
/// <param name="TilesMinZoom">The accessibility layer's first zoom level.</param>
/// <param name="Surfaces">OSM surface values a request may avoid; <paramref name="Smoothness"/> from best to worst.</param>
internal sealed record AppConfig(string? StyleUrl, string? TileUrl, string? Attribution, double[] Bbox, double[] Center, int TilesMinZoom,
    IReadOnlyList<string> Profiles, IReadOnlyList<string> Surfaces, IReadOnlyList<string> Smoothness);
