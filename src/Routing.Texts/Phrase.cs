namespace Routing.Texts;

/// <summary>
/// A text to be written once the answer's language is known: its key and the values of its placeholders. A value is
/// written as it is (field names, numbers and names of the API stay as the API writes them), or, when it is itself a
/// phrase, in the same language.
/// </summary>
public sealed class Phrase
{
    private readonly object?[] _values;

    /// <param name="values">Strings as they are, or phrases (a unit's word) written in the same language.</param>
    public Phrase(string key, params object?[] values)
    {
        Key = key;
        _values = values;
    }

    /// <summary>The message <c>field_error.&lt;key&gt;</c> about a request's field, with its values.</summary>
    public static Phrase FieldError(string key, params object?[] values) => new("field_error." + key, values);

    /// <summary>"section.key" in the translation files, e.g. <c>field_error.required</c>.</summary>
    public string Key { get; }

    public string In(TextLanguage language) =>
        language.Format(Key, [.. _values.Select(value => value is Phrase phrase ? phrase.In(language) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")]);

    /// <summary>The English text, for logs and messages outside an answer.</summary>
    public override string ToString() => In(Translations.English);
}
