using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Routing.Http;
using Routing.Texts;

namespace Routing.Web.Texts;

/// <summary>One language in the list a page chooses from.</summary>
/// <param name="Code">The file's code: "de".</param>
/// <param name="Name">The language's name in itself: "Deutsch".</param>
/// <param name="Dir">ltr or rtl: how the page lays itself out.</param>
internal sealed record LanguageDto(string Code, string Name, string Dir);

/// <summary>
/// The translation files for the page (and any client): <c>GET /i18n/languages.json</c> lists the languages there are
/// files for, <c>GET /i18n/{code}.json</c> is one language with English filling what it lacks.
/// </summary>
internal static class TranslationEndpoints
{
    private static readonly LanguageDto[] Languages =
        [.. Translations.All.Select(l => new LanguageDto(l.Code, l.Name, l.RightToLeft ? "rtl" : "ltr"))];

    public static IEndpointRouteBuilder MapTranslationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/i18n").WithTags("Languages");
        group.MapGet("/languages.json", () => TypedResults.Ok(Languages))
            .WithName("GetLanguages")
            .WithSummary("The languages texts are written in")
            .WithDescription("One entry per translation file: code, the language's own name, and its direction (ltr, rtl). Any code may be " +
                "sent as `language` (or in `Accept-Language`) to the route endpoints.");
        group.MapGet("/{code}.json", GetLanguage)
            .WithName("GetTranslation")
            .WithSummary("Every text of one language")
            .WithDescription("The translation file of `code`, by section (meta, page, route, problem, profile, constraint, surface, " +
                "smoothness), with English for any key the language lacks.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> GetLanguage(string code, HttpContext http) =>
        Translations.All.FirstOrDefault(l => l.Code == code) is { } language
            ? TypedResults.File(Translations.CompleteJson(language), "application/json; charset=utf-8")
            : TypedResults.Problem(HttpProblems.Create(ProblemTypes.NotFound, StatusCodes.Status404NotFound,
                RequestLanguage.OfProblem(http).Format("problem.no_translation_file", code)));
}
