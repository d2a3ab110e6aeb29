using BenchmarkDotNet.Attributes;
using Routing.Graph;
using Routing.Graph.Format;
using Routing.Osm.Import;

namespace Routing.Benchmarks;

/// <summary>Building the Heidelberg graph: the import alone, and import plus writing the file.</summary>
public class PreprocessBenchmarks
{
    private string _output = "";

    [GlobalSetup]
    public void Setup() => _output = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.graph");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_output);

    [Benchmark]
    public RoutingGraph ImportHeidelberg() => OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph;

    [Benchmark]
    public void ImportAndWriteHeidelberg() => GraphFileWriter.Write(OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph, _output);
}
