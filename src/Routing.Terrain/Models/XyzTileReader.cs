using System.Globalization;
using System.Text;

namespace Routing.Terrain;

/// <summary>
/// Reads XYZ tiles as German states publish their 1 m ground models: one "x y z" line per grid point (separated by
/// spaces, tabs, commas or semicolons; decimal points), the points on a regular north-up grid in any order, with an
/// optional header line. The file does not say its coordinate system, so the caller does. Each point is a cell centre;
/// grid points the file leaves out are voids.
/// </summary>
internal static class XyzTileReader
{
    private const string Format = "XYZ";

    /// <summary>How far off the grid a point may be, in cells: coordinates are written with a few decimals at most.</summary>
    private const double GridTolerance = 0.01;

    /// <summary>A grid with many times more cells than points is not the file's grid but a misreading of it.</summary>
    private const int MaxCellsPerPoint = 16;

    public static ElevationGrid Read(string path, GridCoordinateSystem system)
    {
        byte[] text = File.ReadAllBytes(path);
        int capacity = text.Length / 20;
        var xs = new List<double>(capacity);
        var ys = new List<double>(capacity);
        var zs = new List<float>(capacity);
        ReadPoints(path, text, xs, ys, zs);
        if (xs.Count == 0)
        {
            throw new TerrainFileException(path, "holds no \"x y z\" lines; give an XYZ tile with one point per line");
        }
        (double minX, double cellSizeX, int columnCount) = Axis(path, xs, "x");
        (double minY, double cellSizeY, int rowCount) = Axis(path, ys, "y");
        // A one-point-wide tile has no spacing along that axis; the other axis lends its own.
        cellSizeX = double.IsNaN(cellSizeX) ? cellSizeY : cellSizeX;
        cellSizeY = double.IsNaN(cellSizeY) ? cellSizeX : cellSizeY;
        if (double.IsNaN(cellSizeX))
        {
            throw new TerrainFileException(path, "holds a single grid point, which is no terrain model; give the whole tile");
        }
        long cellCount = (long)rowCount * columnCount;
        if (cellCount > Array.MaxLength || cellCount > (long)xs.Count * MaxCellsPerPoint)
        {
            throw new TerrainFileException(
                path,
                string.Create(CultureInfo.InvariantCulture,
                    $"its {xs.Count} points do not form a regular grid: with cells of {cellSizeX} x {cellSizeY} they would span {columnCount} x {rowCount} cells; give one XYZ tile per file"));
        }
        var elevationsM = new float[cellCount];
        Array.Fill(elevationsM, float.NaN);
        double maxY = minY + ((rowCount - 1) * cellSizeY);
        for (int i = 0; i < xs.Count; i++)
        {
            int column = GridIndex(path, (xs[i] - minX) / cellSizeX, i, xs[i], ys[i]);
            int row = GridIndex(path, (maxY - ys[i]) / cellSizeY, i, xs[i], ys[i]);
            elevationsM[((long)row * columnCount) + column] = zs[i];
        }
        var layout = new RasterLayout(rowCount, columnCount, maxY, minX, cellSizeY, cellSizeX);
        return new ElevationGrid(Path.GetFileName(path), Format, system, layout, elevationsM);
    }

    private static void ReadPoints(string path, ReadOnlySpan<byte> text, List<double> xs, List<double> ys, List<float> zs)
    {
        Span<double> values = stackalloc double[3];
        int lineNumber = 0;
        while (!text.IsEmpty)
        {
            int end = text.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            lineNumber++;
            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }
            if (TryParse(line, values))
            {
                xs.Add(values[0]);
                ys.Add(values[1]);
                zs.Add((float)values[2]);
            }
            else if (!(lineNumber == 1 && IsHeader(line)))
            {
                string shown = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 40)]);
                throw new TerrainFileException(
                    path,
                    $"line {lineNumber} is not an \"x y z\" point ('{shown}'); give an XYZ tile with three numbers per line, decimal points, separated by spaces");
            }
        }
    }

    /// <summary>Three numbers separated by runs of spaces, tabs, commas or semicolons.</summary>
    private static bool TryParse(ReadOnlySpan<byte> line, Span<double> values)
    {
        int count = 0;
        while (!line.IsEmpty)
        {
            int end = line.IndexOfAny(" \t,;"u8);
            ReadOnlySpan<byte> field = end < 0 ? line : line[..end];
            line = end < 0 ? [] : line[(end + 1)..].TrimStart(" \t,;"u8);
            if (count == values.Length || !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[count]))
            {
                return false;
            }
            count++;
        }
        return count == values.Length && double.IsFinite(values[0]) && double.IsFinite(values[1]);
    }

    /// <summary>A first line such as "x y z" or "X;Y;Z;" names the columns.</summary>
    private static bool IsHeader(ReadOnlySpan<byte> line) => line.IndexOfAnyInRange((byte)'0', (byte)'9') < 0;

    /// <summary>
    /// The grid along one axis: its smallest coordinate, the spacing (the commonest gap between neighbouring distinct
    /// coordinates, NaN for a single one), and how many cells it spans.
    /// </summary>
    private static (double Min, double CellSize, int Count) Axis(string path, List<double> coordinates, string name)
    {
        double[] distinct = [.. new HashSet<double>(coordinates).Order()];
        if (distinct.Length == 1)
        {
            return (distinct[0], double.NaN, 1);
        }
        // The commonest gap, counting gaps that differ by less than a millionth of the span as one; the cell size is
        // then the span over the whole number of such gaps in it, which undoes the rounding of the file's decimals.
        double span = distinct[^1] - distinct[0];
        var gapCounts = new Dictionary<long, (double Gap, int Count)>();
        for (int i = 1; i < distinct.Length; i++)
        {
            double gap = distinct[i] - distinct[i - 1];
            long key = (long)Math.Round(gap / span * 1e6);
            gapCounts[key] = (gap, gapCounts.GetValueOrDefault(key).Count + 1);
        }
        double cells = Math.Round(span / gapCounts.Values.MaxBy(entry => entry.Count).Gap);
        double cellSize = span / cells;
        if (!(cells > 0) || cells >= Array.MaxLength)
        {
            throw new TerrainFileException(path, $"its {name} coordinates are on no regular grid; give an XYZ tile of a regular grid");
        }
        return (distinct[0], cellSize, (int)cells + 1);
    }

    private static int GridIndex(string path, double position, int point, double x, double y)
    {
        double index = Math.Round(position);
        if (Math.Abs(position - index) > GridTolerance)
        {
            throw new TerrainFileException(
                path,
                string.Create(CultureInfo.InvariantCulture,
                    $"point {point + 1} ({x}, {y}) lies between the grid's points; give an XYZ tile of a regular grid (one tile per file)"));
        }
        return (int)index;
    }
}
