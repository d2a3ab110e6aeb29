using BitMiracle.LibTiff.Classic;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

public sealed class GeoTiffTests
{
    private const double HeidelbergCellDeg = 1.0 / 1200;

    private static readonly Lazy<ElevationGrid> Heidelberg = new(() => ElevationFiles.Read(RepositoryPaths.HeidelbergElevation));

    [Fact]
    public void Heidelberg_is_read_with_its_corner_as_the_outer_edge_of_pixel_0_0()
    {
        RasterLayout layout = Heidelberg.Value.Layout;

        Assert.Equal((667, 756), (layout.RowCount, layout.ColumnCount));
        // Upper-left corner 8.372083333 E, 49.682916667 N, RasterPixelIsArea: centres are half a pixel in.
        Assert.Equal(49.6825, layout.Row0Y, 9);
        Assert.Equal(8.3725, layout.Column0X, 9);
        // The file's pixel height is 0.000833333334333 degrees, a rounding of 3 arc-seconds.
        Assert.Equal(HeidelbergCellDeg, layout.CellSizeY, 11);
        Assert.Equal(HeidelbergCellDeg, layout.CellSizeX, 11);
        Assert.Equal("heidelberg.elevation.tif (GeoTIFF, 756 x 667 cells of 3.0 arc-seconds)", Heidelberg.Value.Description);
    }

    [Fact]
    public void Koenigstuhl_is_573_m_at_column_425_row_342()
    {
        ElevationGrid grid = Heidelberg.Value;

        // osm-transform's tests expect 573 at pixel (425, 342): that is (column, row), as gdallocationinfo takes it.
        Assert.Equal(573, grid.ElevationAtCell(342, 425));
        Assert.Equal(118, grid.ElevationAtCell(425, 342)); // read as (row, column) it is a valley
        Assert.True(grid.TryGetElevationM(grid.Layout.CellCentreY(342), grid.Layout.CellCentreX(425), out double elevationM));
        Assert.Equal(573, elevationM, 6);
    }

    [Theory]
    // Corner cells read with GDAL 3.6.2: gdallocationinfo -valonly data/heidelberg.elevation.tif COLUMN ROW.
    [InlineData(0, 0, 88)]
    [InlineData(0, 755, 201)]
    [InlineData(666, 0, 108)]
    [InlineData(666, 755, 203)]
    public void Corner_cells_match_gdal(int row, int column, float expectedM)
    {
        ElevationGrid grid = Heidelberg.Value;

        Assert.Equal(expectedM, grid.ElevationAtCell(row, column));
        Assert.True(grid.TryGetElevationM(grid.Layout.CellCentreY(row), grid.Layout.CellCentreX(column), out double elevationM));
        Assert.Equal(expectedM, elevationM, 6);
    }

    [Theory]
    // Bilinear from the four cells gdallocationinfo reads around each point: the Neckar by the Old Bridge lies
    // between 108, 107, 107 and 107 (at row 325.77, column 371.95); Bismarckplatz between 120, 118, 125 and 125.
    [InlineData(49.411029, 8.682461, 107.011)]
    [InlineData(49.40947, 8.69303, 122.717)]
    public void Points_in_town_are_interpolated_like_gdal(double latitude, double longitude, double expectedM)
    {
        Assert.True(Heidelberg.Value.TryGetElevationM(latitude, longitude, out double elevationM));
        Assert.Equal(expectedM, elevationM, 0.001);
    }

    [Theory]
    [InlineData(49.6829, 8.3719)] // just beyond the west edge of the raster (8.372083 E)
    [InlineData(49.6831, 8.5)] // just beyond the north edge (49.682917 N)
    [InlineData(43.7394, 7.4279)] // Monaco
    public void Outside_the_raster_there_is_no_data(double latitude, double longitude)
    {
        Assert.False(Heidelberg.Value.TryGetElevationM(latitude, longitude, out _));
    }

    [Fact]
    public void Pixel_is_area_puts_the_tie_point_on_the_corner_of_pixel_0_0()
    {
        using var directory = new TempDirectory();
        ElevationGrid grid = WriteAndRead(directory, new TestGeoTiff());

        Assert.Equal(new RasterLayout(4, 5, 50 - 0.125, 8 + 0.25, 0.25, 0.5), grid.Layout);
        Assert.Equal(123, grid.ElevationAtCell(2, 3));
        Assert.True(grid.TryGetElevationM(50 - 0.125 - (2.5 * 0.25), 8.25 + (3.5 * 0.5), out double elevationM));
        Assert.Equal((123 + 124 + 133 + 134) / 4.0, elevationM, 9);
        Assert.Equal("test.tif (GeoTIFF, 5 x 4 cells of 1800.0 x 900.0 arc-seconds)", grid.Description);
    }

    [Fact]
    public void Pixel_is_point_puts_the_tie_point_on_the_centre_of_pixel_0_0()
    {
        using var directory = new TempDirectory();
        ElevationGrid grid = WriteAndRead(directory, new TestGeoTiff { GeoKeys = TestTerrainFiles.Wgs84PointKeys });

        Assert.Equal(new RasterLayout(4, 5, 50, 8, 0.25, 0.5), grid.Layout);
    }

    [Fact]
    public void A_tie_point_inside_the_raster_is_traced_back_to_pixel_0_0()
    {
        using var directory = new TempDirectory();
        // Raster position (2, 1) is the corner of pixel (column 2, row 1): 9° E, 49.75° N.
        ElevationGrid grid = WriteAndRead(directory, new TestGeoTiff { Tiepoint = [2, 1, 0, 9, 49.75, 0] });

        Assert.Equal(new RasterLayout(4, 5, 50 - 0.125, 8 + 0.25, 0.25, 0.5), grid.Layout);
    }

    [Fact]
    public void Gdal_nodata_cells_are_voids()
    {
        using var directory = new TempDirectory();
        ElevationGrid grid = WriteAndRead(directory, new TestGeoTiff
        {
            NoData = "-9999",
            Value = (row, column) => (row, column) == (1, 1) ? -9999 : 100,
        });

        Assert.True(float.IsNaN(grid.ElevationAtCell(1, 1)));
        Assert.Equal(100, grid.ElevationAtCell(1, 2));
        Assert.True(grid.TryGetElevationM(50 - 0.125 - (1.5 * 0.25), 8.25 + (1.5 * 0.5), out double elevationM));
        Assert.Equal(100, elevationM, 9);
    }

    private static readonly Dictionary<string, TestGeoTiff> Encodings = new()
    {
        ["tiled, deflate"] = new TestGeoTiff { Width = 40, Height = 37, TileSize = 16, Compression = Compression.DEFLATE },
        ["big-endian strips, LZW"] = new TestGeoTiff { Width = 40, Height = 37, BigEndian = true, Compression = Compression.LZW, RowsPerStrip = 5 },
        ["big-endian tiles"] = new TestGeoTiff { Width = 40, Height = 37, BigEndian = true, TileSize = 16 },
        ["BigTIFF"] = new TestGeoTiff { Width = 40, Height = 37, BigTiff = true },
        ["unsigned 16-bit"] = new TestGeoTiff { Width = 40, Height = 37, SampleFormat = SampleFormat.UINT },
        ["signed 32-bit"] = new TestGeoTiff { Width = 40, Height = 37, BitsPerSample = 32 },
        ["float"] = new TestGeoTiff { Width = 40, Height = 37, BitsPerSample = 32, SampleFormat = SampleFormat.IEEEFP },
    };

    [Theory]
    [InlineData("tiled, deflate")]
    [InlineData("big-endian strips, LZW")]
    [InlineData("big-endian tiles")]
    [InlineData("BigTIFF")]
    [InlineData("unsigned 16-bit")]
    [InlineData("signed 32-bit")]
    [InlineData("float")]
    public void Every_supported_encoding_gives_the_same_cells(string encoding)
    {
        TestGeoTiff tiff = Encodings[encoding];
        using var directory = new TempDirectory();
        ElevationGrid grid = WriteAndRead(directory, tiff);

        for (int row = 0; row < tiff.Height; row++)
        {
            for (int column = 0; column < tiff.Width; column++)
            {
                Assert.True(tiff.Value(row, column) == grid.ElevationAtCell(row, column), $"{encoding}: cell ({row}, {column})");
            }
        }
    }

    [Fact]
    public void Float_elevations_keep_their_fractions_and_nan_nodata_is_void()
    {
        using var directory = new TempDirectory();
        ElevationGrid grid = WriteAndRead(directory, new TestGeoTiff
        {
            BitsPerSample = 32,
            SampleFormat = SampleFormat.IEEEFP,
            NoData = "nan",
            Value = (row, column) => row == 3 ? double.NaN : 100.25 + row,
        });

        Assert.Equal(102.25f, grid.ElevationAtCell(2, 0));
        Assert.True(float.IsNaN(grid.ElevationAtCell(3, 0)));
    }

    private static ElevationGrid WriteAndRead(TempDirectory directory, TestGeoTiff tiff)
    {
        string path = directory.File("test.tif");
        TestTerrainFiles.Write(path, tiff);
        return ElevationFiles.Read(path);
    }
}
