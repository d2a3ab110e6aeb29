using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Engine.Profiles;

namespace Routing.Http;

/// <summary>
/// The constraints of <see cref="ConstraintTable"/> as every door reads and documents them: in a query string (GET
/// routes, tiles, the app's links) by their API names, and in the OpenAPI document as query parameters or as the
/// members of a body's <c>constraints</c> object, each with its row's description and range.
/// </summary>
public static class ConstraintParameters
{
    /// <summary>The constraints among a query's parameters; each malformed one is a field error under its name.</summary>
    public static ConstraintOverrides Read(IQueryCollection query, FieldErrors errors)
    {
        var (overrides, problems) = ConstraintTable.Read(query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())));
        foreach (var (name, problem) in problems)
        {
            errors.Add(name, problem);
        }
        return overrides;
    }

    /// <summary>Whether the query names any constraint.</summary>
    public static bool AnyIn(IQueryCollection query) => query.Keys.Any(key => ConstraintTable.TryGet(key, out _));

    /// <summary>Documents every row as an optional query parameter of the operation.</summary>
    public static TBuilder WithConstraintParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var row in ConstraintTable.Rows)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = row.Name,
                    In = ParameterLocation.Query,
                    Description = row.Kind == ConstraintKind.Surfaces ? row.Description + " Comma-separated in a query." : row.Description,
                    Schema = QuerySchema(row),
                });
            }
            return Task.CompletedTask;
        });

    /// <summary>Sets the description and range of each member of the <c>constraints</c> object's schema from its row.</summary>
    public static void DescribeMembers(OpenApiSchema schema)
    {
        foreach (var (name, member) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (ConstraintTable.TryGet(name, out var row) && member is OpenApiSchema own)
            {
                own.Description = row.Description;
                if (row.Kind is ConstraintKind.Number or ConstraintKind.WholeNumber)
                {
                    own.Minimum = Text(row.Min);
                    own.Maximum = Text(row.Max);
                }
            }
        }
    }

    private static OpenApiSchema QuerySchema(ConstraintRow row) => row.Kind switch
    {
        ConstraintKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = Text(row.Min), Maximum = Text(row.Max) },
        ConstraintKind.WholeNumber => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = Text(row.Min), Maximum = Text(row.Max) },
        ConstraintKind.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. row.Choices.Select(c => (System.Text.Json.Nodes.JsonNode)c)] },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
