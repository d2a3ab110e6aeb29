namespace Routing.Graph;

/// <summary>Fixed-point coordinates (degrees times 10^7, about 1 cm) and distances on the WGS 84 sphere.</summary>
public static class Coordinates
{
    public const double E7 = 1e7;
    private const double EarthRadiusM = 6_371_008.8;

    /// <summary>Metres per degree of latitude on the same sphere as <see cref="DistanceM(double, double, double, double)"/>.</summary>
    public const double MetresPerDegree = EarthRadiusM * Math.PI / 180;

    public static int ToE7(double degrees) => (int)Math.Round(degrees * E7);

    public static double ToDegrees(int e7) => e7 / E7;

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        double phi1 = lat1 * (Math.PI / 180), phi2 = lat2 * (Math.PI / 180);
        double dPhi = phi2 - phi1;
        double dLambda = (lon2 - lon1) * (Math.PI / 180);
        // Each sine once (the same products, bit for bit): routes measure every point they write.
        double sinHalfDPhi = Math.Sin(dPhi / 2), sinHalfDLambda = Math.Sin(dLambda / 2);
        double a = sinHalfDPhi * sinHalfDPhi
                   + Math.Cos(phi1) * Math.Cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double DistanceM(int lat1E7, int lon1E7, int lat2E7, int lon2E7) =>
        DistanceM(ToDegrees(lat1E7), ToDegrees(lon1E7), ToDegrees(lat2E7), ToDegrees(lon2E7));
}
