using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Http;

/// <summary>
/// A number of the route answer rounded to a fixed number of decimals, written by <see cref="FixedDecimals"/> (integer
/// formatting) instead of the writer's shortest round-trip formatting of a double, which costs about four times as
/// much; an urban answer writes some 260 of them in its segments, instructions and locations. The text is the same
/// (tested on real routes). A struct with a converter of its own, so that the answer types keep their generated fast
/// path, which a converter on a property would turn off; the OpenAPI document shows it as a number
/// (Routing.Routes.Http's RouteSchemas).
/// </summary>
[JsonConverter(typeof(DecimalNumberConverter))]
public readonly record struct DecimalNumber
{
    /// <summary>7 decimals of a degree: about 1 cm.</summary>
    public const int DegreeDecimals = 7;

    /// <summary>Metres to the decimetre.</summary>
    public const int MetreDecimals = 1;

    /// <summary>Seconds to the tenth.</summary>
    public const int SecondDecimals = 1;

    private DecimalNumber(double value, int decimals)
    {
        Value = Math.Round(value, decimals);
        Decimals = decimals;
    }

    /// <summary>The rounded value.</summary>
    public double Value { get; }

    public int Decimals { get; }

    /// <summary>7 decimals of a degree: about 1 cm.</summary>
    public static DecimalNumber Degrees(double value) => new(value, DegreeDecimals);

    public static DecimalNumber Metres(double value) => new(value, MetreDecimals);

    public static DecimalNumber Seconds(double value) => new(value, SecondDecimals);

    /// <summary>An incline: 0.1 %.</summary>
    public static DecimalNumber Percent(double value) => new(value, 1);

    /// <summary>A ratio of two lengths, to 2 decimals.</summary>
    public static DecimalNumber Ratio(double value) => new(value, 2);

    /// <summary>A chance (0..1): two places, as a person reads "93 %".</summary>
    public static DecimalNumber Chance(double value) => new(value, 2);
}

/// <summary>Writes a <see cref="DecimalNumber"/>; answers are only written, never read.</summary>
public sealed class DecimalNumberConverter : JsonConverter<DecimalNumber>
{
    public override DecimalNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("route answers are written, not read");

    public override void Write(Utf8JsonWriter writer, DecimalNumber value, JsonSerializerOptions options) =>
        FixedDecimals.Write(writer, value.Value, value.Decimals);
}
