using BenchmarkDotNet.Running;
using Routing.Benchmarks;
using Routing.Osm.Import;

// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-queries   (rewrites benchmarks/queries/*.csv)
if (args is ["make-queries"])
{
    QuerySets.Make(OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
