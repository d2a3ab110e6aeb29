using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Routing.Engine;

using Routing.Http;
using Routing.Texts;

namespace Routing.Web.Tiles;

/// <summary><c>GET /v1/tiles/{z}/{x}/{y}.mvt</c>: the accessibility layer as Mapbox vector tiles, judged for a profile.</summary>
internal static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    /// <summary>Any value: the app changes it when a report changes, so the browser fetches fresh tiles.</summary>
    private const string VersionParameter = "v";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/tiles/{z:int}/{x:int}/{y:int}.mvt", GetTile)
            .WithTags("Map")
            .WithName("AccessibilityTile")
            .WithSummary("Accessibility layer as a Mapbox vector tile")
            .WithDescription(
                "Every way with its facts and `judgement` (usable, above_comfort, blocked, unknown) for `profile` and the same " +
                "constraint parameters as GET /v1/routes, decided by the rules that route (the worse direction; " +
                "`judgement_forward` and `judgement_backward` per direction). Layers: ways, steps, kerbs, elevators, barriers " +
                $"(reports in force and awaiting verification). Empty below zoom {AccessibilityTile.MinZoom}. `v` is ignored: " +
                "change it to bypass a cached tile.")
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static IResult GetTile(int z, int x, int y, HttpContext context, Router router, EdgeGrid grid)
    {
        if (z is < 0 or > AccessibilityTile.MaxZoom || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(new Dictionary<string, string[]>
            {
                ["z"] = [Phrase.FieldError("tile_zxy", AccessibilityTile.MaxZoom, z, x, y).In(RequestLanguage.OfProblem(context))],
            }));
        }
        var (settings, problem) = ProfileQuery.Parse(context.Request, router.Profiles, VersionParameter);
        if (problem is not null)
        {
            return problem;
        }
        var profile = router.Compile(settings!);
        // Reports change the tiles: a short cache keeps panning cheap and a verified report visible within seconds.
        context.Response.Headers.CacheControl = "public, max-age=5";
        return TypedResults.Bytes(AccessibilityTile.Write(z, x, y, grid, profile), ContentType);
    }
}
