using Microsoft.AspNetCore.Http;
using Routing.Texts;

namespace Routing.Http;

/// <summary>The language an answer's texts are written in: the request's own <c>language</c>, else its <c>Accept-Language</c>, else English.</summary>
public static class RequestLanguage
{
    /// <summary>Where an endpoint leaves the language it chose, so that a problem written later speaks it too.</summary>
    private static readonly object ChosenKey = new();

    /// <summary>
    /// The code the request asks for: <paramref name="asked"/> (its body's or query's own <c>language</c>) when given,
    /// checked by the caller so that a wrong code stays a 400; else a <c>language</c> in the query that names one we
    /// have; else the best language of <c>Accept-Language</c> we have a file for; else null (English). The choice is
    /// remembered for <see cref="OfProblem"/>.
    /// </summary>
    public static string? Code(HttpRequest request, string? asked)
    {
        string? code = asked
            ?? Translations.Find(request.Query["language"].ToString())?.Code
            ?? Translations.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString())?.Code;
        request.HttpContext.Items[ChosenKey] = Translations.Of(code);
        return code;
    }

    /// <summary>The language of <see cref="Code"/>, English when it names none we have.</summary>
    public static TextLanguage Of(HttpRequest request, string? asked) => Translations.Of(Code(request, asked));

    /// <summary>
    /// The language of a problem about <paramref name="context"/>: the endpoint's choice when it made one, else as
    /// <see cref="Code"/> chooses (a problem may come before any endpoint, e.g. 404).
    /// </summary>
    public static TextLanguage OfProblem(HttpContext context) =>
        context.Items[ChosenKey] as TextLanguage ?? Of(context.Request, null);
}
