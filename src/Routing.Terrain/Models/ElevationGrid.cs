using System.Globalization;
using System.Runtime.CompilerServices;
using Routing.Graph;

namespace Routing.Terrain;

/// <summary>
/// A terrain raster in memory: one elevation per cell, row-major from the north-west, void cells as NaN. Elevations
/// are floats rather than the files' int16 so that <see cref="Smoothed"/> keeps its sub-metre averages.
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
    /// <param name="layout">Where the cells are.</param>
    /// <param name="elevationsM">Metres above sea level, <see cref="RasterLayout.RowCount"/> x <see cref="RasterLayout.ColumnCount"/>, NaN for voids; kept, not copied.</param>
    public ElevationGrid(string fileName, string format, RasterLayout layout, float[] elevationsM)
        : this(fileName, format, layout, elevationsM, isSmoothed: false)
    {
    }

    private ElevationGrid(string fileName, string format, RasterLayout layout, float[] elevationsM, bool isSmoothed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.RowCount, 1, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.ColumnCount, 1, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.CellSizeLatDeg, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.CellSizeLonDeg, nameof(layout));
        if (elevationsM.Length != (long)layout.RowCount * layout.ColumnCount)
        {
            throw new ArgumentException(
                $"{elevationsM.Length} elevations for {layout.RowCount} x {layout.ColumnCount} cells", nameof(elevationsM));
        }
        _fileName = fileName;
        _format = format;
        _layout = layout;
        _elevationsM = elevationsM;
        _lastRow = layout.RowCount - 1;
        _lastColumn = layout.ColumnCount - 1;
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName} ({format}, {layout.ColumnCount} x {layout.RowCount} cells of {CellSizeText(layout)} arc-seconds{(isSmoothed ? ", smoothed" : "")})");
    }

    public RasterLayout Layout => _layout;

    public string Description { get; }

    /// <summary>
    /// Bilinear between the four cell centres around the point. Void cells are left out and the weights of the others
    /// renormalised, so a point next to a void still gets a value. Points up to half a cell beyond the outermost
    /// centres (the outer half of an edge pixel) take the edge cells' values; farther out there is no data.
    /// </summary>
    public bool TryGetElevationM(double latitude, double longitude, out double elevationM)
    {
        double rowPosition = (_layout.Row0LatitudeDeg - latitude) / _layout.CellSizeLatDeg;
        double columnPosition = (longitude - _layout.Column0LongitudeDeg) / _layout.CellSizeLonDeg;
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

    public double CellSizeMAt(double latitude, double longitude)
    {
        if (!TryGetElevationM(latitude, longitude, out _))
        {
            return double.NaN;
        }
        double northSouthM = _layout.CellSizeLatDeg * Coordinates.MetresPerDegree;
        double eastWestM = _layout.CellSizeLonDeg * Coordinates.MetresPerDegree * Math.Cos(latitude * (Math.PI / 180));
        return Math.Max(northSouthM, eastWestM);
    }

    /// <summary>The stored value of one cell, NaN for a void.</summary>
    internal float ElevationAtCell(int row, int column) => _elevationsM[(row * _layout.ColumnCount) + column];

    /// <summary>
    /// A copy for deriving slopes: first each valid cell becomes the median of the valid cells in its 3 x 3
    /// neighbourhood, which removes single-cell spikes (SRTM is a surface model: a tower block or a stand of trees
    /// reads as a hill) and leaves planes and ridges as they are; then the 3 x 3 binomial average (weights 1-2-1 by
    /// 1-2-1) takes the step noise out. Voids stay voids; at the border and next to voids only the cells that exist
    /// count and the weights are renormalised.
    /// </summary>
    public ElevationGrid Smoothed() => MedianFiltered().BinomialSmoothed();

    /// <summary>Each valid cell as the 3 x 3 binomial average of the valid cells around it (see <see cref="Smoothed"/>).</summary>
    internal ElevationGrid BinomialSmoothed()
    {
        int rowCount = _layout.RowCount;
        int columnCount = _layout.ColumnCount;
        var smoothedM = new float[_elevationsM.Length];
        for (int row = 0; row < rowCount; row++)
        {
            for (int column = 0; column < columnCount; column++)
            {
                int cell = (row * columnCount) + column;
                if (float.IsNaN(_elevationsM[cell]))
                {
                    smoothedM[cell] = float.NaN;
                    continue;
                }
                double sum = 0;
                double weightSum = 0;
                for (int r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, _lastRow); r++)
                {
                    int rowWeight = r == row ? 2 : 1;
                    for (int c = Math.Max(column - 1, 0); c <= Math.Min(column + 1, _lastColumn); c++)
                    {
                        Add(_elevationsM[(r * columnCount) + c], rowWeight * (c == column ? 2 : 1), ref sum, ref weightSum);
                    }
                }
                smoothedM[cell] = (float)(sum / weightSum);
            }
        }
        return new ElevationGrid(_fileName, _format, _layout, smoothedM, isSmoothed: true);
    }

    /// <summary>Each valid cell as the median of the valid cells around it (3 x 3, fewer at borders and voids).</summary>
    internal ElevationGrid MedianFiltered()
    {
        int columnCount = _layout.ColumnCount;
        var medianM = new float[_elevationsM.Length];
        Span<float> window = stackalloc float[9];
        for (int row = 0; row <= _lastRow; row++)
        {
            for (int column = 0; column <= _lastColumn; column++)
            {
                int cell = (row * columnCount) + column;
                if (float.IsNaN(_elevationsM[cell]))
                {
                    medianM[cell] = float.NaN;
                    continue;
                }
                int count = 0;
                for (int r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, _lastRow); r++)
                {
                    for (int c = Math.Max(column - 1, 0); c <= Math.Min(column + 1, _lastColumn); c++)
                    {
                        float value = _elevationsM[(r * columnCount) + c];
                        if (!float.IsNaN(value))
                        {
                            window[count++] = value;
                        }
                    }
                }
                var valid = window[..count];
                valid.Sort();
                medianM[cell] = count % 2 == 1 ? valid[count / 2] : (valid[(count / 2) - 1] + valid[count / 2]) / 2;
            }
        }
        return new ElevationGrid(_fileName, _format, _layout, medianM, isSmoothed: true);
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

    private static string CellSizeText(RasterLayout layout)
    {
        string lon = (layout.CellSizeLonDeg * 3600).ToString("0.0", CultureInfo.InvariantCulture);
        string lat = (layout.CellSizeLatDeg * 3600).ToString("0.0", CultureInfo.InvariantCulture);
        return lon == lat ? lon : $"{lon} x {lat}";
    }
}
