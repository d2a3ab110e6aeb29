using System.Text.Json;
using Routing.Api.Routes;

namespace Routing.Api.Problems;

/// <summary>
/// Reads a bounded JSON request body into a DTO; what is wrong (too large, empty, not JSON, a field of the wrong type
/// or one the DTO does not have) becomes a field error in our words, never the serializer's, which name .NET types.
/// </summary>
internal static class JsonBody
{
    /// <param name="required">What an empty body is told: what the request needs at least.</param>
    /// <param name="messageFor">What a field of the wrong type, or one the DTO does not have, must be; by default a general word.</param>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options, FieldErrors errors,
        CancellationToken cancellationToken, string required = "is required: a JSON object", Func<string, string>? messageFor = null)
        where T : class
    {
        byte[]? body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            errors.Add("body", $"must be at most {maxBytes} bytes");
            return null;
        }
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add("body", required);
            return null;
        }
        try
        {
            var parsed = JsonSerializer.Deserialize<T>(body, options);
            if (parsed is null)
            {
                errors.Add("body", "must be a JSON object, not null");
            }
            return parsed;
        }
        catch (JsonException ex) when (ex.InnerException is JsonException || ex.Path is null)
        {
            // The reader's own exception inside: the text is not JSON at all.
            errors.Add("body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            return null;
        }
        catch (JsonException ex)
        {
            string field = FieldOf(ex.Path);
            errors.Add(field, messageFor?.Invoke(field) ?? "has the wrong type or is not a known field");
            return null;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    public static async Task<byte[]?> ReadBoundedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

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
