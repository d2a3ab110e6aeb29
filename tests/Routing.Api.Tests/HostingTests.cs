using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Api.Hosting;
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
    }

    [Fact]
    public void First_start_builds_the_missing_graph_file_and_says_so()
    {
        Assert.True(File.Exists(api.GraphPath));
        Assert.True(api.Factory.Services.GetRequiredService<LoadedGraph>().BuiltOnStart);
        Assert.Contains(api.Factory.Logs.Entries, e => e.Message.Contains("not found: building it from", StringComparison.Ordinal)
                                                      && e.Message.Contains(api.OsmPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_start_loads_the_graph_file_without_building()
    {
        using var factory = new RoutingApiFactory(api.GraphPath, Path.Combine(api.Directory.Path, "no-such.osm"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(factory.Services.GetRequiredService<LoadedGraph>().BuiltOnStart);
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
    public void The_default_paths_find_the_bundled_data_from_the_api_project_folder()
    {
        var paths = DataPaths.Resolve(new RoutingDataOptions(), Path.Combine(RepositoryPaths.Root, "src", "Routing.Api"));

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "heidelberg.graph"), paths.GraphPath);
        Assert.Equal(RepositoryPaths.HeidelbergExtract, paths.OsmPath);
    }
}
