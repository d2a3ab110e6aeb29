using System.Collections.Frozen;
using System.Text.Json;

namespace Routing.Graph.Facts;

/// <summary>
/// The OSM spelling of enumerated facts (<c>PavingStones</c> is <c>paving_stones</c>), for the API's input and output.
/// Names are derived from the enum members so that a new member needs no second edit here.
/// </summary>
public static class FactNames
{
    private static readonly Dictionary<SurfaceKind, string> SurfaceNames = NamesOf<SurfaceKind>(
        (SurfaceKind.ConcretePlates, "concrete:plates"));
    private static readonly Dictionary<string, SurfaceKind> SurfacesByName = Invert(SurfaceNames);
    private static readonly Dictionary<Smoothness, string> SmoothnessNames = NamesOf<Smoothness>();
    private static readonly Dictionary<string, Smoothness> SmoothnessByName = Invert(SmoothnessNames);

    public static string Of(SurfaceKind surface) => SurfaceNames[surface];

    public static string Of(Smoothness smoothness) => SmoothnessNames[smoothness];

    /// <summary>
    /// Snake case of any fact enum (<c>LivingStreet</c> is <c>living_street</c>), made once per value: routes name a
    /// highway, crossing or kerb on every segment, and converting the name each time allocates twice.
    /// </summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        SnakeCase<TEnum>.Names.TryGetValue(value, out var name) ? name : SnakeCaseOf(value); // a combination of flags

    private static string SnakeCaseOf<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static class SnakeCase<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, SnakeCaseOf);
    }

    public static bool TryParseSurface(string name, out SurfaceKind surface) => SurfacesByName.TryGetValue(name, out surface);

    public static bool TryParseSmoothness(string name, out Smoothness smoothness) => SmoothnessByName.TryGetValue(name, out smoothness);

    /// <summary>The names a request may use (everything but "unknown").</summary>
    public static IEnumerable<string> SurfaceValues => SurfacesByName.Keys.Where(n => n != "unknown");

    public static IEnumerable<string> SmoothnessValues => SmoothnessByName.Keys.Where(n => n != "unknown");

    private static Dictionary<TEnum, string> NamesOf<TEnum>(params (TEnum Value, string Name)[] exceptions) where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().ToDictionary(v => v, Of);
        foreach (var (value, name) in exceptions)
        {
            names[value] = name;
        }
        return names;
    }

    private static Dictionary<string, TEnum> Invert<TEnum>(Dictionary<TEnum, string> names) where TEnum : struct, Enum =>
        names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
}
