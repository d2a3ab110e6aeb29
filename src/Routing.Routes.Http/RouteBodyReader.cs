using System.Text.Json;
using Routing.Texts;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>
/// Reads the JSON body of <c>POST /v1/routes</c>. Empty, oversized or malformed bodies and values of the wrong type
/// become field errors with messages of our own (the serializer's messages name .NET types, which are internals).
/// </summary>
internal static class RouteBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly Dictionary<string, Phrase> Expected = new(StringComparer.Ordinal)
    {
        ["from"] = Phrase.FieldError("must_be_point"),
        ["to"] = Phrase.FieldError("must_be_point"),
        ["via"] = Phrase.FieldError("must_be_point_list"),
        ["lat"] = Phrase.FieldError("must_be_number_in", Phrase.FieldError("unit.degrees")),
        ["lon"] = Phrase.FieldError("must_be_number_in", Phrase.FieldError("unit.degrees")),
        ["profile"] = Phrase.FieldError("must_be_string"),
        ["language"] = Phrase.FieldError("must_be_one_of", string.Join(", ", Translations.Codes)),
        ["format"] = Phrase.FieldError("must_be_string_of_three", RouteRequestValidator.Formats[0], RouteRequestValidator.Formats[1], RouteRequestValidator.Formats[2]),
        ["geometry"] = Phrase.FieldError("must_be_string_of_three", RouteRequestValidator.Geometries[0], RouteRequestValidator.Geometries[1], RouteRequestValidator.Geometries[2]),
        ["instructions"] = Phrase.FieldError("must_be_boolean"),
        ["elevation"] = Phrase.FieldError("must_be_boolean"),
        ["segments"] = Phrase.FieldError("must_be_boolean"),
        ["snap_radius_m"] = Phrase.FieldError("must_be_number_in", Phrase.FieldError("unit.metres")),
        ["constraints"] = Phrase.FieldError("must_be_object"),
    };

    private static readonly HashSet<string> TopLevel =
        ["from", "to", "via", "profile", "constraints", "language", "snap_radius_m", "format", "geometry", "instructions", "elevation", "segments"];

    public static Task<RouteRequestBody?> ReadAsync(HttpRequest request, JsonSerializerOptions options, FieldErrors errors, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync<RouteRequestBody>(request, MaxBodyBytes, options, errors, cancellationToken,
            required: Phrase.FieldError("body_required_route", "from", "to"), messageFor: MessageFor);

    /// <summary>What a field must be, in our words; a field the request does not have is "not a known field".</summary>
    private static Phrase MessageFor(string field)
    {
        if (field == "body")
        {
            return Phrase.FieldError("must_be_json_object");
        }
        string[] parts = [.. field.Split('.').Select(part => part.Split('[')[0])];
        bool elementOfList = field.EndsWith(']');
        Phrase? message = parts switch
        {
            [var top] when elementOfList && top == "via" => Expected["from"],
            [var top] when TopLevel.Contains(top) => Expected[top],
            ["from" or "to" or "via", "lat" or "lon"] => Expected[parts[1]],
            ["constraints", var name] when ConstraintTable.TryGet(name, out var row) =>
                elementOfList ? Phrase.FieldError("must_be_surface_string") : row.TypeMessage,
            _ => null,
        };
        return message ?? Phrase.FieldError("not_known_field");
    }
}
