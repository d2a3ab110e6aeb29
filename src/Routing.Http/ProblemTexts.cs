using Routing.Texts;

namespace Routing.Http;

/// <summary>
/// A problem's words in a language, from the translation files: each of our types has one title
/// (<c>problem_title.&lt;type&gt;</c>), and the problems that need no more than their type to be understood have a
/// generic detail (<c>problem_generic.&lt;type&gt;</c>) for makers that give none.
/// </summary>
public static class ProblemTexts
{
    /// <summary>The title of one of our <see cref="ProblemTypes"/>; null for a type that is not ours.</summary>
    public static string? Title(string? type, TextLanguage language) =>
        Key(type) is { } key ? language.Find("problem_title." + key) : null;

    /// <summary>
    /// The detail of a problem whose maker gave none (invalid request, not found, method not allowed, unsupported media
    /// type); <paramref name="path"/> fills the not-found detail's place. Null when the type has no generic detail.
    /// </summary>
    public static string? GenericDetail(string? type, TextLanguage language, string path) =>
        Key(type) is { } key && language.Find("problem_generic." + key) is { } text
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, text, path)
            : null;

    /// <summary>"no_route" for ".../problems/no-route": translation keys are written with underscores.</summary>
    private static string? Key(string? type) =>
        type is not null && type.StartsWith(ProblemTypes.Base, StringComparison.Ordinal)
            ? type[ProblemTypes.Base.Length..].Replace('-', '_')
            : null;
}
