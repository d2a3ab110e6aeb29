namespace Routing.Api.Operations;

/// <summary>
/// Headers on every answer that keep a browser from misusing the service's pages: no framing by another site
/// (<c>frame-ancestors 'none'</c>, and X-Frame-Options for older browsers), no guessing of content types
/// (<c>nosniff</c>), no addresses leaked to other sites (<c>Referrer-Policy: no-referrer</c>), and a content security
/// policy that runs only the service's own script files: the map app has no inline script. The base map's tiles and
/// style come from a configured server, so images and fetches may reach any https origin; MapLibre draws in blob
/// workers and sets styles inline. The API reference (<see cref="Documentation.ApiReferencePage"/>) starts from a file too.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The policy of every answer: script files from this service only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self' https:; " +
        "worker-src 'self' blob:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
        "script-src 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // When the answer starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
