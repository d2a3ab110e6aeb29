using BenchmarkDotNet.Attributes;
using Routing.Build;
using Routing.Graph;
using Routing.Graph.Format;

namespace Routing.Benchmarks;

/// <summary>
/// Building the Heidelberg graph in a warm process, without terrain (the baseline: the OSM import alone) and with it
/// (<see cref="GraphBuild.Run"/> with the elevation file, as the service and <c>build --elevation</c> run it), each
/// also with writing the file; the ratio column is the "with elevation within 30 % of without". Placing an
/// already imported graph on the terrain is measured on its own to show what the terrain step itself costs.
/// </summary>
public class PreprocessBenchmarks
{
    private string _output = "";
    private RoutingGraph _imported = null!;

    [GlobalSetup]
    public void Setup()
    {
        _output = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.graph");
        _imported = RepositoryData.BuildHeidelberg(terrain: false);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_output);

    [Benchmark(Baseline = true)]
    public RoutingGraph ImportWithoutTerrain() => RepositoryData.BuildHeidelberg(terrain: false);

    [Benchmark]
    public RoutingGraph BuildWithTerrain() => RepositoryData.BuildHeidelberg();

    [Benchmark]
    public RoutingGraph PlaceOnTerrainOnly() => GraphBuild.PlaceOnTerrain(_imported, [RepositoryData.HeidelbergElevation]);

    [Benchmark]
    public void ImportAndWriteWithoutTerrain() => GraphFileWriter.Write(RepositoryData.BuildHeidelberg(terrain: false), _output);

    [Benchmark]
    public void BuildAndWriteWithTerrain() => GraphFileWriter.Write(RepositoryData.BuildHeidelberg(), _output);
}
