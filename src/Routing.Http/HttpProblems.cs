using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Routing.Texts;

namespace Routing.Http;

/// <summary>
/// The problems every endpoint family answers with, made one way: a stable <see cref="ProblemTypes"/> URI, a title
/// and a detail in words, and for field errors the fields named as the request names them. A type has one title, in
/// the translation files under <c>problem_title.&lt;type&gt;</c>; the host writes it in the request's language
/// (<see cref="ProblemTexts"/>), English here stands for any answer written past it.
/// </summary>
public static class HttpProblems
{
    public static ProblemDetails Create(string type, int status, string detail) => new()
    {
        Type = type,
        Status = status,
        Title = ProblemTexts.Title(type, Translations.English),
        Detail = detail,
    };

    /// <summary>The detail is the generic one (<see cref="ProblemTexts.GenericDetail"/>), written in the request's language by the host.</summary>
    public static HttpValidationProblemDetails InvalidRequest(IDictionary<string, string[]> errors) => new(errors)
    {
        Type = ProblemTypes.InvalidRequest,
        Status = StatusCodes.Status400BadRequest,
        Title = ProblemTexts.Title(ProblemTypes.InvalidRequest, Translations.English),
    };

    public static ProblemDetails UnknownProfile(string name, IEnumerable<string> known, int status, TextLanguage language)
    {
        var knownNames = known.ToArray();
        var problem = Create(ProblemTypes.UnknownProfile, status, language.Format("problem.unknown_profile", name, string.Join(", ", knownNames)));
        problem.Extensions["profile"] = name;
        problem.Extensions["known_profiles"] = knownNames;
        return problem;
    }
}
