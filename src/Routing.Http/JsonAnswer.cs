using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Routing.Http;

/// <summary>
/// A 200 answer written by source-generated code in one synchronous pass: the context's fast path (pre-encoded names,
/// no resumable serializer state) into a buffer the thread reuses, then copied to the response, after its headers,
/// with its Content-Length. <c>TypedResults.Json</c> serializes asynchronously instead, and System.Text.Json leaves
/// the fast path for answers larger than half its buffer, which every route with segments is. The type information must come
/// from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> with its own options; enums there are
/// written by a converter on their properties (the route room's SnakeCaseEnumConverter).
/// </summary>
public sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> typeInfo, string contentType) : IResult
{
    /// <summary>A buffer that grew beyond this (a very long route) is let go after the answer instead of kept by the thread.</summary>
    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, JsonAnswer.WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, typeInfo);
        writer.Flush();

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = buffer.WrittenCount;
        // Headers first, so that the body goes straight into the connection's output pipe: written before them it is
        // held aside and copied a second time when they go out. Starting completes at once unless an OnStarting
        // callback waits; then the answer leaves the thread's buffer (which the next request on this thread reuses).
        var started = response.StartAsync(httpContext.RequestAborted);
        if (!started.IsCompletedSuccessfully)
        {
            return WriteWhenStarted(response, started, buffer.WrittenSpan.ToArray(), httpContext.RequestAborted);
        }
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity > KeptBufferBytes)
        {
            t_buffer = null;
            t_writer = null;
        }
        return response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
    }

    private static async Task WriteWhenStarted(HttpResponse response, Task started, byte[] body, CancellationToken aborted)
    {
        await started;
        await response.BodyWriter.WriteAsync(body, aborted);
    }
}

/// <summary>How <see cref="JsonAnswer{T}"/> writes (also what the answer benchmarks write with).</summary>
public static class JsonAnswer
{
    /// <summary>
    /// Text as UTF-8 ("Straße", not "Stra\u00dfe"): shorter, readable, and what JSON is. HTML-sensitive characters stay
    /// unescaped too, which is safe for an API answer that is never embedded in a page. The generated code writes valid
    /// JSON by construction, so the writer does not check every token again.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
}
