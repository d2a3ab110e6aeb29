using System.Globalization;
using System.IO.Compression;
using System.Text;
using Routing.Osm.Transit;

namespace Routing.Transit.Demo;

/// <summary>
/// A demo GTFS feed derived from the extract's tram and bus route relations, because no real timetable ships with the
/// project: each relation's stops in order, run times from the distance between stops (straight line times
/// <see cref="DetourFactor"/> at <see cref="TramSpeedMps"/> or <see cref="BusSpeedMps"/>, plus <see cref="DwellS"/> at each
/// stop), every day from 05:00 to 24:00 at the relation's <c>interval</c> or <see cref="DefaultTramHeadwayS"/> /
/// <see cref="DefaultBusHeadwayS"/> (a <c>frequencies.txt</c>, so the import expands it like any feed's).
/// Accessibility comes from the <c>wheelchair</c> tags of the stops and relations. It is labelled a demo everywhere.
/// </summary>
public static class DemoFeed
{
    public const double DetourFactor = 1.3;
    public const double TramSpeedMps = 5.0;
    public const double BusSpeedMps = 4.5;
    public const int DwellS = 20;
    public const int DefaultTramHeadwayS = 600;
    public const int DefaultBusHeadwayS = 1200;
    public const int FirstDepartureS = 5 * 3600;
    public const int LastDepartureS = 24 * 3600;
    public const string AgencyName = "Demo timetable derived from OpenStreetMap route relations (not a real timetable)";

    /// <summary>The demo feed's zip beside the graph (<c>heidelberg.graph</c> -> <c>heidelberg.demo-gtfs.zip</c>), written when missing.</summary>
    public static string EnsureBeside(string graphPath, string osmPath)
    {
        string zip = Path.ChangeExtension(graphPath, ".demo-gtfs.zip");
        if (!File.Exists(zip))
        {
            Write(TransitLineReader.Read(osmPath), zip);
        }
        return zip;
    }

    /// <summary>Writes the feed to a temporary file first and moves it into place, so a failure leaves no half-written zip.</summary>
    public static void Write(IReadOnlyList<TransitLine> lines, string zipPath)
    {
        string temporary = zipPath + ".partial";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            Table(zip, "agency.txt", "agency_id,agency_name,agency_url,agency_timezone", [["demo", AgencyName, "https://www.openstreetmap.org/copyright", "Europe/Berlin"]]);
            Table(zip, "calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
                [["daily", "1", "1", "1", "1", "1", "1", "1", "20200101", "20991231"]]);
            var stops = lines.SelectMany(l => l.Stops).DistinctBy(s => s.OsmNodeId).OrderBy(s => s.OsmNodeId);
            Table(zip, "stops.txt", "stop_id,stop_name,stop_lat,stop_lon,wheelchair_boarding",
                stops.Select(s => new[] { Id(s.OsmNodeId), s.Name, Number(s.Lat), Number(s.Lon), Accessibility(s.Wheelchair) }));
            Table(zip, "routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type,route_color",
                lines.Select(l => new[] { Id(l.OsmRelationId), "demo", l.Ref ?? "", l.Name ?? $"{l.Mode} {l.OsmRelationId}", l.Mode == "tram" ? "0" : "3", Colour(l.Colour) }));
            Table(zip, "trips.txt", "route_id,service_id,trip_id,trip_headsign,wheelchair_accessible",
                lines.Select(l => new[] { Id(l.OsmRelationId), "daily", Id(l.OsmRelationId), l.To ?? l.Stops[^1].Name, Accessibility(l.Wheelchair) }));
            Table(zip, "stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence", lines.SelectMany(StopTimes));
            Table(zip, "frequencies.txt", "trip_id,start_time,end_time,headway_secs,exact_times",
                lines.Select(l => new[] { Id(l.OsmRelationId), Clock(FirstDepartureS), Clock(LastDepartureS), HeadwayS(l).ToString(CultureInfo.InvariantCulture), "1" }));
        }
        File.Move(temporary, zipPath, overwrite: true);
    }

    /// <summary>The relation's <c>interval</c> (minutes, <c>hh:mm</c> or <c>hh:mm:ss</c>), else the mode's default.</summary>
    public static int HeadwayS(TransitLine line)
    {
        int fallback = line.Mode == "tram" ? DefaultTramHeadwayS : DefaultBusHeadwayS;
        if (line.Interval is not { } interval)
        {
            return fallback;
        }
        string[] parts = interval.Split(':');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) && minutes is > 0 and <= 240)
        {
            return minutes * 60;
        }
        if (parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && (h * 60) + m is > 0 and <= 240)
        {
            return ((h * 60) + m) * 60;
        }
        return fallback;
    }

    private static IEnumerable<string[]> StopTimes(TransitLine line)
    {
        double speed = line.Mode == "tram" ? TramSpeedMps : BusSpeedMps;
        double clock = FirstDepartureS;
        for (int i = 0; i < line.Stops.Count; i++)
        {
            if (i > 0)
            {
                clock += Math.Round(Trips.Geo.DistanceM(line.Stops[i - 1].Lat, line.Stops[i - 1].Lon, line.Stops[i].Lat, line.Stops[i].Lon) * DetourFactor / speed);
            }
            int arrival = (int)clock;
            int departure = i == 0 || i == line.Stops.Count - 1 ? arrival : arrival + DwellS;
            clock = departure;
            yield return [Id(line.OsmRelationId), Clock(arrival), Clock(departure), Id(line.Stops[i].OsmNodeId), (i + 1).ToString(CultureInfo.InvariantCulture)];
        }
    }

    /// <summary>OSM <c>wheelchair</c>: yes and designated board (1), no does not (2), limited or nothing is unknown (0).</summary>
    private static string Accessibility(string? wheelchair) => wheelchair switch
    {
        "yes" or "designated" => "1",
        "no" => "2",
        _ => "0",
    };

    private static string Colour(string? colour) =>
        colour is ['#', .. var hex] && hex.Length == 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _) ? hex.ToUpperInvariant() : "";

    private static string Id(long osmId) => osmId.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0000000", CultureInfo.InvariantCulture);

    private static string Clock(int seconds) => $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";

    private static void Table(ZipArchive zip, string name, string header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(header);
        writer.Write("\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
