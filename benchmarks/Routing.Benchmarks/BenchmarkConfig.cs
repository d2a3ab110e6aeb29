using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Routing.Benchmarks;

/// <summary>
/// Shared by every suite: memory diagnoser on. Jobs come from the command line: <c>--job short</c> for a quick look,
/// the default job for the figures in benchmarks/README.md.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
