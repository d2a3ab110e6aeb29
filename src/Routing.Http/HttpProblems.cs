using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Routing.Http;

/// <summary>
/// The problems every endpoint family answers with, made one way: a stable <see cref="ProblemTypes"/> URI, a title
/// and a detail in words, and for field errors the fields named as the request names them.
/// </summary>
public static class HttpProblems
{
    public static ProblemDetails Create(string type, int status, string title, string detail) => new()
    {
        Type = type,
        Status = status,
        Title = title,
        Detail = detail,
    };

    public static HttpValidationProblemDetails InvalidRequest(IDictionary<string, string[]> errors) => new(errors)
    {
        Type = ProblemTypes.InvalidRequest,
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid",
        Detail = "One or more fields are missing, malformed or out of range; see errors.",
    };

    public static ProblemDetails UnknownProfile(string name, IEnumerable<string> known, int status)
    {
        var knownNames = known.ToArray();
        var problem = Create(ProblemTypes.UnknownProfile, status, "Unknown profile",
            $"There is no profile '{name}'. Known profiles: {string.Join(", ", knownNames)}.");
        problem.Extensions["profile"] = name;
        problem.Extensions["known_profiles"] = knownNames;
        return problem;
    }
}
