using Routing.Graph;

namespace Routing.Engine.Snapping;

/// <summary>
/// The shape of a uniform lat/lon grid over a bounding box: cells of about the wished size in metres (longitude step
/// corrected by one cosine for the whole box, enough for a coarse filter), doubled until the grid holds at most
/// <see cref="MaxCells"/> cells, so a country-wide box cannot exhaust memory. Shared by the spatial indexes.
/// </summary>
internal readonly record struct GridLayout(double CellLatE7, double CellLonE7, int Columns, int Rows)
{
    public const long MaxCells = 4_000_000;

    public int CellCount => Columns * Rows;

    public static GridLayout Fit(int minLatE7, int minLonE7, int maxLatE7, int maxLonE7, double cellSizeM)
    {
        double middleLat = Coordinates.ToDegrees(minLatE7) / 2 + (Coordinates.ToDegrees(maxLatE7) / 2);
        double cosMiddle = Math.Max(0.01, Math.Cos(middleLat * (Math.PI / 180)));
        for (double cellM = cellSizeM; ; cellM *= 2)
        {
            double cellLatE7 = cellM / Coordinates.MetresPerDegree * Coordinates.E7;
            double cellLonE7 = cellLatE7 / cosMiddle;
            long columns = (long)Math.Floor((maxLonE7 - (double)minLonE7) / cellLonE7) + 1;
            long rows = (long)Math.Floor((maxLatE7 - (double)minLatE7) / cellLatE7) + 1;
            if (columns * rows <= MaxCells)
            {
                return new GridLayout(cellLatE7, cellLonE7, (int)columns, (int)rows);
            }
        }
    }
}
