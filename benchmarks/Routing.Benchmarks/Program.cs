using System.Globalization;
using BenchmarkDotNet.Running;
using Routing.Benchmarks;

// Every engine figure is measured on the graph the service serves: Heidelberg placed on its terrain model.
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-queries   (rewrites benchmarks/queries/*.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-routable  (writes only queries/heidelberg-routable-1-5km.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-urban     (writes only queries/heidelberg-urban-1-3km.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-refused   (writes only queries/heidelberg-urban-1-3km-refused-wheelchair.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-area      (writes only queries/heidelberg-area-any.csv)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- quality [query-set ...]   (routes as a person would judge them, per preset)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- latency [query-set] [fresh|cached] [no-terrain|derived-block|alt]   (per-query median, p95;
//   no-terrain: on the graph without inclines, the baseline that shows what the terrain costs;
//   derived-block: every terrain slope blocks like a tag, as before incline confidence;
//   alt: presets search with ALT too, the baseline of the contraction hierarchy)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- refusals [query-set]   (refusals per preset and what blocks)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- slope-warnings [query-set]   (share of route length with a slope warning)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- snap-islands   (points that snap onto an island of the profile)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- search [query-set] [random-pairs]   (hierarchy against ALT and Dijkstra)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- make-scale SOURCE TARGET COLUMNS ROWS   (the source repeated on a grid)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- scale GRAPH LABEL [local-pairs=200] [long-pairs=20]
//   (load, router and route times on a built graph; benchmarks/scale.sh runs the whole experiment)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- transit-demo   (issue 28: demo feed import, RAPTOR against Dijkstra, whole trips)
// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- transit-national [stops=500000]   (a generated national-size feed: import time, memory, RAPTOR, transfer walks ahead)
switch (args)
{
    case ["transit-demo"]:
        TransitReport.Demo(RepositoryData.BuildHeidelberg());
        return;
    case ["transit-national", ..]:
        TransitReport.National(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000, RepositoryData.BuildHeidelberg());
        return;
    case ["make-queries"]:
        QuerySets.Make(RepositoryData.BuildHeidelberg());
        return;
    case ["make-routable"]:
        QuerySets.MakeRoutable(RepositoryData.BuildHeidelberg());
        return;
    case ["make-urban"]:
        QuerySets.MakeUrban(RepositoryData.BuildHeidelberg());
        return;
    case ["make-refused"]:
        QuerySets.MakeRefused(RepositoryData.BuildHeidelberg());
        return;
    case ["make-area"]:
        QuerySets.MakeArea(RepositoryData.BuildHeidelberg());
        return;
    case ["quality", ..]:
        QualityReport.Run(RepositoryData.BuildHeidelberg(), args.Length > 1 ? args[1..] : [QuerySets.UrbanSet, QuerySets.AreaSet]);
        return;
    case ["latency", ..]:
        LatencyReport.Run(RepositoryData.BuildHeidelberg(terrain: args is not [_, _, _, "no-terrain"]),
            args.Length > 1 ? args[1] : "mixed-1-5km", fresh: args.Length <= 2 || args[2] != "cached",
            derivedInclinesBlock: args is [_, _, _, "derived-block"], presetsOnHierarchy: args is not [_, _, _, "alt"]);
        return;
    case ["search", ..]:
        SearchReport.Run(RepositoryData.BuildHeidelberg(), args.Length > 1 ? args[1] : QuerySets.UrbanSet, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000);
        return;
    case ["make-scale", var source, var target, var columns, var rows]:
        ScaleReport.MakeInput(source, target, int.Parse(columns, CultureInfo.InvariantCulture), int.Parse(rows, CultureInfo.InvariantCulture));
        return;
    case ["scale", var graphPath, var label, ..]:
        ScaleReport.Run(graphPath, label, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200,
            args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20);
        return;
    case ["slope-warnings", ..]:
        SlopeWarningReport.Run(RepositoryData.BuildHeidelberg(), args.Length > 1 ? args[1] : QuerySets.UrbanSet);
        return;
    case ["snap-islands"]:
        SnapIslandReport.Run(RepositoryData.BuildHeidelberg());
        return;
    case ["refusals", ..]:
        RefusalReport.Run(RepositoryData.BuildHeidelberg(), args.Length > 1 ? args[1] : QuerySets.UrbanSet);
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
