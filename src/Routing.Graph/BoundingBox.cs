namespace Routing.Graph;

/// <summary>A geographic rectangle in degrees.</summary>
public readonly record struct BoundingBox(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;

    public static BoundingBox Of(ReadOnlySpan<int> latE7, ReadOnlySpan<int> lonE7)
    {
        if (latE7.IsEmpty)
        {
            return default;
        }
        int minLat = int.MaxValue, minLon = int.MaxValue, maxLat = int.MinValue, maxLon = int.MinValue;
        for (int i = 0; i < latE7.Length; i++)
        {
            minLat = Math.Min(minLat, latE7[i]);
            maxLat = Math.Max(maxLat, latE7[i]);
            minLon = Math.Min(minLon, lonE7[i]);
            maxLon = Math.Max(maxLon, lonE7[i]);
        }
        return new(Coordinates.ToDegrees(minLat), Coordinates.ToDegrees(minLon), Coordinates.ToDegrees(maxLat), Coordinates.ToDegrees(maxLon));
    }
}
