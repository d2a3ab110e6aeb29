using Routing.Graph;

namespace Routing.Terrain;

/// <summary>How steep the ground itself is around a point, whatever direction a way takes across it.</summary>
internal static class TerrainRelief
{
    /// <summary>
    /// The ground's steepest slope at a point in percent, from central differences <paramref name="spacingM"/> either
    /// side east-west and north-south; 0 where the model lacks a neighbour. A way across a steep hillside may itself be level (a terrace,
    /// a path along the contour), but the model, smeared over its cells, reads part of the hillside into it.
    /// </summary>
    public static double SlopePctAt(IElevationModel terrain, double latitude, double longitude, double spacingM)
    {
        double dLat = spacingM / Coordinates.MetresPerDegree;
        double dLon = dLat / Math.Cos(latitude * (Math.PI / 180));
        if (!terrain.TryGetElevationM(latitude + dLat, longitude, out double north)
            || !terrain.TryGetElevationM(latitude - dLat, longitude, out double south)
            || !terrain.TryGetElevationM(latitude, longitude + dLon, out double east)
            || !terrain.TryGetElevationM(latitude, longitude - dLon, out double west))
        {
            return 0;
        }
        double northward = (north - south) / (2 * spacingM);
        double eastward = (east - west) / (2 * spacingM);
        return Math.Sqrt((northward * northward) + (eastward * eastward)) * 100;
    }
}
