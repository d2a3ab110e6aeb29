using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Routing.Http;

/// <summary>Examples in the OpenAPI document, serialized as the API serializes answers, for every endpoint family.</summary>
public static class OpenApiExamples
{
    /// <summary>Shows <paramref name="example"/> (serialized as the API serializes answers) for one response of the endpoint.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int status, string contentType, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response.Content?.TryGetValue(contentType, out var media) == true)
            {
                media.Example = Serialize(example, context.ApplicationServices);
            }
            return Task.CompletedTask;
        });

    /// <summary>Shows <paramref name="example"/> as the JSON request body of the endpoint.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = Serialize(example, context.ApplicationServices);
            }
            return Task.CompletedTask;
        });

    private static System.Text.Json.Nodes.JsonNode? Serialize(object example, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToNode(example, example.GetType(), options);
    }
}
