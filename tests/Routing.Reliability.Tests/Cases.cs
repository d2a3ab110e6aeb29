using System.Globalization;
using Xunit.Abstractions;

namespace Routing.Reliability.Tests;

/// <summary>
/// How many cases each surface runs: <c>RELIABILITY_CASES</c> (tests/reliability.sh sets 100,000), else
/// <see cref="Default"/>, enough to catch a regression in the default test run and quick on two cores.
/// </summary>
internal static class Cases
{
    public const long Default = 200;

    public static long PerSurface { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long cases) && cases > 0
            ? cases
            : Default;

    /// <summary>
    /// Says how a surface did, in the test output and, when <c>RELIABILITY_REPORT</c> names a file, as one line of it
    /// (the suite script adds them up for the README).
    /// </summary>
    public static void Report(ITestOutputHelper output, string surface, long cases, string outcomes)
    {
        string line = $"{surface}\t{cases}\t{outcomes}";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("RELIABILITY_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(Cases))
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }
}

/// <summary>Counts answers by a label (status code, exception type), thread-safe, for the report line.</summary>
internal sealed class Tally
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Add(string label) => _counts.AddOrUpdate(label, 1, (_, n) => n + 1);

    public override string ToString() => string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
}
