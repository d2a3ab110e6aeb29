using System.Net;
using Routing.TestSupport;
using Routing.Transit.Gtfs;
using Routing.Transit.Timetables;

namespace Routing.Transit.Tests;

/// <summary>The fixture's service on a graph in a given folder, so that several hosts in turn share its timetable file.</summary>
internal sealed class FolderTransitHost(string graphPath) : TransitHost
{
    protected override string GraphPath => graphPath;
}

/// <summary>
/// The timetable is built into its own file beside the graph on the first start and read on the next, and a file that
/// cannot be used stops the start with what is wrong with it.
/// </summary>
public sealed class TimetableFileTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "stepfree");

    [Fact]
    public async Task The_first_start_writes_the_timetable_beside_the_graph_and_the_next_reads_it()
    {
        using var folder = new TempDirectory();
        string graph = folder.File("heidelberg.graph");
        string file = TimetableFile.Beside(graph);
        await using (var first = new FolderTransitHost(graph))
        {
            var (status, _) = await TripApiTests.Trip(first, "2026-12-07T07:58:00+01:00", """{"accessibility": "strict"}""");
            Assert.Equal(HttpStatusCode.OK, status);
        }
        Assert.True(File.Exists(file), "no timetable file beside the graph");
        var written = File.GetLastWriteTimeUtc(file);

        await using var second = new FolderTransitHost(graph);
        var (again, answer) = await TripApiTests.Trip(second, "2026-12-07T07:58:00+01:00", """{"accessibility": "strict"}""");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal("t_acc_0810", TripApiTests.FirstTrip(answer));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // read, not built again
    }

    [Theory]
    [InlineData("truncated", "is truncated or overlong")]
    [InlineData("foreign", "is not a timetable file")]
    [InlineData("corrupt", "is corrupt")]
    public async Task A_file_that_cannot_be_used_stops_the_start_naming_it(string damage, string expected)
    {
        using var folder = new TempDirectory();
        string graph = folder.File("heidelberg.graph");
        string file = TimetableFile.Beside(graph);
        await using (var first = new FolderTransitHost(graph))
        {
            first.CreateClient().Dispose();
        }
        byte[] bytes = await File.ReadAllBytesAsync(file);
        byte[] damaged = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "foreign" => "PK\u0003\u0004 a zip, not a timetable"u8.ToArray(),
            _ => [.. bytes[..^1], (byte)(bytes[^1] ^ 0xFF)],
        };
        await File.WriteAllBytesAsync(file, damaged);

        await using var broken = new FolderTransitHost(graph);
        var failure = Record.Exception(() => broken.CreateClient().Dispose());
        Assert.NotNull(failure);
        Assert.Contains(file, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Delete it to have it built from the feeds", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timetable_read_back_is_the_one_written()
    {
        using var folder = new TempDirectory();
        var timetable = GtfsImporter.Import([Fixture]);
        string file = folder.File("fixture.timetable");
        TimetableFile.Write(timetable, "fingerprint", file);
        var (read, fingerprint) = TimetableFile.Read(file);
        Assert.Equal("fingerprint", fingerprint);
        Assert.Equal(timetable.StopIds, read.StopIds);
        Assert.Equal(timetable.StopPlatformCodes, read.StopPlatformCodes);
        Assert.Equal(timetable.StopLat, read.StopLat);
        Assert.Equal(timetable.StopWheelchair, read.StopWheelchair);
        Assert.Equal(timetable.TripIds, read.TripIds);
        Assert.Equal(timetable.TripShapes, read.TripShapes);
        Assert.Equal(timetable.ShapeLatE7, read.ShapeLatE7);
        Assert.Equal(timetable.Arrivals, read.Arrivals);
        Assert.Equal(timetable.Departures, read.Departures);
        Assert.Equal(timetable.StopPatternPositions, read.StopPatternPositions);
        Assert.Equal(timetable.Pathways, read.Pathways);
        Assert.Equal(timetable.Transfers, read.Transfers);
        Assert.Equal(timetable.TimeZone, read.TimeZone);
        Assert.Equal(timetable.AgencyNames, read.AgencyNames);
        foreach (var day in new[] { new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 13) })
        {
            Assert.Equal(timetable.Services.ActiveOn(day), read.Services.ActiveOn(day));
        }
    }
}
