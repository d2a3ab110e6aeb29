using Routing.TestSupport;

namespace Routing.Terrain.Tests;

public sealed class SrtmTileTests
{
    private const double Srtm3CellDeg = 1.0 / 1200;

    /// <summary>Cell (row, column) holds row + column, except a few voids.</summary>
    private static short Pattern(int row, int column) =>
        (row, column) is (10, 20) or (600, 600) ? short.MinValue : (short)(row + column);

    private static ElevationGrid WriteAndRead(TempDirectory directory, string name)
    {
        string path = directory.File(name);
        TestTerrainFiles.WriteHgt(path, TestTerrainFiles.Srtm3Side, Pattern);
        return ElevationFiles.Read(path);
    }

    [Fact]
    public void Row_0_is_the_northern_edge_and_column_0_the_western_edge()
    {
        using var directory = new TempDirectory();
        ElevationGrid tile = WriteAndRead(directory, "N43E007.hgt");

        Assert.Equal(new RasterLayout(1201, 1201, 44, 7, Srtm3CellDeg, Srtm3CellDeg), tile.Layout);
        Assert.Equal(0, tile.ElevationAtCell(0, 0));
        Assert.Equal(1200 + 3, tile.ElevationAtCell(1200, 3));
        Assert.True(float.IsNaN(tile.ElevationAtCell(10, 20)));
        // Samples sit on the tile's edges: the corners of the degree square are cell centres.
        AssertElevation(tile, 44, 7, 0);
        AssertElevation(tile, 43, 7, 1200);
        AssertElevation(tile, 44, 8, 1200);
        AssertElevation(tile, 43, 8, 2400);
    }

    [Fact]
    public void Between_cells_the_value_is_bilinear()
    {
        using var directory = new TempDirectory();
        ElevationGrid tile = WriteAndRead(directory, "N43E007.hgt");

        // Midway between the centres of rows 100 and 101, columns 200 and 201: the mean of 300, 301, 301 and 302.
        AssertElevation(tile, 44 - (100.5 * Srtm3CellDeg), 7 + (200.5 * Srtm3CellDeg), 301);
        // A quarter cell south and east of (500, 500): row + column is a plane, so bilinear is exact on it.
        AssertElevation(tile, 44 - (500.25 * Srtm3CellDeg), 7 + (500.25 * Srtm3CellDeg), 1000.5);
    }

    [Fact]
    public void Next_to_a_void_the_other_three_cells_answer()
    {
        using var directory = new TempDirectory();
        ElevationGrid tile = WriteAndRead(directory, "N43E007.hgt");

        // Cells (600, 599) = 1199, (601, 599) = 1200 and (601, 600) = 1201 around the void (600, 600).
        AssertElevation(tile, 44 - (600.5 * Srtm3CellDeg), 7 + (599.5 * Srtm3CellDeg), (1199 + 1200 + 1201) / 3.0);
    }

    [Theory]
    [InlineData("S12W077.hgt", -12, -77)]
    [InlineData("s01e001.hgt", -1, 1)]
    [InlineData("N00W180.hgt", 0, -180)]
    public void South_and_west_give_negative_coordinates(string name, int southLatitude, int westLongitude)
    {
        using var directory = new TempDirectory();
        ElevationGrid tile = WriteAndRead(directory, name);

        Assert.Equal(southLatitude + 1, tile.Layout.Row0Y);
        Assert.Equal(westLongitude, tile.Layout.Column0X);
        AssertElevation(tile, southLatitude, westLongitude + 1, 2400);
    }

    [Fact]
    public void An_srtm1_tile_has_cells_of_one_arc_second()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N49E008.hgt");
        TestTerrainFiles.WriteHgt(path, 3601, (row, column) => (short)(row - column));

        ElevationGrid tile = ElevationFiles.Read(path);

        Assert.Equal(1.0 / 3600, tile.Layout.CellSizeY);
        AssertElevation(tile, 49, 9, 0);
        AssertElevation(tile, 49, 8, 3600);
        Assert.Equal("N49E008.hgt (SRTM, 3601 x 3601 cells of 1.0 arc-seconds)", tile.Description);
    }

    [Fact]
    public void A_zipped_tile_reads_like_the_raw_one()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N43E007.SRTMGL3.hgt.zip");
        TestTerrainFiles.WriteZip(path, ("N43E007.hgt", TestTerrainFiles.HgtBytes(TestTerrainFiles.Srtm3Side, Pattern)));

        ElevationGrid tile = ElevationFiles.Read(path);

        Assert.Equal(new RasterLayout(1201, 1201, 44, 7, Srtm3CellDeg, Srtm3CellDeg), tile.Layout);
        Assert.Equal(1200 + 3, tile.ElevationAtCell(1200, 3));
        Assert.True(float.IsNaN(tile.ElevationAtCell(600, 600)));
        Assert.Equal("N43E007.SRTMGL3.hgt.zip (SRTM, 1201 x 1201 cells of 3.0 arc-seconds)", tile.Description);
    }

    [Fact]
    public void Monaco_matches_the_cells_gdal_reads()
    {
        ElevationGrid tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);

        Assert.Equal("N43E007.hgt.zip (SRTM, 1201 x 1201 cells of 3.0 arc-seconds)", tile.Description);
        // Reference cells read with GDAL 3.6.2: gdallocationinfo -valonly /vsizip/data/N43E007.hgt.zip/N43E007.hgt COLUMN ROW.
        Assert.Equal(771, tile.ElevationAtCell(0, 0));
        Assert.Equal(763, tile.ElevationAtCell(0, 1200));
        Assert.Equal(0, tile.ElevationAtCell(1200, 1200));
        Assert.Equal(1138, tile.ElevationAtCell(275, 504)); // Mont Agel, the highest cell near Monaco
        Assert.True(float.IsNaN(tile.ElevationAtCell(289, 514))); // -32768 in the file
    }

    [Fact]
    public void Monaco_casino_and_mont_agel_are_at_their_srtm_heights()
    {
        ElevationGrid tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);

        // Casino de Monte-Carlo lies at row 312.72, column 513.48 between cells (312, 513) = 45, (312, 514) = 45,
        // (313, 513) = 54 and (313, 514) = 50 (gdallocationinfo); bilinear: 50.10 m.
        AssertElevation(tile, 43.7394, 7.4279, 50.0976, precision: 3);
        // Mont Agel's summit (1148 m on maps; SRTM has 1138 m in cell (275, 504), centre 43.770833 N, 7.42 E).
        AssertElevation(tile, 44 - (275 * Srtm3CellDeg), 7 + (504 * Srtm3CellDeg), 1138);
    }

    [Fact]
    public void Monaco_voids_are_those_gdal_counts()
    {
        ElevationGrid tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);
        // Counted with GDAL's Python bindings (ReadAsArray() == -32768): 1,595 in the tile, 14 of them with centres in
        // Monaco's bounding box, lon 7.349 to 7.491, lat 43.7148 to 43.7700 (rows 276 to 342, columns 419 to 589).
        int voids = 0, voidsInMonaco = 0;
        for (int row = 0; row < 1201; row++)
        {
            for (int column = 0; column < 1201; column++)
            {
                if (float.IsNaN(tile.ElevationAtCell(row, column)))
                {
                    voids++;
                    voidsInMonaco += row is >= 276 and <= 342 && column is >= 419 and <= 589 ? 1 : 0;
                }
            }
        }

        Assert.Equal(1595, voids);
        Assert.Equal(14, voidsInMonaco);
    }

    [Fact]
    public void Monaco_next_to_a_void_renormalises_the_weights()
    {
        ElevationGrid tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);

        // One of the tile's 1,595 voids: cell (289, 514) above Monaco; around it (288, 513) = 585, (288, 514) = 614
        // and (289, 513) = 523 (gdallocationinfo). At the midpoint of the four each has weight 1/4, renormalised to 1/3.
        AssertElevation(tile, 44 - (288.5 * Srtm3CellDeg), 7 + (513.5 * Srtm3CellDeg), (585 + 614 + 523) / 3.0, precision: 6);
    }

    [Fact]
    public void Outside_the_tile_there_is_no_data()
    {
        ElevationGrid tile = ElevationFiles.Read(RepositoryPaths.MonacoElevation);

        Assert.False(tile.TryGetElevationM(49.41, 8.69, out _));
        Assert.False(tile.TryGetElevationM(43.5, 6.99, out _));
    }

    private static void AssertElevation(ElevationGrid tile, double latitude, double longitude, double expectedM, int precision = 6)
    {
        Assert.True(tile.TryGetElevationM(latitude, longitude, out double elevationM), $"no data at {latitude}, {longitude}");
        Assert.Equal(expectedM, elevationM, precision);
    }
}
