using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Api.Tests;

/// <summary>
/// The service on the small hand-written fixture (tests/Routing.TestSupport/Fixtures/accessibility.osm). The graph
/// file does not exist before the first start, so starting builds it: the build-on-first-start path.
/// </summary>
public sealed class FixtureApi : IDisposable
{
    public FixtureApi()
    {
        Directory = new TempDirectory();
        GraphPath = Directory.File("fixture.graph");
        OsmPath = RepositoryPaths.Fixture("accessibility.osm");
        Factory = new RoutingApiFactory(GraphPath, OsmPath);
        Client = Factory.CreateClient();
    }

    public TempDirectory Directory { get; }
    public string GraphPath { get; }
    public string OsmPath { get; }
    public RoutingApiFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Dispose();
    }
}

/// <summary>The service on the real Heidelberg graph, written once into a temporary directory.</summary>
public sealed class HeidelbergApi : IDisposable
{
    public HeidelbergApi()
    {
        Directory = new TempDirectory();
        string graphPath = Directory.File("heidelberg.graph");
        GraphFileWriter.Write(Heidelberg.Graph, graphPath);
        Factory = new RoutingApiFactory(graphPath, RepositoryPaths.HeidelbergExtract, plannerKey: RoutingApiFactory.AnalysisPlannerKey);
        Client = Factory.CreateClient();
    }

    public TempDirectory Directory { get; }
    public RoutingApiFactory Factory { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FixtureApiCollection : ICollectionFixture<FixtureApi>
{
    public const string Name = "fixture api";
}

[CollectionDefinition(Name)]
public sealed class HeidelbergApiCollection : ICollectionFixture<HeidelbergApi>
{
    public const string Name = "heidelberg api";
}
