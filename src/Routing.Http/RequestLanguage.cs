using Microsoft.AspNetCore.Http;
using Routing.Texts;

namespace Routing.Http;

/// <summary>The language an answer's texts are written in: the request's own <c>language</c>, else its <c>Accept-Language</c>, else English.</summary>
public static class RequestLanguage
{
    /// <summary>
    /// The code the request asks for: <paramref name="asked"/> when given (checked by the caller, so a wrong code
    /// stays a 400), else the best language of <c>Accept-Language</c> we have a file for, else null (English).
    /// </summary>
    public static string? Code(HttpRequest request, string? asked) =>
        asked ?? Translations.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString())?.Code;

    /// <summary>The language of <see cref="Code"/>, English when it names none we have.</summary>
    public static TextLanguage Of(HttpRequest request, string? asked) => Translations.Of(Code(request, asked));
}
