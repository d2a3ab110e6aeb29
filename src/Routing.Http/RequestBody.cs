using Microsoft.AspNetCore.Http;

namespace Routing.Http;

/// <summary>
/// Reads a request body up to a limit. A client that leaves while it uploads is no fault of the service: the read then
/// ends in an <see cref="OperationCanceledException"/> (which the host logs at Debug and answers nobody), never in the
/// <see cref="IOException"/> Kestrel raises, which looked like a 500 to every catch-all.
/// </summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    /// <exception cref="BadHttpRequestException">The body is malformed (a broken chunk) or longer than its Content-Length says.</exception>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null; // refused before a byte is read
        }
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException && request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException("the client left while sending the request body", ex, request.HttpContext.RequestAborted);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether the request says its body is JSON (<c>application/json</c> or <c>application/*+json</c>).</summary>
    /// <remarks>
    /// A body labelled otherwise (text/plain, a form, or nothing) is refused with 415: those are what a web page may send
    /// to another site without asking it first (no CORS preflight), so accepting them would let any page spend this
    /// service's work in its visitors' names.
    /// </remarks>
    public static bool IsJson(HttpRequest request) => request.HasJsonContentType();
}
