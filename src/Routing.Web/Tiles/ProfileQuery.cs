using Microsoft.AspNetCore.Http;
using Routing.Engine.Profiles;
using Routing.Http;

namespace Routing.Web.Tiles;

/// <summary>
/// Reads <c>profile</c> and the route constraints from a tile's query string with the reader <c>GET /v1/routes</c>
/// uses (<see cref="ConstraintParameters"/>): the same names, values and messages, and a misspelt one is refused instead
/// of silently ignored.
/// </summary>
internal static class ProfileQuery
{
    /// <param name="ignored">Parameters of the endpoint itself, not constraints.</param>
    public static (ProfileSettings? Settings, IResult? Problem) Parse(HttpRequest request, ProfileCatalog catalog, params string[] ignored)
    {
        var query = request.Query;
        string name = query["profile"].ToString() is { Length: > 0 } given ? given : ProfileCatalog.DefaultPreset;
        if (!catalog.TryGet(name, out var preset))
        {
            return (null, TypedResults.Problem(HttpProblems.UnknownProfile(name, catalog.Presets.Select(p => p.Name), StatusCodes.Status400BadRequest, RequestLanguage.Of(request, null))));
        }
        var errors = new FieldErrors();
        foreach (string key in query.Keys)
        {
            if (key != "profile" && !ignored.Contains(key) && !ConstraintTable.TryGet(key, out _))
            {
                errors.AddMessage(key, "not_known_parameter");
            }
        }
        var overrides = ConstraintParameters.Read(query, errors);
        foreach (var (constraint, problem) in overrides.Validate())
        {
            errors.Add(constraint, problem);
        }
        return errors.Any
            ? (null, TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext)))))
            : (overrides.ApplyTo(preset), null);
    }
}
