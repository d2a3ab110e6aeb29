using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Routing.Web;

/// <summary>
/// The problems the app's endpoints answer with: the API's own stable types (same URIs as
/// <c>Routing.Api.Problems.ProblemTypes</c>), so that a client branches on one vocabulary.
/// </summary>
internal static class WebProblems
{
    private const string Base = "https://routing.example/problems/";
    public const string InvalidRequest = Base + "invalid-request";
    public const string UnknownProfileType = Base + "unknown-profile";

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, detail: "One or more fields are missing, malformed or out of range; see errors.", title: "The request is invalid",
        type: InvalidRequest);

    public static ProblemHttpResult UnknownProfile(string name, IEnumerable<string> known)
    {
        var names = known.ToArray();
        return TypedResults.Problem(
            detail: $"There is no profile '{name}'. Known profiles: {string.Join(", ", names)}.", statusCode: StatusCodes.Status400BadRequest,
            title: "Unknown profile", type: UnknownProfileType,
            extensions: new Dictionary<string, object?> { ["profile"] = name, ["known_profiles"] = names });
    }
}
