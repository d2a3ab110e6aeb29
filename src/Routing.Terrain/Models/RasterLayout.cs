namespace Routing.Terrain;

/// <summary>
/// Where the cells of a north-up raster sit in its coordinate system (<see cref="GridCoordinateSystem"/>: x east and y
/// north, in degrees for a geographic grid and in metres for a projected one): row 0 is the northernmost row, column 0
/// the westernmost column, and the coordinates are those of cell centres (the points whose values the file gives).
/// </summary>
internal readonly record struct RasterLayout(
    int RowCount,
    int ColumnCount,
    double Row0Y,
    double Column0X,
    double CellSizeY,
    double CellSizeX)
{
    public double CellCentreY(int row) => Row0Y - (row * CellSizeY);

    public double CellCentreX(int column) => Column0X + (column * CellSizeX);
}
