using System.Collections.Frozen;
using System.Globalization;

namespace Routing.Texts;

/// <summary>
/// One language's texts, read from its translation file: keys are "section.key" ("route.depart", "surface.sett"),
/// placeholders positional (<c>{0}</c>, <c>{1}</c> ...) and filled with already formatted strings. A key the file lacks
/// is taken from English, so a translation in progress shows English rather than a gap.
/// </summary>
public sealed class TextLanguage
{
    private readonly FrozenDictionary<string, string> _texts;
    private readonly TextLanguage? _fallback;

    internal TextLanguage(string code, FrozenDictionary<string, string> texts, TextLanguage? fallback)
    {
        Code = code;
        _texts = texts;
        _fallback = fallback;
        Name = Get("meta.name");
        RightToLeft = Get("meta.dir") == "rtl";
        DecimalSeparator = Get("meta.decimal_separator");
    }

    /// <summary>The language's code as its file is named: "de", "ar".</summary>
    public string Code { get; }

    /// <summary>The language's name in itself: "Deutsch", "العربية".</summary>
    public string Name { get; }

    /// <summary>Written right to left (the page mirrors).</summary>
    public bool RightToLeft { get; }

    /// <summary>What separates a number's decimals: "," in German, "." in English.</summary>
    public string DecimalSeparator { get; }

    /// <summary>The keys this language's own file has (without the English it falls back to).</summary>
    public IEnumerable<string> OwnKeys => _texts.Keys;

    /// <summary>True when this language or English has the key.</summary>
    public bool Has(string key) => _texts.ContainsKey(key) || (_fallback?.Has(key) ?? false);

    /// <summary>The text for <paramref name="key"/>, English when this language lacks it.</summary>
    /// <exception cref="KeyNotFoundException">No language has the key: a programming error, caught by the tests.</exception>
    public string Get(string key) =>
        _texts.TryGetValue(key, out var text) ? text
        : _fallback?.Get(key) ?? throw new KeyNotFoundException($"No text for key '{key}' in any language.");

    /// <summary>The text for <paramref name="key"/> when a language has it, else null (for open lists such as surfaces).</summary>
    public string? Find(string key) =>
        _texts.TryGetValue(key, out var text) ? text : _fallback?.Find(key);

    public string Format(string key, params string[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>A number with the language's decimal separator (<paramref name="format"/> as in .NET, e.g. "0.0").</summary>
    public string Number(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return DecimalSeparator == "." ? text : text.Replace(".", DecimalSeparator, StringComparison.Ordinal);
    }

    public override string ToString() => Code;
}
