using BenchmarkDotNet.Running;
using Routing.Benchmarks;
using Routing.Osm.Import;

// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-queries   (rewrites benchmarks/queries/*.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-routable  (writes only queries/heidelberg-routable-1-5km.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- latency [query-set] [fresh|cached]   (per-query median, p95)
switch (args)
{
    case ["make-queries"]:
        QuerySets.Make(OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph);
        return;
    case ["make-routable"]:
        QuerySets.MakeRoutable(OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph);
        return;
    case ["latency", ..]:
        LatencyReport.Run(OsmImporter.Import(RepositoryData.HeidelbergExtract).Graph, args.Length > 1 ? args[1] : "mixed-1-5km",
            fresh: args.Length <= 2 || args[2] != "cached");
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
