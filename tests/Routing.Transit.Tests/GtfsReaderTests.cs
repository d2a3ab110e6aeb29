using System.IO.Compression;
using System.Text;
using Routing.Transit.Gtfs;
using Routing.Transit.Timetables;

namespace Routing.Transit.Tests;

/// <summary>The streaming reader and the importer on the hand-written fixture and on broken copies of it.</summary>
public sealed class GtfsReaderTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stepfree");

    private static int StopIndex(Timetable timetable, string stopId) => Array.IndexOf(timetable.StopIds, stopId);

    [Fact]
    public void Quoted_fields_BOM_and_CRLF_are_read()
    {
        var timetable = GtfsImporter.Import([Fixture]);
        Assert.Equal(["Fixture Verkehr, hand-written"], timetable.AgencyNames); // BOM before the header, comma inside quotes, CRLF
        int r3 = Array.IndexOf(timetable.RouteIds, "R3");
        Assert.Equal("Frequent \"shuttle\"", timetable.RouteLongNames[r3]);
        Assert.Equal("Sofienstraße Station, lift entrance", timetable.StopNames[StopIndex(timetable, "E1")]);
    }

    [Fact]
    public void Platforms_inherit_wheelchair_boarding_from_their_station()
    {
        var timetable = GtfsImporter.Import([Fixture]);
        Assert.Equal(Accessibility.Accessible, timetable.StopWheelchair[StopIndex(timetable, "P1")]);
        Assert.Equal(Accessibility.NotAccessible, timetable.StopWheelchair[StopIndex(timetable, "A2")]);
        Assert.Equal(LocationType.Entrance, timetable.StopLocationTypes[StopIndex(timetable, "E2")]);
        Assert.Equal(3, timetable.Pathways.Length);
        Assert.Equal(PathwayMode.Elevator, timetable.Pathways.Single(p => p.Id == "lift_1").Mode);
    }

    [Fact]
    public void Frequencies_expand_into_one_trip_per_headway()
    {
        var timetable = GtfsImporter.Import([Fixture]);
        Assert.Equal(["freq@06:00:00", "freq@06:15:00", "freq@06:30:00", "freq@06:45:00"], timetable.TripIds.Where(t => t.StartsWith("freq", StringComparison.Ordinal)).Order());
        int trip = Array.IndexOf(timetable.TripIds, "freq@06:45:00");
        int pattern = Enumerable.Range(0, timetable.PatternCount).Single(p => timetable.PatternTrips.AsSpan(timetable.PatternTripStart[p],
            timetable.PatternTripStart[p + 1] - timetable.PatternTripStart[p]).Contains(trip));
        int j = Array.IndexOf(timetable.PatternTrips, trip) - timetable.PatternTripStart[pattern];
        Assert.Equal((6 * 3600) + (55 * 60), timetable.Arrivals[timetable.PatternTimeStart[pattern] + (j * 2) + 1]);
    }

    [Fact]
    public void Calendar_dates_remove_and_add_days()
    {
        var services = GtfsImporter.Import([Fixture]).Services;
        int wk = Array.IndexOf(services.ServiceIds, "wk");
        Assert.True(services.RunsOn(wk, new DateOnly(2026, 12, 7)));   // a Monday
        Assert.False(services.RunsOn(wk, new DateOnly(2026, 12, 8)));  // a Tuesday, removed
        Assert.True(services.RunsOn(wk, new DateOnly(2026, 12, 13)));  // a Sunday, added
        Assert.False(services.RunsOn(wk, new DateOnly(2026, 12, 6)));  // a Sunday
        Assert.False(services.RunsOn(wk, new DateOnly(2027, 1, 4)));   // after end_date
    }

    [Theory]
    [InlineData("stop_times.txt", "t_acc_0810,08:20:00,08:20:00,B,2", "t_acc_0810,08:20:00,08:61:00,B,2", "stop_times.txt, line 7, field departure_time: '08:61:00' is not a time")]
    [InlineData("stops.txt", "B,Universitätsplatz,49.4122,8.7101,0,,1,", "B,Universitätsplatz,north,8.7101,0,,1,", "stops.txt, line 4, field stop_lat: 'north' is not a coordinate")]
    [InlineData("trips.txt", "R2,wk,t_p1_0710,Universitätsplatz,1", "R99,wk,t_p1_0710,Universitätsplatz,1", "trips.txt, line 8, field route_id: 'R99' is no route_id")]
    [InlineData("stop_times.txt", "t_acc_0810,08:20:00,08:20:00,B,2", "t_acc_0810,08:05:00,08:05:00,B,2", "stop_times.txt, line 7, field arrival_time: is before the departure")]
    [InlineData("pathways.txt", "lift_1,E1,P1,5,1,60", "lift_1,E1,P1,9,1,60", "pathways.txt, line 2, field pathway_mode: '9' is not a whole number from 1 to 7")]
    [InlineData("trips.txt", "R1,wk,t_acc_0810,Universitätsplatz,1,s5", "R1,wk,t_acc_0810,Universitätsplatz,1,s9", "trips.txt, line 4, field shape_id: 's9' is no shape_id of shapes.txt")]
    [InlineData("shapes.txt", "s5,49.4110,8.6990,20", "s5,49.4110,east,20", "shapes.txt, line 4, field shape_pt_lon: 'east' is not a coordinate")]
    public void A_broken_feed_names_file_line_and_field(string file, string line, string broken, string expected)
    {
        using var folder = new TestSupport.TempDirectory();
        foreach (string source in Directory.GetFiles(Fixture))
        {
            File.Copy(source, Path.Combine(folder.Path, Path.GetFileName(source)));
        }
        string path = Path.Combine(folder.Path, file);
        string text = File.ReadAllText(path);
        Assert.Contains(line, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(line, broken, StringComparison.Ordinal));
        var error = Assert.Throws<GtfsFormatException>(() => GtfsImporter.Import([folder.Path]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_field_left_open_is_an_error_naming_the_file()
    {
        using var folder = new TestSupport.TempDirectory();
        string zip = Path.Combine(folder.Path, "feed.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (string source in Directory.GetFiles(Fixture))
            {
                string text = File.ReadAllText(source);
                if (Path.GetFileName(source) == "routes.txt")
                {
                    text = text.Replace("\"Frequent \"\"shuttle\"\"\"", "\"Frequent shuttle", StringComparison.Ordinal);
                }
                using var writer = new StreamWriter(archive.CreateEntry(Path.GetFileName(source)).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        var error = Assert.Throws<GtfsFormatException>(() => GtfsImporter.Import([zip]));
        Assert.Contains("feed.zip:routes.txt, line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_table_is_named()
    {
        using var folder = new TestSupport.TempDirectory();
        foreach (string source in Directory.GetFiles(Fixture).Where(f => !f.EndsWith("trips.txt", StringComparison.Ordinal)))
        {
            File.Copy(source, Path.Combine(folder.Path, Path.GetFileName(source)));
        }
        var error = Assert.Throws<GtfsFormatException>(() => GtfsImporter.Import([folder.Path]));
        Assert.Contains("trips.txt: missing", error.Message, StringComparison.Ordinal);
    }
}
