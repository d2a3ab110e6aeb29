using System.Buffers.Text;
using System.Text.Json;

namespace Routing.Http;

/// <summary>
/// Writes a number rounded to a few decimals by formatting an integer: the same number
/// <c>WriteNumberValue(Math.Round(value, decimals))</c> writes (both round half to even on the scaled value, and a
/// double with at most 15 significant digits prints as its decimal), at a fraction of the cost of the shortest
/// round-trip formatting of a double. A route answer writes about a thousand coordinates and heights.
/// </summary>
public static class FixedDecimals
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];
    private static readonly ulong[] IntegerPowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    /// <summary>Beyond this the scaled value could need more than 15 significant digits; such values are written as before.</summary>
    private const double MaxScaled = 1e15;

    /// <summary>The most bytes <see cref="TryFormat"/> writes for one number: a sign, 15 digits, a point, leading zeros.</summary>
    public const int MaxLength = 32;

    /// <param name="decimals">0 to 7.</param>
    public static void Write(Utf8JsonWriter writer, double value, int decimals)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        if (TryFormat(text, value, decimals, out int length))
        {
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            // NaN, infinities and huge values: the writer's own formatting and its own refusal of non-finite numbers.
            writer.WriteNumberValue(Math.Round(value, decimals));
        }
    }

    /// <summary>
    /// Formats the rounded value into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); false
    /// for values this cannot spell exactly (NaN, infinities, more than 15 significant digits).
    /// </summary>
    public static bool TryFormat(Span<byte> destination, double value, int decimals, out int length)
    {
        length = 0;
        double scaled = Math.Round(value * PowersOfTen[decimals]);
        if (!(Math.Abs(scaled) < MaxScaled))
        {
            return false;
        }
        long integer = (long)scaled;
        if (integer < 0)
        {
            destination[length++] = (byte)'-';
        }
        ulong magnitude = (ulong)Math.Abs(integer);
        ulong unit = IntegerPowersOfTen[decimals];
        Utf8Formatter.TryFormat(magnitude / unit, destination[length..], out int written);
        length += written;
        ulong fraction = magnitude % unit;
        if (fraction == 0)
        {
            return true;
        }
        // The fraction's digits without its trailing zeros, after as many leading zeros as it needs: 0.0001234.
        int digits = decimals;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        destination[length++] = (byte)'.';
        for (int i = length + digits - 1; i >= length; i--)
        {
            destination[i] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }
        length += digits;
        return true;
    }
}
