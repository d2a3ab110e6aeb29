using NetTopologySuite.Geometries;

namespace Routing.Analysis;

/// <summary>
/// Cells of a square grid in a metric plane, marked where they lie within a radius of a point or segment: the area
/// around reached ways, as rectangles (one per run of marked cells in a row) ready to be joined. Cells are kept in a
/// hash set, so the grid grows with the reached area, not with its bounding box.
/// </summary>
internal sealed class CorridorGrid(double cellM, double radiusM)
{
    private readonly HashSet<(int Column, int Row)> _cells = [];
    private readonly int _reachCells = (int)Math.Ceiling(radiusM / cellM);

    /// <summary>Marks every cell whose centre lies within the radius of the point.</summary>
    public void Mark(Coordinate point)
    {
        int column = (int)Math.Floor(point.X / cellM), row = (int)Math.Floor(point.Y / cellM);
        double radiusSquared = radiusM * radiusM;
        for (int dr = -_reachCells; dr <= _reachCells; dr++)
        {
            for (int dc = -_reachCells; dc <= _reachCells; dc++)
            {
                double x = ((column + dc + 0.5) * cellM) - point.X, y = ((row + dr + 0.5) * cellM) - point.Y;
                if ((x * x) + (y * y) <= radiusSquared)
                {
                    _cells.Add((column + dc, row + dr));
                }
            }
        }
    }

    /// <summary>Marks the cells around a segment, from points along it half a cell apart.</summary>
    public void MarkSegment(Coordinate a, Coordinate b)
    {
        double lengthM = a.Distance(b);
        int steps = Math.Max(1, (int)Math.Ceiling(lengthM / (cellM / 2)));
        for (int i = 0; i <= steps; i++)
        {
            double t = (double)i / steps;
            Mark(new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))));
        }
    }

    /// <summary>
    /// The marked cells as rectangles, one per run of neighbouring marked cells in a row, in bands of
    /// <paramref name="rowsPerBand"/> rows from south to north: pieces of work that can be joined one at a time.
    /// </summary>
    public IEnumerable<Geometry> Bands(GeometryFactory factory, int rowsPerBand) =>
        _cells.GroupBy(c => c.Row)
            .GroupBy(row => (int)Math.Floor((double)row.Key / rowsPerBand))
            .OrderBy(band => band.Key)
            .Select(band => RowRuns(factory, band));

    private Geometry RowRuns(GeometryFactory factory, IEnumerable<IGrouping<int, (int Column, int Row)>> rows)
    {
        var rectangles = new List<Geometry>();
        foreach (var row in rows)
        {
            int[] columns = [.. row.Select(c => c.Column).Order()];
            int start = columns[0];
            for (int i = 1; i <= columns.Length; i++)
            {
                if (i < columns.Length && columns[i] == columns[i - 1] + 1)
                {
                    continue;
                }
                rectangles.Add(Rectangle(factory, start, columns[i - 1], row.Key));
                if (i < columns.Length)
                {
                    start = columns[i];
                }
            }
        }
        return factory.BuildGeometry(rectangles);
    }

    private Polygon Rectangle(GeometryFactory factory, int firstColumn, int lastColumn, int row)
    {
        double west = firstColumn * cellM, east = (lastColumn + 1) * cellM, south = row * cellM, north = (row + 1) * cellM;
        return factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);
    }
}
