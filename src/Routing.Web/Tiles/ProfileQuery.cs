using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Routing.Engine.Profiles;

using Routing.Http;

namespace Routing.Web.Tiles;

/// <summary>
/// Reads <c>profile</c> and the route constraints from a query string, with the names and values of
/// <c>GET /v1/routes</c>. Each parameter becomes a member of a JSON object that is read into the engine's own
/// <see cref="ConstraintOverrides"/>, so a constraint the engine gains (e.g. <c>derived_incline</c>) works here
/// without a change, and a misspelt one is refused instead of silently ignored.
/// </summary>
internal static class ProfileQuery
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <param name="ignored">Parameters of the endpoint itself, not constraints.</param>
    public static (ProfileSettings? Settings, IResult? Problem) Parse(IQueryCollection query, ProfileCatalog catalog, params string[] ignored)
    {
        string name = query["profile"].ToString() is { Length: > 0 } given ? given : "wheelchair";
        if (!catalog.TryGet(name, out var preset))
        {
            return (null, TypedResults.Problem(HttpProblems.UnknownProfile(name, catalog.Presets.Select(p => p.Name), StatusCodes.Status400BadRequest)));
        }
        var body = new JsonObject();
        foreach (var (key, values) in query)
        {
            if (key == "profile" || ignored.Contains(key))
            {
                continue;
            }
            string text = values.ToString();
            body[key] = key == "avoid_surfaces"
                ? new JsonArray([.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => JsonValue.Create(s))])
                : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
        }
        ConstraintOverrides overrides;
        try
        {
            overrides = body.Deserialize<ConstraintOverrides>(Json) ?? new ConstraintOverrides();
        }
        catch (JsonException ex)
        {
            string field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "query";
            // The serializer's message names .NET types: say it in the API's words instead.
            string problem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a known parameter"
                : "has a value of the wrong type (a number, a whole number, or one of the names GET /v1/routes accepts)";
            return (null, TypedResults.Problem(HttpProblems.InvalidRequest(new Dictionary<string, string[]> { [field] = [problem] })));
        }
        var problems = overrides.Validate();
        if (problems.Count > 0)
        {
            return (null, TypedResults.Problem(HttpProblems.InvalidRequest(problems.GroupBy(p => p.Constraint).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()))));
        }
        return (overrides.ApplyTo(preset), null);
    }
}
