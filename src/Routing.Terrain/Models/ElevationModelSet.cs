using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// Several terrain grids used together: tiles side by side (a folder of a state's 1 km tiles), and finer models over
/// coarser ones (a city's 1 m ground model over a 30 m model of the region). At each point the finest grid that has
/// data there answers, so the order the files are given in does not matter; among equally fine grids (neighbouring
/// tiles sharing an edge row) the first given answers.
/// </summary>
/// <remarks>
/// A city's worth of 1 m tiles is hundreds of grids, and a build asks for hundreds of thousands of points, so the
/// grids are found through a uniform index of WGS 84 buckets, each listing the grids whose box touches it, finest
/// first. A point then tries a handful of grids instead of all of them.
/// </remarks>
internal sealed class ElevationModelSet : IElevationModel
{
    /// <summary>Caps the buckets of the index: one huge grid among small tiles must not ask for millions of buckets.</summary>
    private const int MaxBucketsPerSide = 512;

    private readonly Dictionary<(int Row, int Column), ElevationGrid[]> _buckets;
    private readonly double _bucketSizeDeg;

    /// <param name="grids">At least one grid.</param>
    /// <param name="description">What the set is, for graph metadata: the caller knows which files and folders it came from.</param>
    public ElevationModelSet(IReadOnlyList<ElevationGrid> grids, string description)
    {
        ArgumentOutOfRangeException.ThrowIfZero(grids.Count, nameof(grids));
        Description = description;
        // A stable sort: equally fine grids keep the order they were given in.
        ElevationGrid[] finestFirst = [.. grids.OrderBy(grid => grid.NominalCellSizeM)];
        _bucketSizeDeg = BucketSizeDeg(finestFirst);
        var buckets = new Dictionary<(int Row, int Column), List<ElevationGrid>>();
        foreach (ElevationGrid grid in finestFirst)
        {
            BoundingBox box = grid.Bounds;
            (int south, int west) = Bucket(box.MinLat, box.MinLon);
            (int north, int east) = Bucket(box.MaxLat, box.MaxLon);
            for (int row = south; row <= north; row++)
            {
                for (int column = west; column <= east; column++)
                {
                    if (!buckets.TryGetValue((row, column), out List<ElevationGrid>? list))
                    {
                        buckets[(row, column)] = list = [];
                    }
                    list.Add(grid);
                }
            }
        }
        _buckets = buckets.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    public string Description { get; }

    public bool TryGetElevationM(double latitude, double longitude, out double elevationM)
    {
        ElevationGrid? grid = Answering(latitude, longitude, out elevationM);
        return grid is not null;
    }

    /// <summary>The cell size of the grid that answers here: the finest one with data.</summary>
    public double CellSizeMAt(double latitude, double longitude) =>
        Answering(latitude, longitude, out _) is { } grid ? grid.CoordinateSystem.CellSizeM(grid.Layout, latitude) : double.NaN;

    /// <summary>The finest grid with data at the point, and its elevation there; null where none has data.</summary>
    private ElevationGrid? Answering(double latitude, double longitude, out double elevationM)
    {
        elevationM = double.NaN;
        if (!(double.IsFinite(latitude) && double.IsFinite(longitude))
            || !_buckets.TryGetValue(Bucket(latitude, longitude), out ElevationGrid[]? candidates))
        {
            return null;
        }
        // Neighbouring tiles share their coordinate system: the point is projected once for all of them.
        GridCoordinateSystem? projectedFor = null;
        (double x, double y) = (0, 0);
        foreach (ElevationGrid grid in candidates)
        {
            if (!ReferenceEquals(grid.CoordinateSystem, projectedFor))
            {
                projectedFor = grid.CoordinateSystem;
                (x, y) = projectedFor.FromWgs84(latitude, longitude);
            }
            if (grid.TryGetElevationAt(x, y, out elevationM))
            {
                return grid;
            }
        }
        return null;
    }

    private (int Row, int Column) Bucket(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / _bucketSizeDeg), (int)Math.Floor(longitude / _bucketSizeDeg));

    /// <summary>
    /// About half the typical grid's size, so a point's bucket lists few grids besides the one it is in; but no finer
    /// than <see cref="MaxBucketsPerSide"/> buckets across the whole set.
    /// </summary>
    private static double BucketSizeDeg(ElevationGrid[] grids)
    {
        double[] sizesDeg = [.. grids.Select(grid => Math.Max(grid.Bounds.MaxLat - grid.Bounds.MinLat, grid.Bounds.MaxLon - grid.Bounds.MinLon)).Order()];
        double extentDeg = Math.Max(
            grids.Max(grid => grid.Bounds.MaxLat) - grids.Min(grid => grid.Bounds.MinLat),
            grids.Max(grid => grid.Bounds.MaxLon) - grids.Min(grid => grid.Bounds.MinLon));
        return Math.Max(sizesDeg[sizesDeg.Length / 2] / 2, extentDeg / MaxBucketsPerSide);
    }
}
