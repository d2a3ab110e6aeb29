using System.Text;
using BitMiracle.LibTiff.Classic;
using Routing.TestSupport;

namespace Routing.Terrain.Tests;

public sealed class ElevationFilesTests
{
    private static TerrainFileException OpeningFails(string path) =>
        Assert.Throws<TerrainFileException>(() => ElevationFiles.Open([path]));

    private static void AssertNamesFileAndSays(TerrainFileException exception, string path, params string[] phrases)
    {
        Assert.Equal(path, exception.FilePath);
        Assert.StartsWith(path + ": ", exception.Message, StringComparison.Ordinal);
        foreach (string phrase in phrases)
        {
            Assert.Contains(phrase, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void One_file_is_its_own_model_and_several_are_a_set()
    {
        IElevationModel heidelberg = ElevationFiles.Open([RepositoryPaths.HeidelbergElevation]);
        IElevationModel both = ElevationFiles.Open([RepositoryPaths.HeidelbergElevation, RepositoryPaths.MonacoElevation]);

        Assert.IsType<ElevationGrid>(heidelberg);
        Assert.Equal(
            "heidelberg.elevation.tif (GeoTIFF, 756 x 667 cells of 3.0 arc-seconds); N43E007.hgt.zip (SRTM, 1201 x 1201 cells of 3.0 arc-seconds)",
            both.Description);
        Assert.True(both.TryGetElevationM(49.411029, 8.682461, out double neckarM));
        Assert.Equal(107, neckarM, 0.5);
        Assert.True(both.TryGetElevationM(43.7394, 7.4279, out double casinoM));
        Assert.Equal(50.1, casinoM, 0.1);
    }

    [Fact]
    public void Smoothed_opens_each_grid_smoothed()
    {
        var smoothed = Assert.IsType<ElevationGrid>(ElevationFiles.Open([RepositoryPaths.HeidelbergElevation], smoothed: true));
        var raw = Assert.IsType<ElevationGrid>(ElevationFiles.Open([RepositoryPaths.HeidelbergElevation]));

        Assert.EndsWith(", smoothed)", smoothed.Description, StringComparison.Ordinal);
        Assert.Equal(raw.Smoothed().ElevationAtCell(342, 425), smoothed.ElevationAtCell(342, 425));
        Assert.NotEqual(raw.ElevationAtCell(342, 425), smoothed.ElevationAtCell(342, 425));
    }

    [Fact]
    public void The_kind_is_recognised_by_content_not_by_name()
    {
        using var directory = new TempDirectory();
        string tiffNamedHgt = directory.File("N43E007.hgt");
        File.Copy(RepositoryPaths.HeidelbergElevation, tiffNamedHgt);
        string zipNamedTif = directory.File("monaco.tif");
        File.Copy(RepositoryPaths.MonacoElevation, zipNamedTif);

        Assert.StartsWith("N43E007.hgt (GeoTIFF,", ElevationFiles.Open([tiffNamedHgt]).Description, StringComparison.Ordinal);
        Assert.StartsWith("monaco.tif (SRTM,", ElevationFiles.Open([zipNamedTif]).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void No_paths_is_a_caller_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ElevationFiles.Open([]));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var directory = new TempDirectory();
        string path = directory.File("missing.tif");

        AssertNamesFileAndSays(OpeningFails(path), path, "no such file");
    }

    [Fact]
    public void A_folder_without_terrain_files_says_what_it_looks_for()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("dgm1_32_477_5472.tfw"), "1\n0\n0\n-1\n477000.5\n5472999.5\n");

        AssertNamesFileAndSays(OpeningFails(directory.Path), directory.Path, "is a folder without terrain files", ".tif, .tiff, .hgt, .hgt.zip, .xyz");
    }

    [Fact]
    public void A_text_file_is_neither_tiff_nor_tile()
    {
        using var directory = new TempDirectory();
        string path = directory.File("elevation.tif");
        File.WriteAllText(path, "ncols 5\nnrows 4\n");

        AssertNamesFileAndSays(OpeningFails(path), path, "not a GeoTIFF, an SRTM tile nor an XYZ tile", "starts with 'ncol'", "give a GeoTIFF, an SRTM .hgt/.hgt.zip tile or an .xyz tile");
    }

    [Fact]
    public void A_big_endian_bigtiff_is_turned_away_with_a_way_out()
    {
        using var directory = new TempDirectory();
        string path = directory.File("big.tif");
        // Only the header: LibTiff.NET 2.4 neither writes nor reads this variant correctly.
        File.WriteAllBytes(path, [(byte)'M', (byte)'M', 0, 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16]);

        AssertNamesFileAndSays(OpeningFails(path), path, "big-endian BigTIFF", "gdal_translate -co ENDIANNESS=LITTLE");
    }

    [Fact]
    public void A_truncated_hgt_says_how_many_bytes_it_needs()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N43E007.hgt");
        File.WriteAllBytes(path, new byte[1000]);

        AssertNamesFileAndSays(OpeningFails(path), path, "is truncated: a 1201x1201 SRTM tile needs 2884802 bytes, found 1000");
    }

    [Fact]
    public void An_hgt_of_another_size_lists_the_tile_sizes()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N43E007.hgt");
        File.WriteAllBytes(path, new byte[2884802 + 2]);

        AssertNamesFileAndSays(OpeningFails(path), path, "2884804 bytes", "2884802 bytes (1201x1201) or 25934402 bytes (3601x3601)");
    }

    [Theory]
    [InlineData("dem.hgt")]
    [InlineData("N43X007.hgt")]
    [InlineData("N4E7.hgt")]
    public void An_hgt_name_must_give_the_south_west_corner(string name)
    {
        using var directory = new TempDirectory();
        string path = directory.File(name);
        TestTerrainFiles.WriteHgt(path, TestTerrainFiles.Srtm3Side, (_, _) => 0);

        AssertNamesFileAndSays(OpeningFails(path), path, $"'{name}'", "N43E007.hgt");
    }

    [Fact]
    public void A_zip_needs_one_hgt_tile()
    {
        using var directory = new TempDirectory();
        string empty = directory.File("empty.hgt.zip");
        TestTerrainFiles.WriteZip(empty, ("readme.txt", Encoding.ASCII.GetBytes("SRTM")));
        string two = directory.File("two.zip");
        byte[] tile = TestTerrainFiles.HgtBytes(TestTerrainFiles.Srtm3Side, (_, _) => 0);
        TestTerrainFiles.WriteZip(two, ("N43E007.hgt", tile), ("N43E008.hgt", tile));

        AssertNamesFileAndSays(OpeningFails(empty), empty, "exactly one .hgt file", "holds readme.txt");
        AssertNamesFileAndSays(OpeningFails(two), two, "holds N43E007.hgt, N43E008.hgt");
    }

    [Fact]
    public void A_truncated_tile_in_a_zip_is_reported()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N43E007.hgt.zip");
        TestTerrainFiles.WriteZip(path, ("N43E007.hgt", new byte[5000]));

        AssertNamesFileAndSays(OpeningFails(path), path, "N43E007.hgt is truncated", "found 5000");
    }

    [Fact]
    public void A_damaged_zip_is_reported_as_such()
    {
        using var directory = new TempDirectory();
        string path = directory.File("N43E007.hgt.zip");
        byte[] zip = File.ReadAllBytes(RepositoryPaths.MonacoElevation);
        File.WriteAllBytes(path, zip[..(zip.Length / 2)]);

        TerrainFileException exception = OpeningFails(path);

        AssertNamesFileAndSays(exception, path, "cannot be read as a zipped SRTM tile");
        Assert.NotNull(exception.InnerException);
    }

    [Theory]
    // DHDN / 3-degree Gauss-Krüger zone 3, in which older German state models came.
    [InlineData(new ushort[] { 1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 31467 }, "the projected coordinate system EPSG:31467, which this reader does not support")]
    [InlineData(new ushort[] { 1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32767 }, "a user-defined projected coordinate system")]
    // UTM 32N, but in US survey feet (GeoTIFF linear unit 9003).
    [InlineData(new ushort[] { 1, 1, 0, 3, 1024, 0, 1, 1, 3072, 0, 1, 25832, 3076, 0, 1, 9003 }, "the projected coordinate system EPSG:25832 with GeoTIFF linear unit 9003 instead of metres")]
    [InlineData(new ushort[] { 1, 1, 0, 1, 1024, 0, 1, 1 }, "a projected coordinate system its GeoKeys do not name")]
    // DHDN, a geographic system a hundred metres off WGS 84 here.
    [InlineData(new ushort[] { 1, 1, 0, 2, 1024, 0, 1, 2, 2048, 0, 1, 4314 }, "the geographic coordinate system EPSG:4314, which this reader does not support")]
    public void A_tiff_in_an_unsupported_system_is_refused_with_the_gdalwarp_command(ushort[] geoKeys, string system)
    {
        using var directory = new TempDirectory();
        string path = directory.File("dgm.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { GeoKeys = geoKeys, PixelScale = [1, 1, 0], Tiepoint = [0, 0, 0, 3_477_000, 5_475_000, 0] });

        AssertNamesFileAndSays(OpeningFails(path), path, "it is in " + system, "gdalwarp -t_srs EPSG:25832 in.tif out.tif");
    }

    [Fact]
    public void A_plain_tiff_has_no_coordinate_system()
    {
        using var directory = new TempDirectory();
        string path = directory.File("plain.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { GeoKeys = null, PixelScale = null, Tiepoint = null });

        AssertNamesFileAndSays(OpeningFails(path), path, "no GeoKeyDirectoryTag", "not a GeoTIFF");
    }

    [Fact]
    public void A_tiff_without_pixel_scale_cannot_be_placed()
    {
        using var directory = new TempDirectory();
        string path = directory.File("unplaced.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { PixelScale = null });

        AssertNamesFileAndSays(OpeningFails(path), path, "no pixel scale and tie point");
    }

    [Fact]
    public void A_tiff_with_several_bands_is_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.File("rgb.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { Bands = 3, BitsPerSample = 8, SampleFormat = SampleFormat.UINT });

        AssertNamesFileAndSays(OpeningFails(path), path, "3 bands", "gdal_translate -b 1");
    }

    [Fact]
    public void A_tiff_of_bytes_is_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.File("bytes.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { BitsPerSample = 8, SampleFormat = SampleFormat.UINT });

        AssertNamesFileAndSays(OpeningFails(path), path, "8-bit UINT samples", "gdal_translate -ot Int16");
    }

    [Fact]
    public void A_nodata_value_must_be_a_number()
    {
        using var directory = new TempDirectory();
        string path = directory.File("nodata.tif");
        TestTerrainFiles.Write(path, new TestGeoTiff { NoData = "none" });

        AssertNamesFileAndSays(OpeningFails(path), path, "GDAL_NODATA tag 'none' is not a number");
    }

    [Fact]
    public void A_truncated_tiff_is_reported_without_libtiff_exceptions_or_console_output()
    {
        using var directory = new TempDirectory();
        string path = directory.File("cut.tif");
        byte[] tiff = File.ReadAllBytes(RepositoryPaths.HeidelbergElevation);
        File.WriteAllBytes(path, tiff[..500_000]);
        TextWriter console = Console.Error;
        using var captured = new StringWriter();

        TerrainFileException exception;
        Console.SetError(captured);
        try
        {
            exception = OpeningFails(path);
        }
        finally
        {
            Console.SetError(console);
        }

        AssertNamesFileAndSays(exception, path, "cannot be read as a GeoTIFF", "Read error at scanline");
        // LibTiff's default handler would have printed its message, which names the file.
        Assert.DoesNotContain("cut.tif", captured.ToString(), StringComparison.Ordinal);
    }
}
