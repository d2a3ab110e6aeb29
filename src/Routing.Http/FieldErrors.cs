using Routing.Texts;

namespace Routing.Http;

/// <summary>
/// Messages per request field (<c>from.lat</c>, <c>via[2]</c>, <c>constraints.max_kerb_cm</c>), in the order found.
/// Each is a key of the translation files' <c>field_error</c> section with its values, written in the request's
/// language when the answer is (the language may be read from the very body whose fields are checked).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<Phrase>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, Phrase message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Adds the message <c>field_error.&lt;key&gt;</c> with its values (<see cref="Phrase.FieldError"/>).</summary>
    public void AddMessage(string field, string key, params object?[] values) => Add(field, Phrase.FieldError(key, values));

    /// <summary>Every field's messages written in <paramref name="language"/>.</summary>
    public Dictionary<string, string[]> ToDictionary(TextLanguage language) =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.Select(message => message.In(language)).ToArray(), StringComparer.Ordinal);
}
