using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Routing.Reliability.Tests;

/// <summary>
/// Generators of JSON text for the request bodies: objects whose fields are mostly the surface's own names with
/// values that are right, nearly right (edges, wrong types, out of range) or anything at all, and now and then text
/// that is no longer JSON (cut, with bytes dropped or inserted).
/// </summary>
internal static class Json
{
    private static readonly string[] Words =
    [
        "wheelchair", "powered_wheelchair", "walker", "pushchair", "foot", "foot-walking", "wheelchair ", "WHEELCHAIR", "", " ",
        "gravel", "cobblestone", "sett", "grass", "good", "bad", "intermediate", "never", "allow", "penalize", "block", "ignore",
        "en", "de", "fr", "json", "geojson", "gpx", "Point", "LineString", "Polygon", "MultiPolygon", "blocked_path", "broken_elevator",
        "construction", "high_kerb", "narrow_passage", "elevator_out_of_service", "other", "2026-12-03T12:00:00Z", "2026-13-45T99:99:99Z", "yesterday", "0", "-1", "1e309",
        "\u0000", "\ud800", "ä ö ü ß", "<script>", "%00", "' OR 1=1 --", "../../etc/passwd", "null",
    ];

    /// <summary>A number: usual, at an edge, beyond any edge, or one JSON allows and .NET does not take lightly.</summary>
    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Double[-200, 200].Select(Format),
        Gen.Int[-2, 2000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0", "-0", "1e308", "-1e308", "1e-400", "123456789012345678901234567890", "4.9e-324", "49.41", "8.69", "3.5e2",
            "2147483648", "-2147483649", "9223372036854775808", "0.0000001"));

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf<string>(Words)),
        (2, Gen.String[0, 40]),
        (1, Gen.Char['a', 'z'].Array[1000, 2100].Select(chars => new string(chars))));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Number),
        (4, Text.Select(Quote)),
        (1, Gen.OneOf<string>("true", "false", "null")));

    /// <summary>A latitude near Heidelberg (mostly), or anywhere, or not a latitude at all.</summary>
    public static readonly Gen<string> Lat = Gen.Frequency((6, Gen.Double[49.35, 49.47].Select(Format)), (1, Number), (1, Scalar));

    public static readonly Gen<string> Lon = Gen.Frequency((6, Gen.Double[8.57, 8.80].Select(Format)), (1, Number), (1, Scalar));

    public static readonly Gen<string> LatLonObject = Gen.Frequency(
        (8, Gen.Select(Lat, Lon, (lat, lon) => $$"""{"lat": {{lat}}, "lon": {{lon}}}""")),
        (1, Gen.Select(Lat, lat => $$"""{"lat": {{lat}}}""")),
        (1, Scalar));

    /// <summary>"lat,lon" inside the city, where most pairs have a route.</summary>
    public static readonly Gen<string> HeidelbergLatLon =
        Gen.Select(Gen.Double[49.39, 49.42], Gen.Double[8.66, 8.71], (lat, lon) => $"{Format(lat)},{Format(lon)}");

    /// <summary>{"lat": .., "lon": ..} inside the city.</summary>
    public static readonly Gen<string> HeidelbergPoint =
        Gen.Select(Gen.Double[49.39, 49.42], Gen.Double[8.66, 8.71], (lat, lon) => $$"""{"lat": {{Format(lat)}}, "lon": {{Format(lon)}}}""");

    /// <summary>[lon, lat] inside the city.</summary>
    public static readonly Gen<string> HeidelbergPosition =
        Gen.Select(Gen.Double[49.39, 49.42], Gen.Double[8.66, 8.71], (lat, lon) => $"[{Format(lon)}, {Format(lat)}]");

    /// <summary>[lon, lat], GeoJSON's and ORS's order, sometimes with a third value or one too few.</summary>
    public static readonly Gen<string> Position = Gen.Frequency(
        (8, Gen.Select(Lon, Lat, (lon, lat) => $"[{lon}, {lat}]")),
        (1, Gen.Select(Lon, Lat, Number, (lon, lat, z) => $"[{lon}, {lat}, {z}]")),
        (1, Gen.Select(Lon, lon => $"[{lon}]")),
        (1, Scalar));

    /// <summary>Any JSON value, nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> Any(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (1, Any(depth - 1).Array[0, 5].Select(items => "[" + string.Join(", ", items) + "]")),
            (1, Gen.Select(Gen.OneOf<string>(Words), Any(depth - 1)).Array[0, 4]
                .Select(fields => "{" + string.Join(", ", fields.Select(f => $"{Quote(f.Item1)}: {f.Item2}")) + "}")));

    public static Gen<string> ArrayOf(Gen<string> item, int min, int max) =>
        item.Array[min, max].Select(items => "[" + string.Join(", ", items) + "]");

    /// <summary>
    /// An object from optional fields: each is present with probability 3 in 4 and then holds its own value (5 in 6)
    /// or any value; sometimes an unknown field is added.
    /// </summary>
    public static Gen<string> Object(params (string Name, Gen<string> Value)[] fields)
    {
        var present = fields.Select(f => Gen.Frequency(
            (3, Gen.Frequency((5, f.Value), (1, Any(2))).Select(v => $"{Quote(f.Name)}: {v}")),
            (1, Gen.Const(""))));
        var extra = Gen.Frequency((9, Gen.Const("")), (1, Gen.Select(Text, Any(1), (name, value) => $"{Quote(name)}: {value}")));
        return Gen.Select(All([.. present]), extra,
            (items, more) => "{" + string.Join(", ", items.Append(more).Where(s => s.Length > 0)) + "}");
    }

    /// <summary>Mostly the text itself; else cut, with a byte dropped, with a byte inserted, or replaced by random bytes.</summary>
    public static Gen<byte[]> Mutated(Gen<string> json) => Gen.Select(json, Gen.Int[0, 15], Gen.Int, Gen.Byte, Gen.Byte.Array[0, 64],
        (text, how, where, value, noise) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int at = bytes.Length == 0 ? 0 : (int)((uint)where % (uint)bytes.Length);
            return how switch
            {
                0 => bytes[..at],
                1 when bytes.Length > 0 => [.. bytes[..at], .. bytes[(at + 1)..]],
                2 => [.. bytes[..at], value, .. bytes[at..]],
                3 => noise,
                _ => bytes,
            };
        });

    /// <summary>One value from each generator, in order.</summary>
    public static Gen<string[]> All(IReadOnlyList<Gen<string>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<string>()), (acc, gen) => Gen.Select(acc, gen, (values, value) => (string[])[.. values, value]));

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
