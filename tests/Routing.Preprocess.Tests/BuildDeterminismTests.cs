using Routing.TestSupport;

namespace Routing.Preprocess.Tests;

/// <summary>
/// The build reads blocks and samples the terrain on every core; the file must not depend on which core did what.
/// Two builds of Heidelberg with its terrain, each a fresh process, must agree on every section but the metadata
/// (which records when and how fast).
/// </summary>
public sealed class BuildDeterminismTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Two_parallel_builds_write_the_same_sections()
    {
        string[] files = [_dir.File("first.graph"), _dir.File("second.graph")];
        foreach (string file in files)
        {
            var run = PreprocessRun.Of("build", RepositoryPaths.HeidelbergExtract, "-o", file, "--elevation", RepositoryPaths.HeidelbergElevation);
            Assert.True(run.ExitCode == 0, run.Stderr);
        }

        var first = GraphSections.ChecksumsOf(files[0]);
        Assert.True(first.Count > 20, $"only {first.Count} sections");
        Assert.Equal(first, GraphSections.ChecksumsOf(files[1]));
    }
}
