using Microsoft.AspNetCore.Http.HttpResults;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary><c>/v1/profiles</c>: the preset mobility profiles and their values.</summary>
internal static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/profiles").WithTags("Profiles");

        group.MapGet("/", ListProfiles)
            .WithName("ListProfiles")
            .WithSummary("List the mobility profiles")
            .WithDescription(
                "The preset profiles (manual `wheelchair`, `powered_wheelchair`, `walker`, `pushchair`, and `foot` as the " +
                "control) with every value, and `constraints`: every limit a request may override (name, kind, unit and range or " +
                "choices, its label in each language).")
            .WithResponseExample(StatusCodes.Status200OK, "application/json", RouteExamples.Profiles);

        group.MapGet("/{name}", GetProfile)
            .WithName("GetProfile")
            .WithSummary("Get one mobility profile")
            .WithDescription("One preset by name. An unknown name is answered with 404 and problem type `unknown-profile`, listing the known names.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, "application/json", RouteExamples.Wheelchair)
            .WithResponseExample(StatusCodes.Status404NotFound, "application/problem+json", RouteExamples.UnknownProfile(StatusCodes.Status404NotFound));

        return routes;
    }

    public static Ok<ProfilesResponse> ListProfiles(ProfileCatalog catalog) =>
        TypedResults.Ok(ProfilesResponse.Of(catalog));

    public static Results<Ok<ProfileDto>, ProblemHttpResult> GetProfile(string name, HttpRequest request, ProfileCatalog catalog) =>
        catalog.TryGet(name, out var preset)
            ? TypedResults.Ok(ProfileDto.From(preset))
            : TypedResults.Problem(HttpProblems.UnknownProfile(name, catalog.Presets.Select(p => p.Name), StatusCodes.Status404NotFound,
                RequestLanguage.Of(request, request.Query["language"].FirstOrDefault())));
}
