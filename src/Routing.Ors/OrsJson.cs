using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Ors;

/// <summary>
/// ORS's JSON style, kept apart from the service's own: snake_case names, absent members left out (ORS clients test for
/// presence), numbers as numbers.
/// </summary>
internal static class OrsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        // Street names as they are (Sofienstraße, not Sofienstra\u00DFe); answers are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
