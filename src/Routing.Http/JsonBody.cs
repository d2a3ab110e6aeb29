using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Routing.Texts;

namespace Routing.Http;

/// <summary>
/// Reads a bounded JSON request body into a DTO; what is wrong (too large, empty, not JSON, a field of the wrong type
/// or one the DTO does not have) becomes a field error in our words, never the serializer's, which name .NET types.
/// </summary>
public static class JsonBody
{
    /// <param name="required">What an empty body is told: what the request needs at least.</param>
    /// <param name="messageFor">What a field of the wrong type, or one the DTO does not have, must be; by default a general word.</param>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options, FieldErrors errors,
        CancellationToken cancellationToken, Phrase? required = null, Func<string, Phrase>? messageFor = null)
        where T : class
    {
        byte[]? body = Checked(await ReadAsync(request, maxBytes, cancellationToken), errors, required ?? Phrase.FieldError("body_required"));
        if (body is null)
        {
            return null;
        }
        try
        {
            var parsed = JsonSerializer.Deserialize<T>(body, options);
            if (parsed is null)
            {
                errors.AddMessage("body", "body_null");
            }
            return parsed;
        }
        catch (JsonException ex) when (ex.InnerException is JsonException || ex.Path is null)
        {
            // The reader's own exception inside: the text is not JSON at all.
            errors.Add("body", NotJson(ex));
            return null;
        }
        catch (JsonException ex)
        {
            string field = FieldOf(ex.Path);
            errors.Add(field, messageFor?.Invoke(field) ?? Phrase.FieldError("wrong_type_or_unknown"));
            return null;
        }
    }

    /// <summary>
    /// The body as a JSON object, for doors that read it field by field; what is wrong (too large, empty, not UTF-8, not
    /// JSON, not an object) becomes a <c>body</c> error in the same words as <see cref="ReadAsync{T}"/>.
    /// </summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, int maxBytes, FieldErrors errors, CancellationToken cancellationToken)
    {
        byte[]? body = Checked(await ReadAsync(request, maxBytes, cancellationToken), errors, Phrase.FieldError("body_required"));
        if (body is null)
        {
            return null;
        }
        // The parser checks structure, not the bytes inside strings; invalid UTF-8 would only fail when a value is read
        // (the reliability suite's fuzzing found it answering 500). The serializer of ReadAsync checks as it reads.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            errors.AddMessage("body", "not_utf8");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.AddMessage("body", "must_be_json_object");
                return null;
            }
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add("body", NotJson(ex));
            return null;
        }
    }

    /// <summary>The body, or null with a <c>body</c> error when it is empty or holds a lone surrogate escape.</summary>
    private static byte[]? Checked(byte[] body, FieldErrors errors, Phrase required)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add("body", required);
            return null;
        }
        if (JsonEscapes.LoneSurrogateAt(body) is var at and >= 0)
        {
            errors.Add("body", LoneSurrogate(at));
            return null;
        }
        return body;
    }

    private static Phrase NotJson(JsonException ex) => Phrase.FieldError("not_json",
        string.Create(CultureInfo.InvariantCulture, $"{ex.LineNumber + 1}"), string.Create(CultureInfo.InvariantCulture, $"{ex.BytePositionInLine + 1}"));

    /// <summary>The body; one longer than <paramref name="maxBytes"/> is answered 413 <c>body-too-large</c> (reading stops there).</summary>
    /// <exception cref="BodyTooLargeException">The body is longer than <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        await RequestBody.ReadBoundedAsync(request, maxBytes, cancellationToken) ?? throw new BodyTooLargeException(maxBytes);

    /// <summary>What a body with a lone surrogate escape at byte <paramref name="at"/> is told.</summary>
    private static Phrase LoneSurrogate(int at) => Phrase.FieldError("lone_surrogate", at + 1);

    /// <summary><c>$.via[2].lat</c> is <c>via[2].lat</c>; the whole document is <c>body</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}

/// <summary>A request body longer than its endpoint takes: answered 413 <c>body-too-large</c> naming the limit.</summary>
public sealed class BodyTooLargeException(int maxBytes) : Exception($"The request body is longer than {maxBytes} bytes.")
{
    public int MaxBytes { get; } = maxBytes;
}
