using System.Text.Json;
using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>The snake_case names of <see cref="ReportedBarrierKind"/>, <see cref="BarrierStatus"/> and friends, as the API and the store write them.</summary>
public static class BarrierNames
{
    public static IReadOnlyList<string> Kinds { get; } = Names<ReportedBarrierKind>();

    public static IReadOnlyList<string> Statuses { get; } = Names<BarrierStatus>();

    public static IReadOnlyList<string> Roles { get; } = Names<ApiKeyRole>();

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Parses an exact snake_case name (no numbers, no other spellings).</summary>
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}");

    private static string[] Names<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Name(v))];
}
