using System.Globalization;
using System.Text;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

/// <summary>XYZ tiles as German states publish DGM1: "x y z" lines in ETRS89 / UTM 32N.</summary>
public sealed class XyzTileTests
{
    // 60 x 40 points 2 m apart from (477700, 5472980): Bismarckplatz (477758.894, 5473013.647 in GDAL's UTM) lies inside.
    private const double WestM = 477_700, SouthM = 5_472_980, CellM = 2;
    private const int Columns = 60, Rows = 40;

    // 3 % up to the east, 1 % up to the north.
    private static double PlaneM(double eastM, double northM) => 150 + (0.03 * (eastM - WestM)) + (0.01 * (northM - SouthM));

    /// <summary>
    /// The tile's lines: as NRW and others write them (column by column from the south-west, two decimals), with a
    /// header, and every point whose <paramref name="skip"/> is true left out.
    /// </summary>
    private static string Tile(string separator = " ", Func<int, int, bool>? skip = null)
    {
        var text = new StringBuilder("X Y Z\n");
        for (int column = 0; column < Columns; column++)
        {
            for (int row = 0; row < Rows; row++)
            {
                if (skip?.Invoke(row, column) == true)
                {
                    continue;
                }
                double east = WestM + (column * CellM), north = SouthM + (row * CellM);
                text.Append(CultureInfo.InvariantCulture, $"{east:F2}{separator}{north:F2}{separator}{PlaneM(east, north):F2}\r\n");
            }
        }
        return text.ToString();
    }

    private static string WriteTile(TempDirectory directory, string text, string name = "dgm1_32_477_5472.xyz")
    {
        string path = directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double HeightAt(IElevationModel model, double latitude, double longitude)
    {
        Assert.True(model.TryGetElevationM(latitude, longitude, out double elevationM));
        return elevationM;
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(";")]
    [InlineData(",  ")]
    public void An_xyz_tile_is_a_grid_in_utm_32n_by_default(string separator)
    {
        using var directory = new TempDirectory();
        IElevationModel model = ElevationFiles.Open([WriteTile(directory, Tile(separator))]);

        // GDAL 3.6.2: echo 8.6934 49.4094 | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:25832 -> 477758.894 5473013.647
        Assert.Equal(PlaneM(477758.894259506, 5473013.64740996), HeightAt(model, 49.4094, 8.6934), 0.01);
        Assert.Equal(2, model.CellSizeMAt(49.4094, 8.6934));
        Assert.Equal("dgm1_32_477_5472.xyz (XYZ, EPSG:25832, 60 x 40 cells of 2.0 m)", model.Description);
    }

    [Fact]
    public void The_points_are_cell_centres_whatever_their_order()
    {
        using var directory = new TempDirectory();
        string[] lines = Tile().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        string[] shuffled = [.. lines[1..].OrderBy(line => line.GetHashCode(StringComparison.Ordinal))];
        var grid = (ElevationGrid)ElevationFiles.Open([WriteTile(directory, string.Join("\n", shuffled))]);

        Assert.Equal(new RasterLayout(Rows, Columns, SouthM + ((Rows - 1) * CellM), WestM, CellM, CellM), grid.Layout);
        Assert.Equal(PlaneM(WestM, SouthM), grid.ElevationAtCell(Rows - 1, 0), 0.005);
        Assert.Equal(PlaneM(WestM + (7 * CellM), SouthM + (31 * CellM)), grid.ElevationAtCell(Rows - 1 - 31, 7), 0.005);
    }

    [Fact]
    public void Points_the_file_leaves_out_are_voids_that_interpolation_steps_around()
    {
        using var directory = new TempDirectory();
        var grid = (ElevationGrid)ElevationFiles.Open([WriteTile(directory, Tile(skip: (row, column) => (row, column) == (20, 30)))]);

        Assert.True(float.IsNaN(grid.ElevationAtCell(Rows - 1 - 20, 30)));
        (double latitude, double longitude) = grid.CoordinateSystem.ToWgs84(WestM + (30.3 * CellM), SouthM + (20.2 * CellM));
        Assert.True(grid.TryGetElevationM(latitude, longitude, out double elevationM));
        Assert.InRange(elevationM, PlaneM(WestM + (30 * CellM), SouthM + (20 * CellM)), PlaneM(WestM + (31 * CellM), SouthM + (21 * CellM)));
    }

    [Fact]
    public void The_coordinate_system_can_be_given()
    {
        using var directory = new TempDirectory();
        string path = WriteTile(directory, Tile());

        // WGS 84 / UTM 32N is the same grid to a metre.
        Assert.Equal(
            HeightAt(ElevationFiles.Open([path]), 49.4094, 8.6934),
            HeightAt(ElevationFiles.Open([path], xyzCrs: "EPSG:32632"), 49.4094, 8.6934),
            0.001);
        // In zone 33 the same numbers lie 400 km east.
        Assert.False(ElevationFiles.Open([path], xyzCrs: "25833").TryGetElevationM(49.4094, 8.6934, out _));
    }

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("UTM32")]
    public void An_unsupported_coordinate_system_for_xyz_is_refused(string xyzCrs)
    {
        using var directory = new TempDirectory();
        string path = WriteTile(directory, Tile());

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path], xyzCrs: xyzCrs));

        Assert.Equal(path, exception.FilePath);
        Assert.Contains($"XYZ tiles are to be read in '{xyzCrs}', which is no supported coordinate system; name one such as EPSG:25832", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_tile_names_the_broken_line()
    {
        using var directory = new TempDirectory();
        string text = Tile();
        string path = WriteTile(directory, text[..(text.Length - 10)]);

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path]));

        Assert.StartsWith(path + ": line 2401 is not an \"x y z\" point ('477818.00 5473058.", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("give an XYZ tile with three numbers per line, decimal points, separated by spaces", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_commas_are_refused()
    {
        using var directory = new TempDirectory();
        string path = WriteTile(directory, "477700,00 5472980,00 150,00\n");

        Assert.Contains("line 1 is not an \"x y z\" point", Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_off_the_grid_are_refused()
    {
        using var directory = new TempDirectory();
        string path = WriteTile(directory, Tile() + "477701.00 5472980.00 150.00\n");

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path]));

        Assert.Contains("point 2401 (477701, 5472980) lies between the grid's points", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tiles_in_one_file_far_apart_are_refused_rather_than_filling_memory()
    {
        using var directory = new TempDirectory();
        string path = WriteTile(directory, Tile() + "577700.00 5572980.00 150.00\n");

        Assert.Contains("do not form a regular grid", Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_tile_and_a_single_point_are_no_terrain()
    {
        using var directory = new TempDirectory();
        string empty = WriteTile(directory, "X Y Z\n", "empty.xyz");
        string single = WriteTile(directory, "477700 5472980 150\n", "single.xyz");

        Assert.Contains("holds no \"x y z\" lines", Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([empty])).Message, StringComparison.Ordinal);
        Assert.Contains("holds a single grid point", Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([single])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_xyz_tiles_joins_them()
    {
        using var directory = new TempDirectory();
        // Two tiles side by side, split between columns 29 and 30.
        WriteTile(directory, Tile(skip: (_, column) => column >= 30), "west.xyz");
        WriteTile(directory, Tile(skip: (_, column) => column < 30), "east.xyz");

        IElevationModel model = ElevationFiles.Open([directory.Path], smoothed: true);

        GridCoordinateSystem utm32 = GridCoordinateSystem.FromEpsg(25832)!;
        // Inside each tile, and on the seam, where the first tile given answers from its edge cell half a cell away,
        // smoothed from one side only: there the height may be off by about one cell's rise (6 cm).
        foreach (double eastM in new[] { 477_721.3, 477_797.7, 477_759 })
        {
            (double latitude, double longitude) = utm32.ToWgs84(eastM, 5_473_013.6);
            Assert.Equal(PlaneM(eastM, 5_473_013.6), HeightAt(model, latitude, longitude), eastM == 477_759 ? 0.1 : 0.001);
        }
        Assert.EndsWith("/ (2 files: XYZ, EPSG:25832, cells of 2.0 m, smoothed)", model.Description, StringComparison.Ordinal);
    }
}
