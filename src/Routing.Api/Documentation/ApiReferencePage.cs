using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Api.Documentation;

/// <summary>
/// The interactive API reference at <c>/scalar/v1</c>, served by the service itself so that it runs no inline script:
/// Scalar's own page starts with an inline module, which would need <c>'unsafe-inline'</c> in the content security
/// policy. Here the page carries its configuration as a JSON data block (never executed) and starts Scalar from a
/// script file. Scalar's bundle and favicon still come from <c>MapScalarApiReference</c> under <c>/scalar/</c>.
/// The configuration leaves out what needs the internet or a third party: fonts from a CDN, the AI agent, MCP,
/// telemetry, the developer tools and the "open client" button.
/// </summary>
internal static class ApiReferencePage
{
    public const string Path = "/scalar/v1";

    /// <summary>Beside the page, as Scalar's own files are: relative addresses then survive a proxy's path prefix.</summary>
    private const string StartScript = "start-reference.js";

    private static readonly string Page = $$"""
        <!doctype html>
        <html lang="en">
        <head>
            <title>Accessible routing API</title>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
        </head>
        <body>
            <div id="app"></div>
            <script type="application/json" id="scalar-configuration">{{Configuration()}}</script>
            <script src="scalar.js"></script>
            <script type="module" src="{{StartScript}}"></script>
        </body>
        </html>
        """;

    // initialize (from Scalar's own scalar.aspnetcore.js) resolves the document's address against the page's, so the
    // reference also works behind a proxy that adds a path prefix.
    private const string Start = """
        import { initialize } from './scalar.aspnetcore.js';
        const configuration = JSON.parse(document.getElementById('scalar-configuration').textContent);
        initialize('%2Fscalar%2Fv1', false, configuration, '');
        """;

    public static IEndpointRouteBuilder MapApiReferencePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet("/scalar/" + StartScript, () => Results.Content(Start, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }

    private static string Configuration() => JsonSerializer.Serialize(new ReferenceConfiguration(
        [new ReferenceSource("v1", "openapi/v1.json")], "favicon.svg", WithDefaultFonts: false, HideClientButton: true,
        Telemetry: false, ShowDeveloperTools: "never", new Switch(Disabled: true), new Switch(Disabled: true)), ReferenceJson.Default.ReferenceConfiguration);

    internal sealed record ReferenceSource(string Title, string Url);

    internal sealed record Switch(bool Disabled);

    internal sealed record ReferenceConfiguration(
        IReadOnlyList<ReferenceSource> Sources, string Favicon, bool WithDefaultFonts, bool HideClientButton, bool Telemetry,
        string ShowDeveloperTools, Switch Agent, Switch Mcp);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiReferencePage.ReferenceConfiguration))]
internal sealed partial class ReferenceJson : JsonSerializerContext;
