using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Routing.Routes.Http;

namespace Routing.Api.Hosting;

/// <summary>One JSON style for requests, answers, problems and the OpenAPI document: snake_case names and enums.</summary>
internal static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // A number is a number: "49.4" in quotes is a wrong type, not a number.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        // The route path (the busiest) from source-generated metadata; every other type by reflection, as before.
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(RouteJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }
}
