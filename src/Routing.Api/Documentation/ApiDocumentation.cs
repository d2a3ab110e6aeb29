using Microsoft.OpenApi;
using Routing.Barriers.Http;
using Routing.Routes.Http;
using Scalar.AspNetCore;

namespace Routing.Api.Documentation;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the interactive reference page (Scalar) at <c>/scalar/v1</c>;
/// <c>/</c> is the map (Routing.Web).
/// </summary>
internal static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddApiKeySecurityScheme().AddRouteSchemas().AddDiscriminatedUnions().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Accessible routing",
                Version = "v1",
                Description =
                    "Step-free routes for wheelchair users and people with walkers, pushchairs or weak legs, on OpenStreetMap data. " +
                    "Every request may set its own limits (kerb height, incline, width, surfaces, steps, unknown data). " +
                    "Planners and citizens report barriers (a broken elevator, a construction site, a missing kerb ramp ...); " +
                    "verified reports change routes within a second. Writes need an API key in the X-Api-Key header. " +
                    "JSON is snake_case; every error is application/problem+json (RFC 9457) with a stable `type` URI under " +
                    "https://routing.example/problems/ (invalid-request, unknown-profile, point-outside-area, point-not-on-network, " +
                    "no-route, not-found, method-not-allowed, internal; for barrier reports also api-key-required, api-key-invalid, " +
                    "forbidden, rate-limited, barrier-not-found, invalid-transition, location-not-on-network, api-key-not-found, " +
                    "last-admin-key).",
            };
            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapApiReferencePage(); // before Scalar's own page, which the literal path outranks
        app.MapScalarApiReference(); // Scalar's bundle and favicon under /scalar/
        return app;
    }
}
