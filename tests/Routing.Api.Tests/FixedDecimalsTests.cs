using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Routing.Http;

namespace Routing.Api.Tests;

/// <summary>Coordinates and heights written by integer formatting are the numbers the writer's own formatting gives, in plain decimals.</summary>
public sealed class FixedDecimalsTests
{
    [Theory]
    [InlineData(8.6912345, 7, "8.6912345")]
    [InlineData(49.41, 7, "49.41")]
    [InlineData(-0.00012, 7, "-0.00012")]
    [InlineData(0.0000859, 6, "0.000086")]
    [InlineData(0.0000001, 7, "0.0000001")]
    [InlineData(0.00000004, 7, "0")]
    [InlineData(-0.00000004, 7, "0")]
    [InlineData(123.0, 1, "123")]
    [InlineData(123.04, 1, "123")]
    [InlineData(123.06, 1, "123.1")]
    [InlineData(-12.25, 1, "-12.2")]
    [InlineData(0.25, 1, "0.2")]
    [InlineData(179.99999996, 7, "180")]
    [InlineData(7.0, 0, "7")]
    public void Writes_the_rounded_value_without_trailing_zeros(double value, int decimals, string expected) =>
        Assert.Equal(expected, Write(w => FixedDecimals.Write(w, value, decimals)));

    [Fact]
    public void Agrees_with_the_writers_own_formatting_of_the_rounded_value()
    {
        var random = new Random(20261203);
        for (int i = 0; i < 200_000; i++)
        {
            int decimals = random.Next(0, 8);
            double value = random.Next(4) switch
            {
                0 => (random.NextDouble() - 0.5) * 360,
                1 => (random.NextDouble() - 0.1) * 9000,
                2 => (random.NextDouble() - 0.5) * 1e-3,
                _ => Math.Round((random.NextDouble() - 0.5) * 1000, decimals) + 5 * Math.Pow(10, -decimals - 1),
            };
            string ours = Write(w => FixedDecimals.Write(w, value, decimals));
            string theirs = Write(w => w.WriteNumberValue(Math.Round(value, decimals)));
            // The same number; only the spelling may differ: the writer prints tiny values with an exponent (8.6E-05)
            // and a value that rounds to zero from below as -0.
            Assert.True(double.Parse(ours, CultureInfo.InvariantCulture) == double.Parse(theirs, CultureInfo.InvariantCulture) && !ours.Contains('E', StringComparison.Ordinal),
                $"{value:R} at {decimals} decimals: {ours} against {theirs}");
        }
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused_as_the_writer_refuses_it() =>
        Assert.Throws<ArgumentException>(() => Write(w => FixedDecimals.Write(w, double.NaN, 1)));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            write(writer);
            writer.WriteEndArray();
        }
        string json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return json[1..^1];
    }
}
