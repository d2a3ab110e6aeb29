using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Routing.Ors;

/// <summary>The ORS endpoints in the OpenAPI document: their own tag, ORS's request example, answers and errors.</summary>
internal static class OrsDocumentation
{
    private const string Description =
        "openrouteservice's v2 directions API, so that ORS clients (openrouteservice-js, the Python and R clients, QGIS " +
        "plugins) work with their base URL set to `http://host/ors`. Profiles `wheelchair` and `foot-walking` (our " +
        "`wheelchair` and `foot` presets). The body is ORS's: `coordinates` as [lon, lat] (2 to 50, via points between), " +
        "`units` (m, km, mi), `language` (en, de, fr, it, tr, ua for Ukrainian as ORS names it, ar: the translation files; ORS's other languages answer in en with a warning), `geometry`, " +
        "`instructions`, `elevation`, `extra_info` (osmid, surface, smoothness, steepness, waytype, suitability, " +
        "traildifficulty), `radiuses`, `id`, and `options`: `avoid_features` (steps), `avoid_polygons` (GeoJSON Polygon or " +
        "MultiPolygon), `profile_params.restrictions` (surface_type, track_type, smoothness_type, maximum_sloped_kerb in " +
        "metres, maximum_incline in percent, minimum_width in metres, surface_quality_known, allow_unsuitable; absent ones " +
        "take ORS's documented defaults). The answer is ORS's: `routes[].summary`, `segments[].steps` with ORS's " +
        "instruction types, `way_points`, `bbox`, `geometry` as an encoded polyline (with heights ×100 as third value when " +
        "`elevation` is true), `extras` and `warnings`, and `metadata`. Errors are ORS's `{\"error\": {\"code\", \"message\"}, " +
        "\"info\"}`: 2000 unparsable JSON, 2001 missing, 2002 wrong format, 2003 wrong value or unknown profile, 2004 over a " +
        "limit, 2007 unknown format, 2011 incompatible parameters, 2012 unknown parameter (400); 2010 point not found and " +
        "2009 route not found (404); 2099 an internal error (500, details only in the log). A 2009 also carries `blockers` (what blocks, where, by how much, and the ORS " +
        "parameter that would lift it) and `least_violating_route` (an ORS route with `violations`).";

    public static RouteHandlerBuilder WithOrsDocumentation(this RouteHandlerBuilder builder, string kind)
    {
        builder.WithDescription(kind switch
            {
                "get" => "`start=lon,lat&end=lon,lat` (and `api_key`, ignored): the route as ORS's GeoJSON answer.\n\n" + Description,
                "format" => "`format` is json, geojson (a FeatureCollection) or gpx (GPX 1.1 route).\n\n" + Description,
                _ => Description,
            })
            .Produces(StatusCodes.Status200OK, kind == "get" ? typeof(OrsFeatureCollection) : typeof(OrsDirectionsResponse),
                kind == "get" ? "application/geo+json" : "application/json")
            .Produces<OrsErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<OrsErrorResponse>(StatusCodes.Status404NotFound);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (kind != "get")
            {
                // Documented here rather than with Accepts(): that would make routing refuse a body that is not
                // JSON with a 415 in our own problem format; the reader refuses it with a 415 in ORS's error shape
                // instead (OrsRequestReader), so every error stays ORS's.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = await context.GetOrCreateSchemaAsync(typeof(OrsDirectionsRequest), null, cancellationToken),
                            Example = JsonNode.Parse(WheelchairRequestExample),
                        },
                    },
                };
            }
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var json) == true)
            {
                json.Example = ResponseExampleNode();
            }
            if (operation.Responses?.TryGetValue("404", out var notFound) == true && notFound.Content?.TryGetValue("application/json", out var error) == true)
            {
                error.Example = JsonSerializer.SerializeToNode(NoRouteExample, OrsJson.Options);
            }
        });
    }

    public static RouteHandlerBuilder WithOrsAnalysisDocumentation(this RouteHandlerBuilder builder, OrsService service)
    {
        bool isochrones = service == OrsService.Isochrones;
        builder.WithDescription(isochrones
                ? "openrouteservice's isochrones over `/v1/isochrones`' analysis: `locations` ([lon, lat], 1 to 5), `range` (seconds of the " +
                  "profile's cost for range_type `time`, or a distance in `units` for `distance`; up to 10 values, 3600 s or 20 km), " +
                  "`interval`, `attributes` [\"area\"] in `area_units`, `options` as for directions (not avoid_polygons). A GeoJSON " +
                  "FeatureCollection, one Polygon or MultiPolygon per location and range with `group_index`, `value`, `center`. " +
                  "Errors in ORS's 30xx numbering."
                : "openrouteservice's matrix over `/v1/matrix`' search: `locations` ([lon, lat], 2 to 100), `sources` and " +
                  "`destinations` (indices or [\"all\"]), `metrics` (duration, distance), `units`. Each value is what directions " +
                  "would answer for the pair; null where there is no route or a point cannot be placed (its `problem` says why). " +
                  "Errors in ORS's 60xx numbering.")
            .Produces(StatusCodes.Status200OK, isochrones ? typeof(OrsIsochroneCollection) : typeof(OrsMatrixResponse),
                isochrones ? "application/geo+json" : "application/json")
            .Produces<OrsErrorResponse>(StatusCodes.Status400BadRequest);
        string example = isochrones ? IsochronesRequestExample : MatrixRequestExample;
        var type = isochrones ? typeof(OrsIsochronesRequest) : typeof(OrsMatrixRequest);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken),
                        Example = JsonNode.Parse(example),
                    },
                },
            });
    }

    private const string IsochronesRequestExample = """{"locations": [[8.6934, 49.4094]], "range": [300, 600], "attributes": ["area"]}""";

    private const string MatrixRequestExample =
        """{"locations": [[8.6934, 49.4094], [8.7101, 49.4122], [8.7098, 49.4105]], "sources": [0], "metrics": ["duration", "distance"]}""";

    /// <summary>ORS's own wheelchair options example (its routing-options documentation) on a Heidelberg route.</summary>
    public const string WheelchairRequestExample =
        """
        {"coordinates": [[8.6934, 49.4094], [8.7101, 49.4122]], "language": "de", "elevation": true,
         "extra_info": ["steepness", "surface", "waytype", "suitability"],
         "options": {"avoid_features": ["ferries", "steps"], "profile_params": {"restrictions": {"surface_type": "cobblestone:flattened",
           "track_type": "grade1", "smoothness_type": "good", "maximum_sloped_kerb": 0.06, "maximum_incline": 6}}}}
        """;

    private const string ResponseExample =
        """
        {"bbox": [8.6934, 49.4094, 114.2, 8.6944, 49.4099, 115.5],
         "routes": [{"summary": {"distance": 84.6, "duration": 97.3, "ascent": 1.3, "descent": 0},
           "segments": [{"distance": 84.6, "duration": 97.3, "ascent": 1.3, "descent": 0, "steps": [
             {"distance": 84.6, "duration": 97.3, "type": 11, "instruction": "Starten Sie Richtung Norden auf Sofienstraße", "name": "Sofienstraße", "way_points": [0, 2]},
             {"distance": 0, "duration": 0, "type": 10, "instruction": "Sie haben Ihr Ziel erreicht", "name": "-", "way_points": [2, 2]}]}],
           "bbox": [8.6934, 49.4094, 114.2, 8.6944, 49.4099, 115.5], "geometry": "", "way_points": [0, 2],
           "extras": {"steepness": {"values": [[0, 2, 1]], "summary": [{"value": 1, "distance": 84.6, "amount": 100}]}},
           "warnings": [{"code": 101, "message": "Unknown surface on 20 m", "type": "unknown_surface"}]}],
         "metadata": {"attribution": "accessible routing, openrouteservice-compatible API | © OpenStreetMap contributors", "service": "routing",
           "timestamp": 1764756000000, "query": {"coordinates": [[8.6934, 49.4094], [8.6944, 49.4099]], "profile": "wheelchair", "format": "json"},
           "engine": {"version": "1.0.0", "build_date": "2026-12-01T10:00:00.0000000+00:00", "graph_date": "2026-11-20T00:00:00.0000000+00:00"}}}
        """;

    /// <summary>The example answer with its geometry encoded by <see cref="Polyline"/>, so the example decodes to its own positions.</summary>
    private static JsonNode ResponseExampleNode()
    {
        var example = JsonNode.Parse(ResponseExample)!;
        example["routes"]![0]!["geometry"] = Polyline.Encode([[8.6934, 49.4094, 114.2], [8.6939, 49.4095, 114.6], [8.6944, 49.4099, 115.5]], withElevation: true);
        return example;
    }

    private static OrsErrorResponse NoRouteExample { get; } = new(
        new OrsError(OrsErrorCodes.RouteNotFound,
            "Route could not be found - Unable to find a route between points 0 (8.7092000 49.4108000) and 1 (8.7155000 49.4106000). Blocked by: incline 12.0 % downhill on Schloßberg, limit 6 %."),
        new OrsErrorInfo(new OrsEngine("1.0.0", "2026-12-01T10:00:00.0000000+00:00", "2026-11-20T00:00:00.0000000+00:00"), 1764756000000),
        [new OrsBlocker("incline_down", "incline 12.0 % downhill on Schloßberg, limit 6 %", 12, 6, "%", [8.713796, 49.409344],
            26989728, null, "tagged", "options.profile_params.restrictions.maximum_incline", null)]);
}
