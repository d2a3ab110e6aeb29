using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Api.Hosting;
using Routing.Serving;
using Routing.TestSupport;

namespace Routing.Api.Tests;

[Collection(FixtureApiCollection.Name)]
public sealed class HostingTests(FixtureApi api)
{
    [Fact]
    public async Task Health_answers_with_the_loaded_graph()
    {
        var health = await (await api.Client.GetAsync("/health")).Json();

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var graph = health.GetProperty("graph");
        Assert.InRange(graph.GetProperty("nodes").GetInt32(), 10, 100);
        Assert.InRange(graph.GetProperty("edges").GetInt32(), 10, 100);
        Assert.Equal("accessibility.osm", graph.GetProperty("source").GetString());
        Assert.True(graph.GetProperty("built").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(4, graph.GetProperty("bbox").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, graph.GetProperty("elevation_source").ValueKind); // the fixture is built without terrain
    }

    [Fact]
    public void First_start_builds_the_missing_graph_file_and_says_so()
    {
        Assert.True(File.Exists(api.GraphPath));
        Assert.True(api.Factory.Services.GetRequiredService<GraphHolder>().Current.Source.BuiltOnStart);
        Assert.Contains(api.Factory.Logs.Entries, e => e.Message.Contains("missing or outdated: building it from", StringComparison.Ordinal)
                                                      && e.Message.Contains(api.OsmPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_start_loads_the_graph_file_without_building()
    {
        using var factory = new RoutingApiFactory(api.GraphPath, Path.Combine(api.Directory.Path, "no-such.osm"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(factory.Services.GetRequiredService<GraphHolder>().Current.Source.BuiltOnStart);
    }

    [Fact]
    public void A_corrupt_graph_file_stops_start_up_with_a_clear_message()
    {
        using var dir = new TempDirectory();
        string graph = dir.File("corrupt.graph");
        File.WriteAllText(graph, "this is not a graph file");
        using var factory = new RoutingApiFactory(graph, RepositoryPaths.Fixture("accessibility.osm"));

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var critical = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("Cannot start", critical.Message, StringComparison.Ordinal);
        Assert.Contains(graph, critical.Message, StringComparison.Ordinal);
        Assert.Contains("Delete it", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", critical.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_file_of_an_older_format_is_built_anew_from_the_extract()
    {
        using var dir = new TempDirectory();
        string graph = dir.File("old.graph");
        File.Copy(api.GraphPath, graph);
        WriteFormatVersion(graph, Routing.Graph.Format.GraphFormat.Version - 1);
        using var factory = new RoutingApiFactory(graph, api.OsmPath);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.True(factory.Services.GetRequiredService<GraphHolder>().Current.Source.BuiltOnStart);
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("earlier version", StringComparison.Ordinal));
        Assert.Equal(Routing.Graph.Format.GraphFormat.Version, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(graph).AsSpan(8)));
    }

    [Fact]
    public void A_graph_file_of_a_newer_format_is_not_overwritten()
    {
        using var dir = new TempDirectory();
        string graph = dir.File("new.graph");
        File.Copy(api.GraphPath, graph);
        WriteFormatVersion(graph, Routing.Graph.Format.GraphFormat.Version + 1);
        byte[] before = File.ReadAllBytes(graph);
        using var factory = new RoutingApiFactory(graph, api.OsmPath);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("Delete it", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(graph));
    }

    /// <summary>The format version, the 32-bit little-endian number after the file's 8-byte magic.</summary>
    private static void WriteFormatVersion(string path, uint version)
    {
        byte[] bytes = File.ReadAllBytes(path);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), version);
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void A_missing_graph_without_an_osm_extract_stops_start_up_naming_both_files()
    {
        using var dir = new TempDirectory();
        string graph = dir.File("missing.graph");
        string osm = dir.File("missing.osm.pbf");
        using var factory = new RoutingApiFactory(graph, osm);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var critical = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains(graph, critical.Message, StringComparison.Ordinal);
        Assert.Contains(osm, critical.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(graph));
    }

    [Fact]
    public void Relative_paths_prefer_an_existing_file_under_the_content_root_then_the_repository_root()
    {
        using var contentRoot = new TempDirectory();
        using var repositoryRoot = new TempDirectory();
        File.WriteAllText(contentRoot.File("here.graph"), "");

        Assert.Equal(contentRoot.File("here.graph"), DataPaths.ResolvePath("here.graph", "Graph", contentRoot.Path, repositoryRoot.Path));
        Assert.Equal(repositoryRoot.File("elsewhere.graph"), DataPaths.ResolvePath("elsewhere.graph", "Graph", contentRoot.Path, repositoryRoot.Path));
        Assert.Equal(contentRoot.File("elsewhere.graph"), DataPaths.ResolvePath("elsewhere.graph", "Graph", contentRoot.Path, null));
        Assert.Equal(Path.GetFullPath("/abs/x.graph"), DataPaths.ResolvePath("/abs/x.graph", "Graph", contentRoot.Path, repositoryRoot.Path));
        Assert.Throws<GraphStartupException>(() => DataPaths.ResolvePath(" ", "Graph", contentRoot.Path, repositoryRoot.Path));
    }

    [Fact]
    public void A_relative_folder_of_terrain_tiles_under_the_content_root_is_found_there()
    {
        using var contentRoot = new TempDirectory();
        using var repositoryRoot = new TempDirectory();
        Directory.CreateDirectory(contentRoot.File("dgm1"));

        Assert.Equal(contentRoot.File("dgm1"), DataPaths.ResolvePath("dgm1", "Elevation", contentRoot.Path, repositoryRoot.Path));
    }

    [Fact]
    public void The_default_paths_find_the_bundled_data_from_the_api_project_folder()
    {
        var paths = DataPaths.Resolve(new RoutingDataOptions(), Path.Combine(RepositoryPaths.Root, "src", "Routing.Api"));

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "heidelberg.graph"), paths.GraphPath);
        Assert.Equal(RepositoryPaths.HeidelbergExtract, paths.OsmPath);
        Assert.Equal([RepositoryPaths.HeidelbergElevation], paths.ElevationPaths);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    [InlineData(";", 0)]
    [InlineData(" data/heidelberg.elevation.tif ; ;/abs/N43E007.hgt.zip", 2)]
    public void The_elevation_setting_is_a_semicolon_separated_list_and_empty_means_no_terrain(string setting, int files)
    {
        var paths = DataPaths.Resolve(new RoutingDataOptions { Elevation = setting }, Path.Combine(RepositoryPaths.Root, "src", "Routing.Api"));

        Assert.Equal(files, paths.ElevationPaths.Count);
        if (files == 2)
        {
            // Entries are trimmed and resolved like the other paths: relative ones against the repository.
            Assert.Equal(RepositoryPaths.HeidelbergElevation, paths.ElevationPaths[0]);
            Assert.Equal(Path.GetFullPath("/abs/N43E007.hgt.zip"), paths.ElevationPaths[1]);
        }
    }

    [Fact]
    public void The_terrain_setting_may_name_a_folder_of_tiles()
    {
        using var dir = new TempDirectory();
        string tiles = dir.File("terrain");
        Directory.CreateDirectory(tiles);
        File.Copy(RepositoryPaths.HeidelbergElevation, Path.Combine(tiles, "heidelberg.elevation.tif"));
        File.WriteAllText(Path.Combine(tiles, "LICENCE.txt"), "not a terrain file");
        using var factory = new RoutingApiFactory(dir.File("terrain.graph"), RepositoryPaths.Fixture("accessibility.osm"), tiles);

        using var client = factory.CreateClient();

        var serving = factory.Services.GetRequiredService<GraphHolder>().Current;
        Assert.True(serving.Source.BuiltOnStart);
        Assert.StartsWith("heidelberg.elevation.tif (GeoTIFF", serving.Router.Graph.Metadata.ElevationSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_start_with_a_terrain_model_builds_a_graph_whose_routes_have_elevations()
    {
        using var dir = new TempDirectory();
        string graph = dir.File("terrain.graph");
        string osm = RepositoryPaths.Fixture("accessibility.osm");
        const string query = "/v1/routes?from=49.4125,8.6910&to=49.4115,8.6900&max_kerb_cm=15";
        using (var factory = new RoutingApiFactory(graph, osm, RepositoryPaths.HeidelbergElevation))
        {
            using var client = factory.CreateClient();

            var serving = factory.Services.GetRequiredService<GraphHolder>().Current;
            Assert.True(serving.Source.BuiltOnStart);
            Assert.Contains("heidelberg.elevation.tif", serving.Router.Graph.Metadata.ElevationSource ?? "", StringComparison.Ordinal);
            Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("missing or outdated: building it from", StringComparison.Ordinal)
                                                      && e.Message.Contains(RepositoryPaths.HeidelbergElevation, StringComparison.Ordinal));
            // The fixture lies in Bergheim, on the valley floor at 110-120 m.
            var route = (await (await client.GetAsync(query)).Json()).GetProperty("routes")[0];
            ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 140);
            var health = await (await client.GetAsync("/health")).Json();
            Assert.StartsWith("heidelberg.elevation.tif (GeoTIFF", health.GetProperty("graph").GetProperty("elevation_source").GetString(), StringComparison.Ordinal);
        }

        // The heights are in the graph file: a second start without a terrain model still has them.
        using (var factory = new RoutingApiFactory(graph, osm, ""))
        {
            using var client = factory.CreateClient();

            Assert.False(factory.Services.GetRequiredService<GraphHolder>().Current.Source.BuiltOnStart);
            var route = (await (await client.GetAsync(query)).Json()).GetProperty("routes")[0];
            ElevationChecks.AssertElevationsAgree(route, minElevationM: 100, maxElevationM: 140);
        }
    }

    [Fact]
    public async Task An_existing_graph_starts_without_reading_the_terrain_model()
    {
        // The terrain model is only read to build a missing graph, as the OSM extract is.
        using var factory = new RoutingApiFactory(api.GraphPath, api.OsmPath, Path.Combine(api.Directory.Path, "no-such.tif"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(factory.Services.GetRequiredService<GraphHolder>().Current.Source.BuiltOnStart);
    }

    public static TheoryData<string, string, string> BadTerrainModels => new()
    {
        // setting (MISSING stands for a file in the test's directory that does not exist), what the message names, what it says
        { "MISSING", "MISSING", "no such file" },
        { RepositoryPaths.Fixture("accessibility.osm"), RepositoryPaths.Fixture("accessibility.osm"), "not a GeoTIFF, an SRTM tile nor an XYZ tile" },
        { RepositoryPaths.MonacoElevation, "N43E007.hgt.zip", "covers none of the extract" },
        { RepositoryPaths.HeidelbergElevation + ";MISSING", "MISSING", "no such file" },
    };

    [Theory]
    [MemberData(nameof(BadTerrainModels))]
    public void A_bad_terrain_model_stops_start_up_naming_the_file_and_the_setting_and_leaves_no_graph(string setting, string named, string problem)
    {
        using var dir = new TempDirectory();
        string missing = dir.File("no-such-elevation.tif");
        string graph = dir.File("terrain.graph");
        using var factory = new RoutingApiFactory(graph, RepositoryPaths.Fixture("accessibility.osm"), setting.Replace("MISSING", missing, StringComparison.Ordinal));

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var critical = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("Cannot start", critical.Message, StringComparison.Ordinal);
        Assert.Contains(named.Replace("MISSING", missing, StringComparison.Ordinal), critical.Message, StringComparison.Ordinal);
        Assert.Contains(problem, critical.Message, StringComparison.Ordinal);
        Assert.Contains("Routing:Elevation", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", critical.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
        if (problem != "covers none of the extract")
        {
            // A file that cannot be read fails before the OSM import, not after it.
            Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains("Reading OSM", StringComparison.Ordinal));
        }
    }
}
