using System.Text.Json;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>
/// Reads the JSON body of <c>POST /v1/routes</c>. Empty, oversized or malformed bodies and values of the wrong type
/// become field errors with messages of our own (the serializer's messages name .NET types, which are internals).
/// </summary>
internal static class RouteBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["from"] = "must be a point {\"lat\": .., \"lon\": ..}",
        ["to"] = "must be a point {\"lat\": .., \"lon\": ..}",
        ["via"] = "must be a list of points [{\"lat\": .., \"lon\": ..}, ..]",
        ["lat"] = "must be a number (degrees)",
        ["lon"] = "must be a number (degrees)",
        ["profile"] = "must be a string",
        ["language"] = "must be a string: en or de",
        ["format"] = "must be a string: json, geojson or gpx",
        ["geometry"] = "must be a string: full, simplified or none",
        ["instructions"] = "must be true or false",
        ["elevation"] = "must be true or false",
        ["segments"] = "must be true or false",
        ["snap_radius_m"] = "must be a number (metres)",
        ["constraints"] = "must be an object",
    };

    private static readonly HashSet<string> TopLevel =
        ["from", "to", "via", "profile", "constraints", "language", "snap_radius_m", "format", "geometry", "instructions", "elevation", "segments"];

    public static Task<RouteRequestBody?> ReadAsync(HttpRequest request, JsonSerializerOptions options, FieldErrors errors, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync<RouteRequestBody>(request, MaxBodyBytes, options, errors, cancellationToken,
            required: "is required: a JSON object with at least from and to", messageFor: MessageFor);

    /// <summary>What a field must be, in our words; a field the request does not have is "not a known field".</summary>
    private static string MessageFor(string field)
    {
        if (field == "body")
        {
            return "must be a JSON object";
        }
        string[] parts = [.. field.Split('.').Select(part => part.Split('[')[0])];
        bool elementOfList = field.EndsWith(']');
        string? message = parts switch
        {
            [var top] when elementOfList && top == "via" => Expected["from"],
            [var top] when TopLevel.Contains(top) => Expected[top],
            ["from" or "to" or "via", "lat" or "lon"] => Expected[parts[1]],
            ["constraints", var name] when ConstraintTable.TryGet(name, out var row) =>
                elementOfList ? "must be a string: an OSM surface value" : row.TypeMessage,
            _ => null,
        };
        return message ?? "is not a known field";
    }
}
