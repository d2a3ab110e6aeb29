using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Routing.Barriers.Http;

/// <summary>OpenAPI for the barrier endpoints: the API-key security scheme, problem responses, examples.</summary>
public static class BarrierDocumentation
{
    public const string SecurityScheme = "ApiKey";

    /// <summary>Adds the <c>X-Api-Key</c> security scheme to the document.</summary>
    public static OpenApiOptions AddApiKeySecurityScheme(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "An API key with role reporter, planner or admin. Keys are seeded from configuration " +
                    "(Barriers:ApiKeys:N:Key, :Role, :Name) or created with POST /v1/admin/api-keys.",
            };
            return Task.CompletedTask;
        });

    /// <summary>Marks the operation as taking the API key: required, or optional (anonymous allowed).</summary>
    public static TBuilder WithApiKeySecurity<TBuilder>(this TBuilder builder, bool optional) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [],
            });
            if (optional)
            {
                operation.Security.Add(new OpenApiSecurityRequirement());
            }
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder WithBarrierProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (int status in statuses)
        {
            builder.ProducesProblem(status);
        }
        // Any barrier endpoint reads or writes the store, which may be unreachable (barrier-store-unavailable).
        return builder.ProducesProblem(StatusCodes.Status500InternalServerError).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static RouteHandlerBuilder WithBarrierExample(this RouteHandlerBuilder builder, int status, object example, string contentType = "application/json") =>
        builder.WithResponseExample(status, contentType, example);
}
