using BenchmarkDotNet.Attributes;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.Benchmarks;

/// <summary>
/// Opening the Heidelberg graph file as the service does at start-up: reading and verifying the file, and creating
/// the router over it (landmarks and snap index). The graph is written once in the setup to a temporary path: built
/// with terrain as the service builds it and, as the baseline that shows what the terrain costs (elevations of every
/// vertex and shape point, eight times the edge classes), without it.
/// </summary>
public class GraphLoadBenchmarks
{
    private string _path = "";
    private RoutingGraph _graph = null!;

    [Params(true, false)]
    public bool Terrain { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"routing-bench-{Environment.ProcessId}.graph");
        GraphFileWriter.Write(RepositoryData.BuildHeidelberg(Terrain), _path);
        _graph = GraphFileReader.Read(_path);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public RoutingGraph ReadGraphFile() => GraphFileReader.Read(_path);

    [Benchmark]
    public Router CreateRouter() => new(_graph, ProfileCatalog.Default);

    [Benchmark]
    public Router ReadAndCreateRouter() => new(GraphFileReader.Read(_path), ProfileCatalog.Default);
}
