using System.Globalization;
using System.IO.Compression;
using Routing.Osm.Transit;
using Routing.TestSupport;
using Routing.Transit.Demo;
using Routing.Transit.Gtfs;
using Routing.Transit.Search;
using Routing.Transit.Timetables;

namespace Routing.Transit.Tests;

/// <summary>
/// The demo feed from the bundled extract, and RAPTOR against plain time-expanded Dijkstra on random queries over it, as
/// derived and with <c>transfers.txt</c> rules within a third of its stops (a longer change or none).
/// </summary>
public sealed class RaptorCheckTests
{
    private static readonly Lazy<(IReadOnlyList<TransitLine> Lines, Timetable Timetable)> Demo = new(() =>
    {
        var lines = TransitLineReader.Read(RepositoryPaths.HeidelbergExtract);
        using var folder = new TempDirectory();
        string zip = folder.File("demo.zip");
        DemoFeed.Write(lines, zip);
        return (lines, GtfsImporter.Import([zip], isDemo: true));
    });

    /// <summary>The demo feed with rules within one stop: at a random third of its stops, type 2 with 1 to 15 minutes or type 3.</summary>
    private static readonly Lazy<Timetable> DemoWithRules = new(() =>
    {
        using var folder = new TempDirectory();
        string zip = folder.File("demo.zip");
        DemoFeed.Write(Demo.Value.Lines, zip);
        var random = new Random(2828);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(archive.CreateEntry("transfers.txt").Open());
            writer.Write("from_stop_id,to_stop_id,transfer_type,min_transfer_time\r\n");
            foreach (string stop in Demo.Value.Timetable.StopIds.Where(_ => random.NextDouble() < 0.33))
            {
                writer.Write(random.NextDouble() < 0.5
                    ? string.Create(CultureInfo.InvariantCulture, $"{stop},{stop},2,{random.Next(60, 900)}\r\n")
                    : $"{stop},{stop},3,\r\n");
            }
        }
        return GtfsImporter.Import([zip], isDemo: true);
    });

    [Fact]
    public void The_demo_feed_has_the_extracts_tram_and_bus_lines()
    {
        var (lines, timetable) = Demo.Value;
        Assert.InRange(lines.Count, 100, 137); // 137 route relations in the extract; a few have fewer than two stops inside it
        Assert.Contains(lines, l => l.Mode == "tram");
        Assert.Contains(lines, l => l.Mode == "bus");
        Assert.True(timetable.IsDemo);
        Assert.Contains(timetable.StopWheelchair, a => a == Accessibility.Accessible);
        Assert.Contains(timetable.StopWheelchair, a => a == Accessibility.Unknown);
        // Every line runs from 05:00 to 24:00 at its headway: at least 19 h / 20 min trips each.
        Assert.True(timetable.TripCount >= lines.Count * 57, $"{timetable.TripCount} trips");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Raptor_finds_the_earliest_arrival_of_time_expanded_Dijkstra_on_random_queries(bool rulesWithinStops)
    {
        var tt = rulesWithinStops ? DemoWithRules.Value : Demo.Value.Timetable;
        Assert.Equal(rulesWithinStops, tt.Transfers.Length > 0);
        var random = new Random(28);
        int[] served = [.. Enumerable.Range(0, tt.StopCount).Where(s => tt.StopPatternStart[s + 1] > tt.StopPatternStart[s])];
        // Transfers: every pair of stops within 300 m, at 1 m/s over the straight line times 1.3.
        var walks = new List<(int, int, int, double)>();
        foreach (int a in served)
        {
            foreach (int b in served)
            {
                double m = Trips.Geo.DistanceM(tt.StopLat[a], tt.StopLon[a], tt.StopLat[b], tt.StopLon[b]);
                if (a != b && m <= 300)
                {
                    walks.Add((a, b, (int)(m * 1.3), m * 1.3));
                }
            }
        }
        var transfers = TransferGraph.From(tt.StopCount, walks);
        var raptor = new Raptor(tt);
        int compared = 0, reached = 0;
        for (int q = 0; q < 200; q++)
        {
            int from = served[random.Next(served.Length)], to = served[random.Next(served.Length)];
            // Some trips and stops refused, as an accessibility rule would.
            bool[] tripAllowed = [.. Enumerable.Range(0, tt.TripCount).Select(_ => random.NextDouble() < 0.85)];
            bool[] stopUsable = [.. Enumerable.Range(0, tt.StopCount).Select(s => s == from || s == to || random.NextDouble() < 0.9)];
            var query = new RaptorQuery(random.Next(5 * 3600, 22 * 3600), [new StopWalk(from, random.Next(0, 300), 0)], [new StopWalk(to, random.Next(0, 300), 0)],
                transfers, tripAllowed, stopUsable, MaxRides: 16);
            var journeys = raptor.Search(query);
            int expected = TimeExpandedDijkstra.EarliestArrival(tt, query);
            int actual = journeys.Count == 0 ? int.MaxValue : journeys.Min(j => j.ArrivalS);
            Assert.True(expected == actual, $"query {q}: {tt.StopNames[from]} -> {tt.StopNames[to]} at {query.DepartureS} s: Dijkstra {expected}, RAPTOR {actual}");
            compared++;
            reached += actual < int.MaxValue ? 1 : 0;
            // Each journey RAPTOR answers is one a person can ride: times never run backwards, rides as many as it says.
            foreach (var journey in journeys)
            {
                Assert.Equal(journey.Rides, journey.Legs.Count(l => l.Kind == JourneyLegKind.Ride));
                for (int i = 1; i < journey.Legs.Count; i++)
                {
                    Assert.True(journey.Legs[i].StartS >= journey.Legs[i - 1].EndS, $"query {q}: leg {i} starts before the one before ends");
                }
            }
        }
        Assert.Equal(200, compared);
        Assert.True(reached > 100, $"only {reached} of 200 random queries reached their stop: the check would prove little");
    }
}
