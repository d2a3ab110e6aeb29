using System.Collections.Frozen;
using System.Text.Json;

namespace Routing.Api.Hosting;

/// <summary>
/// The snake_case name of each value of an enum, as the API's JSON writes enums, made once: answers write these names
/// many times per route, and <c>ToString</c> with a naming policy allocates each time.
/// </summary>
internal static class SnakeCaseNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
