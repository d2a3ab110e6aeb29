using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Routing.Texts;

/// <summary>
/// The languages there are: one embedded file per language (<c>translations/&lt;code&gt;.json</c>), each an object of
/// sections ("meta", "page", "route", "problem", "constraint", "surface", "smoothness", "profile") holding key → text.
/// English is complete and every other language falls back to it key by key.
/// </summary>
public static class Translations
{
    private const string Prefix = "translations/";

    private static readonly FrozenDictionary<string, TextLanguage> ByCode = Load();

    /// <summary>The language every other falls back to, and the answer to a request that names none we have.</summary>
    public static TextLanguage English { get; } = ByCode["en"];

    /// <summary>Every language with a file, English first, then by code.</summary>
    public static IReadOnlyList<TextLanguage> All { get; } =
        [English, .. ByCode.Values.Where(l => l != English).OrderBy(l => l.Code, StringComparer.Ordinal)];

    /// <summary>The codes of <see cref="All"/>, for validation messages and the API reference.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(l => l.Code)];

    /// <summary>The language of a code ("de") or of a regional form ("de-AT", "fr_CH"); null when there is no file for it.</summary>
    public static TextLanguage? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        string lower = code.Trim().ToLowerInvariant();
        if (ByCode.TryGetValue(lower, out var exact))
        {
            return exact;
        }
        int dash = lower.IndexOfAny(['-', '_']);
        return dash > 0 && ByCode.TryGetValue(lower[..dash], out var primary) ? primary : null;
    }

    /// <summary>The language of <paramref name="code"/>, English when there is none for it.</summary>
    public static TextLanguage Of(string? code) => Find(code) ?? English;

    /// <summary>
    /// The best language an <c>Accept-Language</c> header asks for ("fr-CH, fr;q=0.9, en;q=0.8"): the highest weight
    /// we have, the earlier on a tie; null when it names none we have.
    /// </summary>
    public static TextLanguage? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        TextLanguage? best = null;
        double bestWeight = 0;
        foreach (string part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pieces = part.Split(';', StringSplitOptions.TrimEntries);
            double weight = 1;
            foreach (string parameter in pieces.AsSpan(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out weight))
                {
                    weight = 0;
                }
            }
            if (weight > bestWeight && Find(pieces[0]) is { } language)
            {
                (best, bestWeight) = (language, weight);
            }
        }
        return best;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Complete = new(StringComparer.Ordinal);

    /// <summary>The translation file of <paramref name="language"/> as the page reads it: every key, English where it lacks one (written once).</summary>
    public static byte[] CompleteJson(TextLanguage language) => Complete.GetOrAdd(language.Code, _ => WriteComplete(language));

    private static byte[] WriteComplete(TextLanguage language)
    {
        var sections = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string key in English.OwnKeys.Concat(language.OwnKeys))
        {
            int dot = key.IndexOf('.', StringComparison.Ordinal);
            string section = key[..dot];
            if (!sections.TryGetValue(section, out var texts))
            {
                sections[section] = texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
            }
            texts[key[(dot + 1)..]] = language.Get(key);
        }
        return JsonSerializer.SerializeToUtf8Bytes(sections);
    }

    private static FrozenDictionary<string, TextLanguage> Load()
    {
        var assembly = typeof(Translations).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..^".json".Length], n => Read(assembly, n), StringComparer.Ordinal);
        var english = new TextLanguage("en", files["en"], fallback: null);
        return files.ToFrozenDictionary(f => f.Key, f => f.Key == "en" ? english : new TextLanguage(f.Key, f.Value, english), StringComparer.Ordinal);
    }

    /// <summary>A file's sections flattened to "section.key" → text.</summary>
    private static FrozenDictionary<string, string> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        var sections = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidDataException($"The translation file {resource} is empty.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, entries) in sections)
        {
            foreach (var (key, text) in entries)
            {
                texts[section + "." + key] = text;
            }
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
