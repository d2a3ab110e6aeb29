using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Routes.Http;

/// <summary>
/// An enum as its snake_case name, exactly as the host's global converter (ApiJson) writes every enum. Put on the
/// enum properties of source-generated answers, because those answers are written with their context's own options
/// (see <see cref="JsonAnswer{T}"/>), which must hold no converters for the generated fast path to run.
/// </summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
