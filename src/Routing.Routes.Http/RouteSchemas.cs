using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>
/// What the schema generator cannot see in the route DTOs: the shape of the position lists, numbers and segments, which
/// are written by converters of their own (<see cref="RouteLine"/>, <see cref="DecimalNumber"/>, <see cref="SegmentList"/>), and that every member of a fact is always written (facts are
/// structs, whose constructor the generator does not read as the list of required members), and that members a client
/// may leave out of the answer are not required.
/// </summary>
internal static class RouteSchemas
{
    public static OpenApiOptions AddRouteSchemas(this OpenApiOptions options)
    {
        // A number and the segments' array are written in place, not as components of their own.
        var referenceId = options.CreateSchemaReferenceId;
        options.CreateSchemaReferenceId = type => WrittenInPlace(Nullable.GetUnderlyingType(type.Type) ?? type.Type) ? null : referenceId(type);
        return options.AddSchemaTransformer(Transform);
    }

    private static bool WrittenInPlace(Type type) => type == typeof(DecimalNumber) || type == typeof(SegmentList);

    private static async Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        // A member left out when the client does not ask for it (written only when not null) is not required.
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.ShouldSerialize is not null)
            {
                schema.Required?.Remove(property.Name);
            }
        }
        if (type == typeof(ConstraintOverrides))
        {
            ConstraintParameters.DescribeMembers(schema);
        }
        else if (type == typeof(TextFact) || type == typeof(IntegerFact) || type == typeof(NumberFact) || type == typeof(InclineFact))
        {
            schema.Required = new HashSet<string>(schema.Properties?.Keys ?? [], StringComparer.Ordinal);
        }
        else if (type == typeof(DecimalNumber))
        {
            schema.Type = type == context.JsonTypeInfo.Type ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
        }
        else if (type == typeof(Positions))
        {
            Describe(schema, "Positions [lon, lat] in degrees (7 decimals), or [lon, lat, elevation_m] when heights are known and asked for.", 2, 3);
        }
        else if (type == typeof(ElevationPositions))
        {
            Describe(schema, "[distance_m, elevation_m] at each position of the geometry.", 2, 2);
        }
        else if (type == typeof(SegmentList))
        {
            schema.Type = type == context.JsonTypeInfo.Type ? JsonSchemaType.Array : JsonSchemaType.Array | JsonSchemaType.Null;
            schema.Items = await context.GetOrCreateSchemaAsync(typeof(SegmentDto), cancellationToken: cancellation);
        }
    }

    private static void Describe(OpenApiSchema schema, string description, int minValues, int maxValues)
    {
        if (schema.Type == JsonSchemaType.Array)
        {
            return; // described already: the generator asks once for the type and once for its nullable form
        }
        schema.Type = JsonSchemaType.Array;
        schema.Description ??= description;
        schema.Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.Number },
            MinItems = minValues,
            MaxItems = maxValues,
        };
    }
}
