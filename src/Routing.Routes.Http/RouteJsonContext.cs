using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Routes.Http;

/// <summary>
/// Source-generated JSON metadata for the route path: the request body, the JSON and GeoJSON answers, and what a
/// refusal carries in its problem (blockers, the least-violating route). Serializing needs no reflection, and the
/// metadata is there from the first request. The host (ApiJson) puts it first in the API's resolver chain;
/// the options there (snake_case, strict numbers, enums as snake_case strings) apply as before, and these match them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RouteRequestBody))]
[JsonSerializable(typeof(RoutesResponse))]
[JsonSerializable(typeof(GeoJsonRoute))]
[JsonSerializable(typeof(RouteDto))]
[JsonSerializable(typeof(BlockerDto[]))]
[JsonSerializable(typeof(SuggestedWaypointDto[]))]
[JsonSerializable(typeof(LatLonDto))]
internal sealed partial class RouteJsonContext : JsonSerializerContext;
