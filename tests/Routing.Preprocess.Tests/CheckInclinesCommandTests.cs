using Routing.TestSupport;

namespace Routing.Preprocess.Tests;

/// <summary><c>check-inclines</c> as a user runs it: the accuracy tables on Heidelberg, a CSV, and bad input.</summary>
public sealed class CheckInclinesCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Measures_the_bundled_terrain_against_the_tagged_inclines_and_writes_every_edge_to_csv()
    {
        string csv = Path.Combine(_dir.Path, "inclines.csv");
        var run = PreprocessRun.Of("check-inclines", RepositoryPaths.HeidelbergExtract, "-e", RepositoryPaths.HeidelbergElevation, "--csv", csv);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("edges with a tagged incline", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 0-50 m |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 6 % |", run.Stdout, StringComparison.Ordinal);
        // The calibration table and the folds it was scored on: the README's figures come from here.
        Assert.Contains("| predicted chance | cases | mean predicted | observed share |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 0.40-0.60 |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("dealt into 5 folds", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 12 % |", run.Stdout, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(csv);
        Assert.StartsWith("osm_way_id,lat,lon,tagged_pct,", lines[0], StringComparison.Ordinal);
        Assert.InRange(lines.Length - 1, 700, 900);
    }

    [Fact]
    public void A_missing_terrain_file_is_one_line_on_stderr_and_exit_code_1()
    {
        var run = PreprocessRun.Of("check-inclines", RepositoryPaths.HeidelbergExtract, "-e", Path.Combine(_dir.Path, "missing.tif"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.tif", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
