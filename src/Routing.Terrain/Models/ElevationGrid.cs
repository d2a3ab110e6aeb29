using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// A terrain raster in memory: one elevation per cell, row-major from the north-west, void cells as NaN, laid out in
/// its file's coordinate system (WGS 84 degrees, or UTM metres for a state's ground model). Elevations are float32:
/// they keep the sub-metre averages of <see cref="Smoothed"/> and the centimetres of a 1 m model, at 4 MB per
/// 1000 x 1000 tile.
/// </summary>
internal sealed class ElevationGrid : IElevationModel
{
    private readonly RasterLayout _layout;
    private readonly float[] _elevationsM;
    private readonly string _fileName;
    private readonly string _format;
    private readonly int _lastRow;
    private readonly int _lastColumn;

    /// <param name="fileName">The file the grid was read from, without directory (it goes into <see cref="Description"/>).</param>
    /// <param name="format">The kind of file, e.g. "GeoTIFF" or "SRTM".</param>
    /// <param name="coordinateSystem">The system the layout is in.</param>
    /// <param name="layout">Where the cells are.</param>
    /// <param name="elevationsM">Metres above sea level, <see cref="RasterLayout.RowCount"/> x <see cref="RasterLayout.ColumnCount"/>, NaN for voids; kept, not copied.</param>
    public ElevationGrid(string fileName, string format, GridCoordinateSystem coordinateSystem, RasterLayout layout, float[] elevationsM)
        : this(fileName, format, coordinateSystem, layout, elevationsM, isSmoothed: false)
    {
    }

    private ElevationGrid(string fileName, string format, GridCoordinateSystem coordinateSystem, RasterLayout layout, float[] elevationsM, bool isSmoothed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.RowCount, 1, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.ColumnCount, 1, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.CellSizeY, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.CellSizeX, nameof(layout));
        if (elevationsM.Length != (long)layout.RowCount * layout.ColumnCount)
        {
            throw new ArgumentException(
                $"{elevationsM.Length} elevations for {layout.RowCount} x {layout.ColumnCount} cells", nameof(elevationsM));
        }
        _fileName = fileName;
        _format = format;
        CoordinateSystem = coordinateSystem;
        _layout = layout;
        _elevationsM = elevationsM;
        _lastRow = layout.RowCount - 1;
        _lastColumn = layout.ColumnCount - 1;
        Bounds = Wgs84Bounds();
        NominalCellSizeM = coordinateSystem.CellSizeM(layout, (Bounds.MinLat + Bounds.MaxLat) / 2);
        // WGS 84 goes without saying, as it did before other systems were read.
        string system = coordinateSystem == GridCoordinateSystem.Geographic ? "" : coordinateSystem.Name + ", ";
        string smoothed = isSmoothed ? ", smoothed" : "";
        Description = string.Create(
            CultureInfo.InvariantCulture, $"{fileName} ({format}, {system}{layout.ColumnCount} x {layout.RowCount} cells of {CellSizeText()}{smoothed})");
        KindDescription = $"{format}, {system}cells of {CellSizeText()}{smoothed}";
    }

    public RasterLayout Layout => _layout;

    public GridCoordinateSystem CoordinateSystem { get; }

    public string Description { get; }

    /// <summary>The description without the file and its size, e.g. "GeoTIFF, EPSG:25832, cells of 1.0 m, smoothed": what a folder of tiles shares.</summary>
    public string KindDescription { get; }

    /// <summary>The WGS 84 box the grid covers (its outer cell edges), for finding the grids that may answer at a point.</summary>
    public BoundingBox Bounds { get; }

    /// <summary>The cell size in metres at the grid's middle: what ranks it against other grids (finer answers first).</summary>
    public double NominalCellSizeM { get; }

    /// <summary>
    /// Bilinear between the four cell centres around the point (see <see cref="TryGetElevationAt"/>), the point first
    /// taken into the grid's coordinate system.
    /// </summary>
    public bool TryGetElevationM(double latitude, double longitude, out double elevationM)
    {
        (double x, double y) = CoordinateSystem.FromWgs84(latitude, longitude);
        return TryGetElevationAt(x, y, out elevationM);
    }

    /// <summary>
    /// Bilinear between the four cell centres around a point in the grid's own coordinates. Void cells are left out and
    /// the weights of the others renormalised, so a point next to a void still gets a value. Points up to half a cell
    /// beyond the outermost centres (the outer half of an edge pixel) take the edge cells' values; farther out there is
    /// no data.
    /// </summary>
    internal bool TryGetElevationAt(double x, double y, out double elevationM)
    {
        double rowPosition = (_layout.Row0Y - y) / _layout.CellSizeY;
        double columnPosition = (x - _layout.Column0X) / _layout.CellSizeX;
        // Negated so that NaN coordinates fail as well.
        if (!(rowPosition >= -0.5 && rowPosition <= _lastRow + 0.5 && columnPosition >= -0.5 && columnPosition <= _lastColumn + 0.5))
        {
            elevationM = double.NaN;
            return false;
        }
        rowPosition = Math.Clamp(rowPosition, 0, _lastRow);
        columnPosition = Math.Clamp(columnPosition, 0, _lastColumn);
        // The last row (column) is interpolated from the pair that ends in it; a raster one cell high (wide) pairs the
        // cell with itself.
        int north = Math.Max(Math.Min((int)rowPosition, _lastRow - 1), 0);
        int west = Math.Max(Math.Min((int)columnPosition, _lastColumn - 1), 0);
        int south = Math.Min(north + 1, _lastRow);
        int east = Math.Min(west + 1, _lastColumn);
        double southWeight = rowPosition - north;
        double eastWeight = columnPosition - west;

        float[] elevationsM = _elevationsM;
        int northRow = north * _layout.ColumnCount;
        int southRow = south * _layout.ColumnCount;
        double sum = 0;
        double weightSum = 0;
        Add(elevationsM[northRow + west], (1 - southWeight) * (1 - eastWeight), ref sum, ref weightSum);
        Add(elevationsM[northRow + east], (1 - southWeight) * eastWeight, ref sum, ref weightSum);
        Add(elevationsM[southRow + west], southWeight * (1 - eastWeight), ref sum, ref weightSum);
        Add(elevationsM[southRow + east], southWeight * eastWeight, ref sum, ref weightSum);
        // No weight left: all four cells are void, or the point sits on a void cell's centre where the others weigh 0.
        if (weightSum <= 0)
        {
            elevationM = double.NaN;
            return false;
        }
        elevationM = sum / weightSum;
        return true;
    }

    public double CellSizeMAt(double latitude, double longitude) =>
        TryGetElevationM(latitude, longitude, out _) ? CoordinateSystem.CellSizeM(_layout, latitude) : double.NaN;

    /// <summary>The stored value of one cell, NaN for a void.</summary>
    internal float ElevationAtCell(int row, int column) => _elevationsM[(row * _layout.ColumnCount) + column];

    /// <summary>
    /// A copy for deriving slopes: first each valid cell becomes the median of the valid cells in its 3 x 3
    /// neighbourhood, which removes single-cell spikes (SRTM is a surface model: a tower block or a stand of trees
    /// reads as a hill) and leaves planes and ridges as they are; then the 3 x 3 binomial average (weights 1-2-1 by
    /// 1-2-1) takes the step noise out. Voids stay voids; at the border and next to voids only the cells that exist
    /// count and the weights are renormalised.
    /// </summary>
    public ElevationGrid Smoothed() => WithCells([.. _elevationsM], isSmoothed: false).SmoothedInPlace();

    /// <summary>
    /// <see cref="Smoothed"/>, written over this grid's own cells: for a grid just read that nothing else holds. A city
    /// of tiles then keeps one array per tile and recycles one scratch array, instead of leaving two tile-sized arrays
    /// per tile for the collector (which let 460 MB of 5 m tiles peak at 950 MB).
    /// </summary>
    internal ElevationGrid SmoothedInPlace()
    {
        float[] medianM = ArrayPool<float>.Shared.Rent(_elevationsM.Length);
        try
        {
            MedianFilter(_elevationsM, medianM);
            BinomialFilter(medianM, _elevationsM);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(medianM);
        }
        return WithCells(_elevationsM, isSmoothed: true);
    }

    /// <summary>Each valid cell as the 3 x 3 binomial average of the valid cells around it (see <see cref="Smoothed"/>).</summary>
    internal ElevationGrid BinomialSmoothed()
    {
        var smoothedM = new float[_elevationsM.Length];
        BinomialFilter(_elevationsM, smoothedM);
        return WithCells(smoothedM, isSmoothed: true);
    }

    /// <summary>Each valid cell as the median of the valid cells around it (3 x 3, fewer at borders and voids).</summary>
    internal ElevationGrid MedianFiltered()
    {
        var medianM = new float[_elevationsM.Length];
        MedianFilter(_elevationsM, medianM);
        return WithCells(medianM, isSmoothed: true);
    }

    private bool IsInterior(int row, int column) => row > 0 && row < _lastRow && column > 0 && column < _lastColumn;

    private ElevationGrid WithCells(float[] elevationsM, bool isSmoothed) =>
        new(_fileName, _format, CoordinateSystem, _layout, elevationsM, isSmoothed);

    private void BinomialFilter(ReadOnlySpan<float> sourceM, Span<float> targetM)
    {
        int rowCount = _layout.RowCount;
        int columnCount = _layout.ColumnCount;
        for (int row = 0; row < rowCount; row++)
        {
            for (int column = 0; column < columnCount; column++)
            {
                int cell = (row * columnCount) + column;
                if (float.IsNaN(sourceM[cell]))
                {
                    targetM[cell] = float.NaN;
                    continue;
                }
                if (IsInterior(row, column))
                {
                    // Most cells have all eight neighbours: the same sum in the same order as below, without the
                    // bounds and void checks; a void among them makes the sum NaN and the cell takes the long way.
                    int north = cell - columnCount, south = cell + columnCount;
                    double fullSum = sourceM[north - 1] + (2.0 * sourceM[north]) + sourceM[north + 1]
                        + (2.0 * sourceM[cell - 1]) + (4.0 * sourceM[cell]) + (2.0 * sourceM[cell + 1])
                        + sourceM[south - 1] + (2.0 * sourceM[south]) + sourceM[south + 1];
                    if (!double.IsNaN(fullSum))
                    {
                        targetM[cell] = (float)(fullSum / 16);
                        continue;
                    }
                }
                double sum = 0;
                double weightSum = 0;
                for (int r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, _lastRow); r++)
                {
                    int rowWeight = r == row ? 2 : 1;
                    for (int c = Math.Max(column - 1, 0); c <= Math.Min(column + 1, _lastColumn); c++)
                    {
                        Add(sourceM[(r * columnCount) + c], rowWeight * (c == column ? 2 : 1), ref sum, ref weightSum);
                    }
                }
                targetM[cell] = (float)(sum / weightSum);
            }
        }
    }

    private void MedianFilter(ReadOnlySpan<float> sourceM, Span<float> targetM)
    {
        int columnCount = _layout.ColumnCount;
        Span<float> window = stackalloc float[9];
        for (int row = 0; row <= _lastRow; row++)
        {
            for (int column = 0; column <= _lastColumn; column++)
            {
                int cell = (row * columnCount) + column;
                if (float.IsNaN(sourceM[cell]))
                {
                    targetM[cell] = float.NaN;
                    continue;
                }
                if (IsInterior(row, column))
                {
                    // As in the binomial filter: a full window straight to the network, a void in it the long way.
                    int north = cell - columnCount, south = cell + columnCount;
                    sourceM.Slice(north - 1, 3).CopyTo(window);
                    sourceM.Slice(cell - 1, 3).CopyTo(window[3..]);
                    sourceM.Slice(south - 1, 3).CopyTo(window[6..]);
                    if (!float.IsNaN(window[0] + window[1] + window[2] + window[3] + window[4] + window[5] + window[6] + window[7] + window[8]))
                    {
                        targetM[cell] = MedianOfNine(window);
                        continue;
                    }
                }
                int count = 0;
                for (int r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, _lastRow); r++)
                {
                    for (int c = Math.Max(column - 1, 0); c <= Math.Min(column + 1, _lastColumn); c++)
                    {
                        float value = sourceM[(r * columnCount) + c];
                        if (!float.IsNaN(value))
                        {
                            window[count++] = value;
                        }
                    }
                }
                var valid = window[..count];
                valid.Sort();
                targetM[cell] = count % 2 == 1 ? valid[count / 2] : (valid[(count / 2) - 1] + valid[count / 2]) / 2;
            }
        }
    }

    /// <summary>
    /// The median of a full window by a fixed network of 19 compare-exchanges (Paeth's, as in Devillard's "Fast median
    /// search"): a city of 1 m tiles is hundreds of millions of cells, and sorting each window took most of the reading.
    /// </summary>
    private static float MedianOfNine(Span<float> p)
    {
        Order(p, 1, 2); Order(p, 4, 5); Order(p, 7, 8);
        Order(p, 0, 1); Order(p, 3, 4); Order(p, 6, 7);
        Order(p, 1, 2); Order(p, 4, 5); Order(p, 7, 8);
        Order(p, 0, 3); Order(p, 5, 8); Order(p, 4, 7);
        Order(p, 3, 6); Order(p, 1, 4); Order(p, 2, 5);
        Order(p, 4, 7); Order(p, 4, 2); Order(p, 6, 4);
        Order(p, 4, 2);
        return p[4];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Order(Span<float> values, int low, int high)
    {
        if (values[low] > values[high])
        {
            (values[low], values[high]) = (values[high], values[low]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(float elevationM, double weight, ref double sum, ref double weightSum)
    {
        if (!float.IsNaN(elevationM))
        {
            sum += weight * elevationM;
            weightSum += weight;
        }
    }

    /// <summary>Arc-seconds for a geographic grid, metres for a projected one; one number when the cells are square.</summary>
    private string CellSizeText()
    {
        (double factor, string format, string unit) = CoordinateSystem.IsGeographic ? (3600.0, "0.0", " arc-seconds") : (1.0, "0.0##", " m");
        string x = (_layout.CellSizeX * factor).ToString(format, CultureInfo.InvariantCulture);
        string y = (_layout.CellSizeY * factor).ToString(format, CultureInfo.InvariantCulture);
        return (x == y ? x : $"{x} x {y}") + unit;
    }

    /// <summary>
    /// The WGS 84 box around the grid's outer cell edges. A projected grid's edges are not parallels and meridians, so
    /// each edge is traced at several points and the box widened by a hundredth of its size for the curvature between.
    /// </summary>
    private BoundingBox Wgs84Bounds()
    {
        const int PointsPerEdge = 16;
        double west = _layout.Column0X - (_layout.CellSizeX / 2), east = _layout.CellCentreX(_lastColumn) + (_layout.CellSizeX / 2);
        double north = _layout.Row0Y + (_layout.CellSizeY / 2), south = _layout.CellCentreY(_lastRow) - (_layout.CellSizeY / 2);
        if (CoordinateSystem.IsGeographic)
        {
            return new BoundingBox(south, west, north, east);
        }
        double minLat = double.MaxValue, minLon = double.MaxValue, maxLat = double.MinValue, maxLon = double.MinValue;
        for (int i = 0; i <= PointsPerEdge; i++)
        {
            double x = west + ((east - west) * i / PointsPerEdge);
            double y = south + ((north - south) * i / PointsPerEdge);
            foreach ((double pointX, double pointY) in (ReadOnlySpan<(double, double)>)[(x, south), (x, north), (west, y), (east, y)])
            {
                (double latitude, double longitude) = CoordinateSystem.ToWgs84(pointX, pointY);
                (minLat, maxLat) = (Math.Min(minLat, latitude), Math.Max(maxLat, latitude));
                (minLon, maxLon) = (Math.Min(minLon, longitude), Math.Max(maxLon, longitude));
            }
        }
        double marginLat = (maxLat - minLat) / 100, marginLon = (maxLon - minLon) / 100;
        return new BoundingBox(minLat - marginLat, minLon - marginLon, maxLat + marginLat, maxLon + marginLon);
    }
}
