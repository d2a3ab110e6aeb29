namespace Routing.Terrain;

/// <summary>
/// Where the cells of a regular latitude/longitude raster sit: row 0 is the northernmost row, column 0 the westernmost
/// column, and the coordinates are those of cell centres (the points whose values the file gives).
/// </summary>
internal readonly record struct RasterLayout(
    int RowCount,
    int ColumnCount,
    double Row0LatitudeDeg,
    double Column0LongitudeDeg,
    double CellSizeLatDeg,
    double CellSizeLonDeg)
{
    public double CellCentreLatitudeDeg(int row) => Row0LatitudeDeg - (row * CellSizeLatDeg);

    public double CellCentreLongitudeDeg(int column) => Column0LongitudeDeg + (column * CellSizeLonDeg);
}
