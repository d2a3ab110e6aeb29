using Routing.Graph.Format;
using Routing.TestSupport;

namespace Routing.Preprocess.Tests;

/// <summary><c>fix-first</c> as a planner runs it on a built graph.</summary>
public sealed class FixFirstCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ranks_the_fixes_of_heidelberg_from_every_stop_into_a_csv()
    {
        string graph = _dir.File("heidelberg.graph"), csv = _dir.File("fixes.csv");
        GraphFileWriter.Write(Heidelberg.Graph, graph);

        var run = PreprocessRun.Of("fix-first", graph, "--minutes", "10", "--csv", csv);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("fix-first 100 %", run.Stderr, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("rank,constraint,fix,gain_m,origins_gaining,lat,lon,osm_way_id,osm_node_id", lines[0]);
        Assert.True(lines.Length > 10);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_or_graph_is_one_line_and_exit_code_1()
    {
        var profile = PreprocessRun.Of("fix-first", _dir.File("none.graph"), "--profile", "rollerblades");
        var graph = PreprocessRun.Of("fix-first", _dir.File("none.graph"));

        Assert.Equal((1, 1), (profile.ExitCode, graph.ExitCode));
        Assert.Contains("rollerblades", profile.Stderr, StringComparison.Ordinal);
        Assert.Contains("none.graph", graph.Stderr, StringComparison.Ordinal);
    }
}
