using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Routing.Http;

/// <summary>
/// A type serialized as one of several kinds told apart by a discriminator (<c>[JsonPolymorphic]</c>, e.g. a trip's
/// legs: walk or transit) is documented as <c>oneOf</c> its kinds, not the generator's <c>anyOf</c>: a value is exactly
/// one kind, so a client's code generator may build a closed union. Each kind's schema is an object that requires the
/// discriminator, which every answer writes.
/// </summary>
public static class DiscriminatedUnions
{
    /// <summary>
    /// Rewrites the document's components once they are all there (a document transformer): a schema transformer's
    /// kinds are not yet the references the discriminator's mapping names, and moving them to oneOf there would give
    /// them other names.
    /// </summary>
    public static OpenApiOptions AddDiscriminatedUnions(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
            foreach (var union in components.Values.OfType<OpenApiSchema>())
            {
                if (union.Discriminator?.PropertyName is not { } discriminator || union.AnyOf is not { Count: > 0 } kinds)
                {
                    continue;
                }
                union.OneOf = kinds;
                union.AnyOf = null;
                foreach (var kind in kinds.OfType<OpenApiSchemaReference>())
                {
                    if (kind.Reference.Id is { } id && components.TryGetValue(id, out var target) && target is OpenApiSchema own)
                    {
                        own.Type = JsonSchemaType.Object;
                        own.Required ??= new HashSet<string>(StringComparer.Ordinal);
                        own.Required.Add(discriminator);
                    }
                }
            }
            return Task.CompletedTask;
        });
}
