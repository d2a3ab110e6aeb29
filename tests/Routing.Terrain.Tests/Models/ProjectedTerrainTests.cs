using BitMiracle.LibTiff.Classic;
using Routing.Graph;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

/// <summary>
/// Terrain in ETRS89 / UTM 32N as German states publish it: GeoTIFF and XYZ tiles the tests write, folders of them under
/// a coarser model, and a fixture made and read with GDAL.
/// </summary>
public sealed class ProjectedTerrainTests
{
    // An inclined plane in UTM 32N: 5 % up to the east, 2 % up to the north, 200 m at (477000, 5473000).
    private const double EastSlope = 0.05;
    private const double NorthSlope = 0.02;

    private static double PlaneM(double eastM, double northM) => 200 + (EastSlope * (eastM - 477_000)) + (NorthSlope * (northM - 5_473_000));

    /// <summary>
    /// WGS 84 points in Heidelberg and their UTM 32N coordinates from GDAL 3.6.2 (not from ProjNET, which is under test):
    /// printf "8.6934 49.4094\n8.7098 49.4105\n8.68 49.395\n" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:25832 -output_xy
    /// </summary>
    public static TheoryData<double, double, double, double> GdalUtmPoints => new()
    {
        { 49.4094, 8.6934, 477758.894259506, 5473013.64740996 }, // Bismarckplatz
        { 49.4105, 8.7098, 478949.037309755, 5473131.23261024 }, // the old town
        { 49.3950, 8.6800, 476780.05585581, 5471416.79583063 }, // Südstadt
    };

    /// <summary>A float32 GeoTIFF in UTM 32N (pixel is area): <paramref name="columns"/> x <paramref name="rows"/> cells of <paramref name="cellM"/>, north-west corner at (west, north), heights from the plane.</summary>
    private static TestGeoTiff PlaneTile(double westM, double northM, double cellM, int columns, int rows, Func<double, double, double>? heightM = null) => new()
    {
        Width = columns,
        Height = rows,
        BitsPerSample = 32,
        SampleFormat = SampleFormat.IEEEFP,
        Compression = Compression.DEFLATE,
        RowsPerStrip = 16,
        GeoKeys = TestTerrainFiles.Utm32Keys,
        PixelScale = [cellM, cellM, 0],
        Tiepoint = [0, 0, 0, westM, northM, 0],
        Value = (row, column) => (heightM ?? PlaneM)(westM + ((column + 0.5) * cellM), northM - ((row + 0.5) * cellM)),
    };

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Routing.Terrain.Tests", "Fixtures", name);

    /// <summary>Four kilometres square of 10 m cells around the old town.</summary>
    private static readonly TestGeoTiff Plane = PlaneTile(476_000, 5_474_000, 10, 400, 400);

    private static string Write(TempDirectory directory, string name, TestGeoTiff tiff)
    {
        string path = directory.File(name);
        TestTerrainFiles.Write(path, tiff);
        return path;
    }

    [Theory]
    [MemberData(nameof(GdalUtmPoints))]
    public void A_utm_geotiff_gives_the_plane_at_wgs84_points_where_gdal_puts_them(double latitude, double longitude, double eastM, double northM)
    {
        using var directory = new TempDirectory();
        IElevationModel model = ElevationFiles.Open([Write(directory, "plane.tif", Plane)]);

        Assert.True(model.TryGetElevationM(latitude, longitude, out double elevationM));
        // Bilinear interpolation reproduces a plane; 1 cm of height is 20 cm east, the projections' agreement and more.
        Assert.Equal(PlaneM(eastM, northM), elevationM, 0.01);
        Assert.Equal(10, model.CellSizeMAt(latitude, longitude));
        Assert.Equal("plane.tif (GeoTIFF, EPSG:25832, 400 x 400 cells of 10.0 m)", model.Description);
    }

    [Fact]
    public void The_slope_between_wgs84_points_is_the_planes_slope_and_smoothing_keeps_it()
    {
        using var directory = new TempDirectory();
        string path = Write(directory, "plane.tif", Plane);
        IElevationModel raw = ElevationFiles.Open([path]);
        IElevationModel smoothed = ElevationFiles.Open([path], smoothed: true);
        const double Latitude = 49.4094, Longitude = 8.6934;

        foreach (IElevationModel model in new[] { raw, smoothed })
        {
            // About 111 m north and 109 m east. True north is 0.24 degrees off grid north here, and the sphere the
            // distances are measured on is 0.3 % short east-west: a tenth of a per mille of slope at most.
            Assert.Equal(NorthSlope, Slope(model, Latitude, Longitude, Latitude + 0.001, Longitude), 0.0002);
            Assert.Equal(EastSlope, Slope(model, Latitude, Longitude, Latitude, Longitude + 0.0015), 0.0002);
        }
        Assert.Equal(HeightAt(raw, Latitude, Longitude), HeightAt(smoothed, Latitude, Longitude), 0.001);
    }

    private static double HeightAt(IElevationModel model, double latitude, double longitude)
    {
        Assert.True(model.TryGetElevationM(latitude, longitude, out double elevationM));
        return elevationM;
    }

    private static double Slope(IElevationModel model, double lat1, double lon1, double lat2, double lon2) =>
        (HeightAt(model, lat2, lon2) - HeightAt(model, lat1, lon1)) / Coordinates.DistanceM(lat1, lon1, lat2, lon2);

    [Fact]
    public void Outside_a_utm_tile_there_is_no_data_and_no_cell_size()
    {
        using var directory = new TempDirectory();
        IElevationModel model = ElevationFiles.Open([Write(directory, "plane.tif", Plane)]);

        // 8.64 E is 3.4 km west of the tile's west edge at 476000 m east.
        Assert.False(model.TryGetElevationM(49.4094, 8.64, out _));
        Assert.True(double.IsNaN(model.CellSizeMAt(49.4094, 8.64)));
        // Monaco lies in UTM zone 32 too, far south of the tile.
        Assert.False(model.TryGetElevationM(43.7394, 7.4279, out _));
    }

    [Fact]
    public void Pixel_is_point_puts_the_tie_point_on_the_first_cell_centre()
    {
        using var directory = new TempDirectory();
        ushort[] pointKeys = [.. TestTerrainFiles.Utm32Keys];
        pointKeys[11] = 2; // RasterTypeGeoKey: PixelIsPoint
        var tile = new TestGeoTiff { GeoKeys = pointKeys, PixelScale = [2, 1, 0], Tiepoint = [0, 0, 0, 477_000, 5_473_000, 0] };

        var grid = (ElevationGrid)ElevationFiles.Open([Write(directory, "point.tif", tile)]);

        Assert.Equal(new RasterLayout(4, 5, 5_473_000, 477_000, 1, 2), grid.Layout);
        // Cells of 2 x 1 m: the larger side counts.
        Assert.Equal(2, grid.CellSizeMAt(grid.Bounds.MinLat + ((grid.Bounds.MaxLat - grid.Bounds.MinLat) / 2), grid.Bounds.MinLon + ((grid.Bounds.MaxLon - grid.Bounds.MinLon) / 2)));
    }

    [Fact]
    public void In_a_folder_of_tiles_over_a_coarser_model_the_finest_answers_and_the_coarse_fills_in()
    {
        using var directory = new TempDirectory();
        string tiles = directory.File("dgm1");
        Directory.CreateDirectory(tiles);
        // 2 x 2 tiles of 1 km with 5 m cells from (477000, 5472000) to (479000, 5474000), named as the states do; a
        // world file beside them that is not a terrain file.
        foreach ((int east, int north) in new[] { (477, 5472), (478, 5472), (477, 5473), (478, 5473) })
        {
            Write(directory, Path.Combine("dgm1", $"dgm1_32_{east}_{north}_1_bw.tif"), PlaneTile(east * 1000, (north + 1) * 1000, 5, 200, 200));
        }
        File.WriteAllText(Path.Combine(tiles, "dgm1_32_477_5472_1_bw.tfw"), "5\n0\n0\n-5\n477002.5\n5472997.5\n");
        // A WGS 84 model over all of Heidelberg at 100 m; 0.02 degree cells would be too coarse to tell from the tiles.
        string coarse = Write(directory, "region.tif", new TestGeoTiff
        {
            Width = 40, Height = 20, PixelScale = [0.01, 0.01, 0], Tiepoint = [0, 0, 0, 8.5, 49.5, 0], Value = (_, _) => 100,
        });

        foreach (string[] order in new[] { new[] { coarse, tiles }, [tiles, coarse] })
        {
            IElevationModel model = ElevationFiles.Open(order);

            // Bismarckplatz and the old town are on the tiles; the seam between the tiles at 478000 m east has data.
            Assert.Equal(PlaneM(477758.894259506, 5473013.64740996), HeightAt(model, 49.4094, 8.6934), 0.01);
            Assert.Equal(PlaneM(478949.037309755, 5473131.23261024), HeightAt(model, 49.4105, 8.7098), 0.01);
            (double seamLatitude, double seamLongitude) = GridCoordinateSystem.FromEpsg(25832)!.ToWgs84(478_000, 5_473_500);
            Assert.Equal(PlaneM(478_000, 5_473_500), HeightAt(model, seamLatitude, seamLongitude), 0.2);
            Assert.Equal(5, model.CellSizeMAt(49.4094, 8.6934));
            // Südstadt is south of the tiles: the regional model answers, with its cell size.
            Assert.Equal(100, HeightAt(model, 49.3950, 8.6800));
            Assert.Equal(0.01 * Coordinates.MetresPerDegree, model.CellSizeMAt(49.3950, 8.6800), 1e-6);
        }
        Assert.Equal(
            "region.tif (GeoTIFF, 40 x 20 cells of 36.0 arc-seconds); dgm1/ (4 files: GeoTIFF, EPSG:25832, cells of 5.0 m)",
            ElevationFiles.Open([coarse, tiles]).Description);
    }

    [Fact]
    public void A_bad_tile_in_a_folder_is_named()
    {
        using var directory = new TempDirectory();
        Write(directory, "a.tif", PlaneTile(477_000, 5_473_000, 5, 20, 20));
        string foreign = directory.File("b.tif");
        File.WriteAllText(foreign, "<html>404 Not Found</html>");

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([directory.Path]));

        Assert.Equal(foreign, exception.FilePath);
        Assert.Contains("not a GeoTIFF, an SRTM tile nor an XYZ tile (the file starts with '<htm')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_utm_tile_says_to_check_the_file()
    {
        using var directory = new TempDirectory();
        string whole = Write(directory, "whole.tif", PlaneTile(477_000, 5_473_000, 5, 200, 200));
        string cut = directory.File("cut.tif");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([cut]));

        Assert.StartsWith(cut + ": ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("check that", exception.Message, StringComparison.Ordinal);
        Assert.Contains("complete", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One flipped byte in the count of utm32_small.tif's GeoKeyDirectoryTag (tag 34735, 32 values in the 15th entry of
    /// the first directory) claimed 1.2 GB of a 2.8 kB file; LibTiff read it for seconds before
    /// answering. Now refused before LibTiff starts.
    /// </summary>
    [Fact]
    public void A_tag_claiming_more_bytes_than_the_file_has_is_refused_at_once()
    {
        using var directory = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(Fixture("utm32_small.tif"));
        const int countByte = 8 + 2 + (14 * 12) + 4 + 3;
        Assert.Equal(34735, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(countByte - 7)));
        bytes[countByte] = 0x24;
        string damaged = directory.File("damaged.tif");
        File.WriteAllBytes(damaged, bytes);

        TerrainFileException exception = Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([damaged]));

        Assert.Contains("TIFF tag 34735 claims 603979808 values at byte 290, beyond the end of the file (2819 bytes)", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Fixtures made with GDAL by Fixtures/make_utm32_small.py: utm32_small.tif, 40 x 40 cells of 5 m in EPSG:25832 with
    /// its north-west corner at (477700, 5473150), and glo30_like.tif, that grid warped to EPSG:4326 at 1 arc-second
    /// and encoded as Copernicus GLO-30 is (tiled, deflate with the floating-point predictor, pixel is point). For each
    /// WGS 84 point, GDAL 3.6.2 gave the cell and its value with <c>gdallocationinfo -wgs84 FIXTURE LON LAT</c> and the
    /// exact position in pixels (0 at the outer edge of the first pixel) with
    /// <c>echo LON LAT | gdaltransform -i -t_srs EPSG:4326 FIXTURE</c>.
    /// </summary>
    [Theory]
    [InlineData("utm32_small.tif", 49.4094, 8.6934, 11.7788519011228, 27.2705180083867, 143.800003051758)]
    [InlineData("utm32_small.tif", 49.41055, 8.692751, 2.46715531250811, 1.6624383952003, 104.199996948242)]
    [InlineData("utm32_small.tif", 49.408905, 8.695255, 38.6471129154088, 38.3856700572651, 177.5)]
    [InlineData("utm32_small.tif", 49.40998, 8.693986, 20.332962817105, 14.4089720067568, 133.699996948242)]
    [InlineData("utm32_small.tif", 49.410476, 8.692962, 5.52161861327477, 3.32025972474366, double.NaN)] // gdallocationinfo: -9999, the no-data value
    [InlineData("glo30_like.tif", 49.4094, 8.6934, 2.95027377716542, 4.43380320427241, 143.178405761719)]
    [InlineData("glo30_like.tif", 49.4104, 8.69295, 1.3302737771628, 0.833803204266587, 109.021347045898)]
    [InlineData("glo30_like.tif", 49.4092, 8.6949, 8.35027377716688, 5.15380320427357, 168.256210327148)]
    public void Gdal_fixtures_put_wgs84_points_in_the_cells_gdal_finds(
        string fixture, double latitude, double longitude, double gdalPixel, double gdalLine, double gdalValueM)
    {
        var grid = (ElevationGrid)ElevationFiles.Open([Fixture(fixture)]);
        RasterLayout layout = grid.Layout;

        (double x, double y) = grid.CoordinateSystem.FromWgs84(latitude, longitude);
        double pixel = ((x - layout.Column0X) / layout.CellSizeX) + 0.5;
        double line = ((layout.Row0Y - y) / layout.CellSizeY) + 0.5;
        // A hundredth of a cell is 5 cm on utm32_small, 30 cm on glo30_like.
        Assert.Equal(gdalPixel, pixel, 0.01);
        Assert.Equal(gdalLine, line, 0.01);
        Assert.Equal((float)gdalValueM, grid.ElevationAtCell((int)gdalLine, (int)gdalPixel));
    }

    [Fact]
    public void Gdal_fixtures_describe_their_systems_and_cells()
    {
        Assert.Equal("utm32_small.tif (GeoTIFF, EPSG:25832, 40 x 40 cells of 5.0 m)", ElevationFiles.Open([Fixture("utm32_small.tif")]).Description);
        IElevationModel glo30 = ElevationFiles.Open([Fixture("glo30_like.tif")]);
        Assert.Equal("glo30_like.tif (GeoTIFF, 10 x 7 cells of 1.0 arc-seconds)", glo30.Description);
        // One arc-second of latitude; a second of longitude is shorter at 49.4 degrees north.
        Assert.Equal(30.88, glo30.CellSizeMAt(49.4094, 8.6934), 0.01);
    }

    [Fact]
    public void The_gdal_fixture_interpolates_bismarckplatz_from_the_four_cells_gdal_reads_around_it()
    {
        IElevationModel model = ElevationFiles.Open([Fixture("utm32_small.tif")]);
        // gdallocationinfo -valonly utm32_small.tif COLUMN ROW for (11, 26), (12, 26), (11, 27), (12, 27).
        const double NorthWest = 141.75, NorthEast = 144.199996948242, SouthWest = 143.800003051758, SouthEast = 143.5;
        // From the cell centres: gdaltransform's pixel 11.7788519011228 and line 27.2705180083867, less half a cell.
        const double East = 11.7788519011228 - 11.5, South = 27.2705180083867 - 26.5;
        double expectedM = ((1 - South) * (((1 - East) * NorthWest) + (East * NorthEast))) + (South * (((1 - East) * SouthWest) + (East * SouthEast)));

        Assert.Equal(expectedM, HeightAt(model, 49.4094, 8.6934), 0.01);
        Assert.Equal(5, model.CellSizeMAt(49.4094, 8.6934));
    }
}
