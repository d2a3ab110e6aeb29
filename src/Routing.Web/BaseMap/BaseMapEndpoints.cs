using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Routing.BaseMap;
using Routing.Web.Tiles;

using Routing.Http;

namespace Routing.Web.BaseMap;

/// <summary>
/// <c>GET /v1/basemap/{z}/{x}/{y}.mvt</c>, the base map's vector tiles, and the glyph ranges its labels need that the
/// app's labels need. Glyphs: the ranges bundled under wwwroot/fonts (Latin, Latin Extended-A, punctuation of Noto
/// Sans, see its OFL.txt), and an empty range for any other (MapLibre then draws the characters it has instead of
/// failing the label).
/// </summary>
internal static partial class BaseMapEndpoints
{
    public const string GlyphPath = WebApp.AssetPath + "/fonts/{fontstack}/{range}.pbf";

    public static IEndpointRouteBuilder MapBaseMapEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/basemap/{z:int}/{x:int}/{y:int}.mvt", GetTile)
            .WithTags("Map")
            .WithName("BaseMapTile")
            .WithSummary("Base map as a Mapbox vector tile")
            .WithDescription(
                "The base map drawn from the service's OSM extract, for maps without a tile server. Layers (each feature with " +
                "`class` and, when named, `name`): green (wood, park, pitch), water, squares (pedestrian), buildings, waterways " +
                "(river, stream), railways (rail, tram, funicular), streets (major, medium, minor, pedestrian, service, track, " +
                $"path, steps), labels (squares, stops, stations, sights, parks: `class` is the place kind). Zoom 0 to {BaseTiles.MaxZoom}; " +
                "streets from 12 (main roads) or 14, paths and buildings from 15.")
            .Produces(StatusCodes.Status200OK, contentType: TileEndpoints.ContentType)
            .ProducesValidationProblem();
        routes.MapGet(GlyphPath, GetGlyphs).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Only bundled font names and numeric ranges reach the file system: nothing else is a path.</summary>
    public static IResult GetGlyphs(string fontstack, string range, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        string path = Path.Combine(WebApp.WebRoot, "fonts", fontstack, range + ".pbf");
        return GlyphRange().IsMatch(range) && FontNames.Contains(fontstack) && File.Exists(path)
            ? TypedResults.PhysicalFile(path, GlyphContentType)
            : TypedResults.Bytes([], GlyphContentType);
    }

    private const string GlyphContentType = "application/x-protobuf";

    private static readonly HashSet<string> FontNames = ["Noto Sans Regular", "Noto Sans Medium"];

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{1,5}-[0-9]{1,5}$")]
    private static partial System.Text.RegularExpressions.Regex GlyphRange();

    public static IResult GetTile(int z, int x, int y, HttpContext context, BaseMapLayer baseMap)
    {
        if (z is < 0 or > BaseTiles.MaxZoom || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(new Dictionary<string, string[]>
            {
                ["z"] = [$"zoom must be 0 to {BaseTiles.MaxZoom}, and x and y 0 to 2^z - 1; was {z}/{x}/{y}"],
            }));
        }
        // The base map changes only with the graph it belongs to: an hour keeps panning free.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(baseMap.Tiles.Tile(z, x, y), TileEndpoints.ContentType);
    }
}
