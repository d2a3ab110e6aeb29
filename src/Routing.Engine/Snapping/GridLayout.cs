using Routing.Graph;

namespace Routing.Engine.Snapping;

/// <summary>
/// The shape of a uniform lat/lon grid over a set of points: its bounds (the grid's origin is the south-west corner),
/// cells of about the wished size in metres (longitude step corrected by one cosine for the whole box, enough for a
/// coarse filter), doubled until the grid holds at most <see cref="MaxCells"/> cells, so a country-wide box cannot
/// exhaust memory. Shared by the spatial indexes.
/// </summary>
internal readonly record struct GridLayout(
    int MinLatE7, int MinLonE7, int MaxLatE7, int MaxLonE7, double CellLatE7, double CellLonE7, int Columns, int Rows)
{
    public const long MaxCells = 4_000_000;

    public int CellCount => Columns * Rows;

    /// <summary>A grid over the points' bounding box; no points give a one-cell grid at (0, 0).</summary>
    public static GridLayout Over(int[] latE7, int[] lonE7, double cellSizeM)
    {
        int minLat = 0, minLon = 0, maxLat = 0, maxLon = 0;
        if (latE7.Length > 0)
        {
            (minLat, maxLat, minLon, maxLon) = (latE7.Min(), latE7.Max(), lonE7.Min(), lonE7.Max());
        }
        double middleLat = Coordinates.ToDegrees(minLat) / 2 + (Coordinates.ToDegrees(maxLat) / 2);
        double cosMiddle = Math.Max(0.01, Math.Cos(middleLat * (Math.PI / 180)));
        for (double cellM = cellSizeM; ; cellM *= 2)
        {
            double cellLatE7 = cellM / Coordinates.MetresPerDegree * Coordinates.E7;
            double cellLonE7 = cellLatE7 / cosMiddle;
            long columns = (long)Math.Floor((maxLon - (double)minLon) / cellLonE7) + 1;
            long rows = (long)Math.Floor((maxLat - (double)minLat) / cellLatE7) + 1;
            if (columns * rows <= MaxCells)
            {
                return new GridLayout(minLat, minLon, maxLat, maxLon, cellLatE7, cellLonE7, (int)columns, (int)rows);
            }
        }
    }
}
