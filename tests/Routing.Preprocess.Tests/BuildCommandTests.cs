using System.Text.Json;
using Routing.TestSupport;

namespace Routing.Preprocess.Tests;

/// <summary>The program end to end: exit codes, messages, and that a failed build leaves no file behind.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Output => _dir.File("out.graph");

    private void AssertFailedCleanly(PreprocessRun run, string expectedMessage)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expectedMessage, run.Stderr);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr); // a message, not a stack trace
        Assert.False(File.Exists(Output));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp*"));
    }

    [Fact]
    public void Builds_the_fixture_and_info_json_describes_it()
    {
        var build = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("steps edges", build.Stdout);
        Assert.Contains("named edges", build.Stdout);
        Assert.Contains("peak memory", build.Stdout);
        Assert.Contains("Splitting ways", build.Stdout);

        var info = PreprocessRun.Of("info", Output, "--json");
        Assert.Equal(0, info.ExitCode);
        using var json = JsonDocument.Parse(info.Stdout);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("format_version").GetInt32());
        Assert.True(root.GetProperty("nodes").GetInt32() > 20);
        Assert.True(root.GetProperty("edges").GetInt32() > 20);
        Assert.True(root.GetProperty("edge_classes").GetInt32() > 5);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("osm_timestamp").ValueKind);
        var bbox = root.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([8.69, 49.41, 8.7010, 49.4202], bbox.Select(v => Math.Round(v, 4)).ToArray());
        Assert.Equal(2, root.GetProperty("steps_edges").GetInt32());
        // Plöck (2 edges), Sandgasse (1), Marktplatz (4 along its outline, 2 across it).
        Assert.Equal(9, root.GetProperty("named_edges").GetInt32());
    }

    [Fact]
    public void Builds_with_a_geotiff_terrain_model_and_info_reports_it()
    {
        var build = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "--elevation", RepositoryPaths.HeidelbergElevation);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("Deriving inclines", build.Stdout);

        using var json = JsonDocument.Parse(PreprocessRun.Of("info", Output, "--json").Stdout);
        var root = json.RootElement;
        Assert.StartsWith("heidelberg.elevation.tif (GeoTIFF", root.GetProperty("elevation_source").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("known_incline_share").GetDouble() > 0.95);
        // The fixture's made-up grid starts in the old town by the Neckar (about 110 to 130 m) and reaches north
        // across the river onto the Heiligenberg's slope.
        Assert.InRange(root.GetProperty("lowest_elevation_m").GetDouble(), 100, 130);
        Assert.InRange(root.GetProperty("highest_elevation_m").GetDouble(), 200, 450);
    }

    /// <summary>
    /// A folder of two XYZ tiles in ETRS89 / UTM 32N with 10 m cells over the fixture's part of Heidelberg
    /// (477000-479000 m east, 5472000-5475000 m north), rising 1 % to the east from 100 m, as a state would publish them.
    /// </summary>
    private string WriteXyzTiles()
    {
        string folder = _dir.File("dgm");
        Directory.CreateDirectory(folder);
        foreach (int westM in new[] { 477_000, 478_000 })
        {
            var text = new System.Text.StringBuilder();
            for (double east = westM + 5; east < westM + 1000; east += 10)
            {
                for (double north = 5_472_005; north < 5_475_000; north += 10)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{east:F2} {north:F2} {100 + (0.01 * (east - 477_000)):F2}\n");
                }
            }
            File.WriteAllText(Path.Combine(folder, $"dgm_32_{westM / 1000}_5472.xyz"), text.ToString());
        }
        File.WriteAllText(Path.Combine(folder, "README.txt"), "Not a terrain file: passed over.");
        return folder;
    }

    [Fact]
    public void Builds_with_a_folder_of_utm_tiles_that_win_over_a_coarser_model()
    {
        string tiles = WriteXyzTiles();
        var build = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output,
            "-e", RepositoryPaths.HeidelbergElevation, "--elevation", tiles);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("dgm/ (2 files: XYZ, EPSG:25832, cells of 10.0 m, smoothed)", build.Stdout);

        using var json = JsonDocument.Parse(PreprocessRun.Of("info", Output, "--json").Stdout);
        var root = json.RootElement;
        Assert.EndsWith("; dgm/ (2 files: XYZ, EPSG:25832, cells of 10.0 m, smoothed)", root.GetProperty("elevation_source").GetString(), StringComparison.Ordinal);
        // The fixture spans about 477500 to 478300 m east: 105 to 113 m on the tiles, where the bundled model reads
        // 110 to over 200 m.
        Assert.InRange(root.GetProperty("lowest_elevation_m").GetDouble(), 104, 114);
        Assert.InRange(root.GetProperty("highest_elevation_m").GetDouble(), 104, 114);
    }

    [Fact]
    public void A_broken_tile_in_a_folder_is_named()
    {
        string tiles = WriteXyzTiles();
        string broken = Path.Combine(tiles, "dgm_32_478_5472.xyz");
        File.WriteAllText(broken, File.ReadAllText(broken)[..5000]);

        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "-e", tiles);

        AssertFailedCleanly(run, broken + ": line ");
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void An_unsupported_coordinate_system_for_xyz_tiles_is_refused()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "-e", WriteXyzTiles(), "--xyz-crs", "EPSG:31467");

        AssertFailedCleanly(run, "XYZ tiles are to be read in 'EPSG:31467', which is no supported coordinate system");
    }

    [Fact]
    public void Builds_monaco_with_its_zipped_srtm_tile()
    {
        var build = PreprocessRun.Of("build", RepositoryPaths.MonacoExtract, "-o", Output, "-e", RepositoryPaths.MonacoElevation);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("N43E007.hgt.zip (SRTM", build.Stdout);

        using var json = JsonDocument.Parse(PreprocessRun.Of("info", Output, "--json").Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("known_incline_share").GetDouble() > 0.95);
        // From the harbour at sea level up the slopes behind the principality.
        Assert.InRange(root.GetProperty("lowest_elevation_m").GetDouble(), -5, 10);
        Assert.True(root.GetProperty("highest_elevation_m").GetDouble() > 300);
    }

    [Fact]
    public void Without_a_terrain_model_the_summary_says_so()
    {
        var build = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains("no terrain model: inclines only where tagged", build.Stdout);
        using var json = JsonDocument.Parse(PreprocessRun.Of("info", Output, "--json").Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("elevation_source").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lowest_elevation_m").ValueKind);
    }

    [Fact]
    public void A_terrain_model_of_another_place_is_refused()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "-e", RepositoryPaths.MonacoElevation);
        AssertFailedCleanly(run, "covers none of the extract");
    }

    [Fact]
    public void An_elevation_file_that_is_no_terrain_model_is_named()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "-e", RepositoryPaths.HeidelbergExtract);
        AssertFailedCleanly(run, RepositoryPaths.HeidelbergExtract);
    }

    [Fact]
    public void A_missing_elevation_file_is_named()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output, "-e", _dir.File("dem.tif"));
        AssertFailedCleanly(run, _dir.File("dem.tif") + ": no such file");
    }

    [Fact]
    public void Info_prints_text_with_the_format_version()
    {
        Assert.Equal(0, PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output).ExitCode);
        var info = PreprocessRun.Of("info", Output);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("format version", info.Stdout);
        Assert.Contains("connected components", info.Stdout);
    }

    [Fact]
    public void Missing_input_is_named()
    {
        AssertFailedCleanly(PreprocessRun.Of("build", _dir.File("nowhere.osm.pbf"), "-o", Output), "file not found");
    }

    [Fact]
    public void Empty_input_is_named()
    {
        File.WriteAllBytes(_dir.File("empty.osm.pbf"), []);
        AssertFailedCleanly(PreprocessRun.Of("build", _dir.File("empty.osm.pbf"), "-o", Output), "empty");
    }

    [Fact]
    public void Foreign_file_is_not_osm()
    {
        File.WriteAllText(_dir.File("notes.osm.pbf"), "these are my shopping notes, not a map");
        AssertFailedCleanly(PreprocessRun.Of("build", _dir.File("notes.osm.pbf"), "-o", Output), "not an OpenStreetMap file");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    [InlineData(0.95)]
    public void Truncated_pbf_is_reported_as_truncated(double keptShare)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.HeidelbergExtract);
        File.WriteAllBytes(_dir.File("cut.osm.pbf"), bytes[..(int)(bytes.Length * keptShare)]);
        AssertFailedCleanly(PreprocessRun.Of("build", _dir.File("cut.osm.pbf"), "-o", Output), "truncated or corrupt");
    }

    [Fact]
    public void Extract_without_walkable_ways_is_refused()
    {
        File.WriteAllText(_dir.File("buildings.osm"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="49.41" lon="8.69"/><node id="2" lat="49.411" lon="8.69"/><node id="3" lat="49.411" lon="8.691"/>
              <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="building" v="yes"/></way>
              <way id="2"><nd ref="1"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
            </osm>
            """);
        AssertFailedCleanly(PreprocessRun.Of("build", _dir.File("buildings.osm"), "-o", Output), "no walkable ways");
    }

    [Fact]
    public void Output_in_a_missing_directory_is_refused_before_any_work()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", _dir.File("no/such/dir/out.graph"));
        AssertFailedCleanly(run, "does not exist");
    }

    [Fact]
    public void Output_that_is_a_directory_is_refused()
    {
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", _dir.Path);
        AssertFailedCleanly(run, "is a directory");
    }

    [Fact]
    public void Output_that_cannot_be_written_is_named()
    {
        // /proc accepts no new files, even for root (file permissions would not stop root).
        var run = PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", "/proc/routing-test.graph");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot write /proc/routing-test.graph", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(File.Exists("/proc/routing-test.graph"));
    }

    [Fact]
    public void A_failed_build_keeps_the_previous_graph()
    {
        Assert.Equal(0, PreprocessRun.Of("build", RepositoryPaths.Fixture("accessibility.osm"), "-o", Output).ExitCode);
        var before = File.ReadAllBytes(Output);
        File.WriteAllText(_dir.File("bad.osm"), "<osm><node id=\"1\" lat=\"49.41\" lon=\"8.69\"/><way id=\"1\"><nd ref=");
        var run = PreprocessRun.Of("build", _dir.File("bad.osm"), "-o", Output);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(Output));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp*"));
    }

    [Fact]
    public void Info_on_a_file_that_is_not_a_graph_says_so()
    {
        var run = PreprocessRun.Of("info", RepositoryPaths.Fixture("accessibility.osm"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("accessibility.osm", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Missing_arguments_print_usage_and_fail()
    {
        var run = PreprocessRun.Of("build");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--output", run.Stdout + run.Stderr);
    }
}
