namespace Routing.Ors;

/// <summary>
/// Google's encoded polyline as openrouteservice writes it: latitude and longitude at 1e-5 degrees, and with elevation a
/// third value per position at 1e-2 metres (ORS's extension), each a zig-zag delta to the previous position in 5-bit
/// chunks. Positions are (lon, lat) or (lon, lat, elevation), as in GeoJSON; the encoding itself stores lat first.
/// </summary>
internal static class Polyline
{
    private const double DegreeScale = 1e5;
    private const double ElevationScale = 1e2;

    public static string Encode(IReadOnlyList<double[]> positions, bool withElevation)
    {
        var text = new System.Text.StringBuilder(positions.Count * (withElevation ? 12 : 8));
        long lastLat = 0, lastLon = 0, lastElevation = 0;
        foreach (var position in positions)
        {
            long lat = (long)Math.Round(position[1] * DegreeScale, MidpointRounding.AwayFromZero);
            long lon = (long)Math.Round(position[0] * DegreeScale, MidpointRounding.AwayFromZero);
            Append(text, lat - lastLat);
            Append(text, lon - lastLon);
            (lastLat, lastLon) = (lat, lon);
            if (withElevation)
            {
                long elevation = (long)Math.Round(position[2] * ElevationScale, MidpointRounding.AwayFromZero);
                Append(text, elevation - lastElevation);
                lastElevation = elevation;
            }
        }
        return text.ToString();
    }

    /// <summary>The positions of an encoded polyline; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static IReadOnlyList<double[]> Decode(string encoded, bool withElevation)
    {
        var positions = new List<double[]>();
        int index = 0;
        long lat = 0, lon = 0, elevation = 0;
        while (index < encoded.Length)
        {
            lat += Next(encoded, ref index);
            lon += Next(encoded, ref index);
            if (withElevation)
            {
                elevation += Next(encoded, ref index);
                positions.Add([lon / DegreeScale, lat / DegreeScale, elevation / ElevationScale]);
            }
            else
            {
                positions.Add([lon / DegreeScale, lat / DegreeScale]);
            }
        }
        return positions;
    }

    private static void Append(System.Text.StringBuilder text, long delta)
    {
        ulong value = (ulong)((delta << 1) ^ (delta >> 63));
        while (value >= 0x20)
        {
            text.Append((char)((int)((value & 0x1f) | 0x20) + 63));
            value >>= 5;
        }
        text.Append((char)((int)value + 63));
    }

    private static long Next(string encoded, ref int index)
    {
        ulong value = 0;
        int shift = 0;
        while (true)
        {
            if (index >= encoded.Length)
            {
                throw new FormatException("the polyline ends inside a value");
            }
            int chunk = encoded[index++] - 63;
            if (chunk is < 0 or > 63 || shift > 60)
            {
                throw new FormatException($"'{encoded[index - 1]}' at {index - 1} is not a polyline character");
            }
            value |= (ulong)(chunk & 0x1f) << shift;
            shift += 5;
            if (chunk < 0x20)
            {
                break;
            }
        }
        long half = (long)(value >> 1);
        return (value & 1) == 0 ? half : ~half;
    }
}
