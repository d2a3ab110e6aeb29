using BenchmarkDotNet.Running;
using Routing.Benchmarks;

// dotnet run -c Release --project benchmarks/Routing.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
