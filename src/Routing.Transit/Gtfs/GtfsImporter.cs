using System.Globalization;
using Routing.Transit.Timetables;

namespace Routing.Transit.Gtfs;

/// <summary>
/// Reads GTFS feeds (zips or folders) into one <see cref="Timetable"/>: agency, stops, routes, trips, stop_times,
/// calendar, calendar_dates, frequencies, transfers, pathways, shapes (levels are read for their ids only: a pathway's level
/// change is its mode). Each table streams record by record; stop times are held as ints until they are sorted into
/// patterns. A fault anywhere is a <see cref="GtfsFormatException"/> naming file, line and field, and no timetable is
/// returned: nothing half-built is ever served. With several feeds, each id is prefixed with its feed's number.
/// </summary>
public static class GtfsImporter
{
    public static Timetable Import(IReadOnlyList<string> paths, bool isDemo = false)
    {
        var builder = new TimetableBuilder();
        for (int f = 0; f < paths.Count; f++)
        {
            using var source = new GtfsSource(paths[f]);
            var feed = new FeedReader(source, builder, paths.Count > 1 ? $"{f + 1}:" : "");
            feed.ReadAll();
        }
        return builder.Build(isDemo);
    }

    /// <summary>"HH:MM:SS" (hours may pass 24, H:MM:SS too) as seconds; -1 when empty.</summary>
    internal static int ParseTime(CsvTableReader table, int column, string field)
    {
        var span = table.Span(column);
        if (span.IsEmpty)
        {
            return -1;
        }
        int first = span.IndexOf(':');
        int second = first < 0 ? -1 : span[(first + 1)..].IndexOf(':') + first + 1;
        if (first > 0 && second > first + 1
            && int.TryParse(span[..first], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && int.TryParse(span[(first + 1)..second], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            && int.TryParse(span[(second + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            && m < 60 && s < 60 && h < 240)
        {
            return (h * 3600) + (m * 60) + s;
        }
        throw table.Fault(field, $"'{span}' is not a time (HH:MM:SS, hours may pass 24)");
    }

    private sealed class FeedReader(GtfsSource source, TimetableBuilder builder, string prefix)
    {
        private readonly Dictionary<string, int> _stops = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _routes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _trips = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _services = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _shapes = new(StringComparer.Ordinal);

        public void ReadAll()
        {
            ReadAgency();
            ReadStops();
            ReadRoutes();
            ReadCalendar();
            ReadCalendarDates();
            ReadShapes();
            ReadTrips();
            ReadStopTimes();
            ReadFrequencies();
            ReadTransfers();
            ReadLevels();
            ReadPathways();
        }

        private void ReadAgency()
        {
            using var table = source.OpenRequired("agency.txt");
            int name = table.RequiredColumn("agency_name"), zone = table.RequiredColumn("agency_timezone");
            while (table.Read())
            {
                builder.AgencyNames.Add(table.RequiredField(name, "agency_name"));
                string timeZone = table.RequiredField(zone, "agency_timezone");
                try
                {
                    builder.TimeZone ??= TimeZoneInfo.FindSystemTimeZoneById(timeZone);
                }
                catch (TimeZoneNotFoundException ex)
                {
                    throw new GtfsFormatException($"{table.FileName}, line {table.Line}, field agency_timezone: '{timeZone}' is not a known time zone (tz database name such as Europe/Berlin)", ex);
                }
            }
        }

        private void ReadStops()
        {
            using var table = source.OpenRequired("stops.txt");
            int id = table.RequiredColumn("stop_id"), name = table.Column("stop_name"), lat = table.Column("stop_lat"), lon = table.Column("stop_lon");
            int type = table.Column("location_type"), parent = table.Column("parent_station"), wheelchair = table.Column("wheelchair_boarding");
            int platform = table.Column("platform_code");
            var parents = new List<(int Stop, string Parent, long Line)>();
            while (table.Read())
            {
                string stopId = table.RequiredField(id, "stop_id");
                var locationType = (LocationType)SmallInt(table, type, "location_type", 0, 4, 0);
                bool needsPosition = locationType is LocationType.StopOrPlatform or LocationType.Station or LocationType.Entrance;
                double latitude = Coordinate(table, lat, "stop_lat", 90, needsPosition);
                double longitude = Coordinate(table, lon, "stop_lon", 180, needsPosition);
                if (!_stops.TryAdd(stopId, builder.StopIds.Count))
                {
                    throw table.Fault("stop_id", $"'{stopId}' is used twice");
                }
                builder.StopIds.Add(prefix + stopId);
                builder.StopNames.Add(table.Field(name));
                builder.StopPlatformCodes.Add(table.Span(platform).IsEmpty ? null : table.Field(platform));
                builder.StopLat.Add(latitude);
                builder.StopLon.Add(longitude);
                builder.StopLocationTypes.Add(locationType);
                builder.StopWheelchair.Add((Accessibility)SmallInt(table, wheelchair, "wheelchair_boarding", 0, 2, 0));
                builder.StopParents.Add(-1);
                if (!table.Span(parent).IsEmpty)
                {
                    parents.Add((builder.StopIds.Count - 1, table.Field(parent), table.Line));
                }
            }
            foreach (var (stop, parentId, line) in parents)
            {
                if (!_stops.TryGetValue(parentId, out int parentIndex))
                {
                    throw GtfsFormatException.At(table.FileName, line, "parent_station", $"'{parentId}' is no stop_id of this file");
                }
                builder.StopParents[stop] = parentIndex;
            }
            // Parents are stations (one level) or, for boarding areas, platforms (two): inherit until a value is found.
            for (int s = 0; s < builder.StopParents.Count; s++)
            {
                int p = builder.StopParents[s];
                for (int depth = 0; depth < 3 && p >= 0 && builder.StopWheelchair[s] == Accessibility.Unknown; depth++)
                {
                    builder.StopWheelchair[s] = builder.StopWheelchair[p];
                    p = builder.StopParents[p];
                }
            }
        }

        private void ReadRoutes()
        {
            using var table = source.OpenRequired("routes.txt");
            int id = table.RequiredColumn("route_id"), shortName = table.Column("route_short_name"), longName = table.Column("route_long_name");
            int type = table.RequiredColumn("route_type"), color = table.Column("route_color");
            while (table.Read())
            {
                string routeId = table.RequiredField(id, "route_id");
                if (table.Span(shortName).IsEmpty && table.Span(longName).IsEmpty)
                {
                    throw table.Fault("route_short_name", "is empty and so is route_long_name; GTFS requires one of them");
                }
                if (!_routes.TryAdd(routeId, builder.RouteIds.Count))
                {
                    throw table.Fault("route_id", $"'{routeId}' is used twice");
                }
                builder.RouteIds.Add(prefix + routeId);
                builder.RouteShortNames.Add(table.Field(shortName));
                builder.RouteLongNames.Add(table.Field(longName));
                builder.RouteTypes.Add(SmallInt(table, type, "route_type", 0, 1702, null));
                string colour = table.Field(color);
                if (colour.Length > 0 && (colour.Length != 6 || !int.TryParse(colour, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _)))
                {
                    throw table.Fault("route_color", $"'{colour}' is not six hex digits");
                }
                builder.RouteColors.Add(colour.ToUpperInvariant());
            }
        }

        private int Service(string id)
        {
            if (!_services.TryGetValue(id, out int index))
            {
                index = builder.AddService(prefix + id);
                _services[id] = index;
            }
            return index;
        }

        private void ReadCalendar()
        {
            using var table = source.Open("calendar.txt");
            if (table is null)
            {
                return; // calendar_dates.txt alone is allowed
            }
            int id = table.RequiredColumn("service_id"), start = table.RequiredColumn("start_date"), end = table.RequiredColumn("end_date");
            string[] dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
            int[] days = [.. dayNames.Select(table.RequiredColumn)];
            while (table.Read())
            {
                int service = Service(table.RequiredField(id, "service_id"));
                byte mask = 0;
                for (int d = 0; d < 7; d++)
                {
                    mask |= (byte)(SmallInt(table, days[d], dayNames[d], 0, 1, null) << d);
                }
                builder.ServiceWeekdays[service] = mask;
                builder.ServiceStart[service] = Date(table, start, "start_date").DayNumber;
                builder.ServiceEnd[service] = Date(table, end, "end_date").DayNumber;
            }
        }

        private void ReadCalendarDates()
        {
            using var table = source.Open("calendar_dates.txt");
            if (table is null)
            {
                return;
            }
            int id = table.RequiredColumn("service_id"), date = table.RequiredColumn("date"), type = table.RequiredColumn("exception_type");
            while (table.Read())
            {
                int service = Service(table.RequiredField(id, "service_id"));
                int day = Date(table, date, "date").DayNumber;
                builder.ServiceExceptions[(service, day)] = SmallInt(table, type, "exception_type", 1, 2, null) == 1;
            }
        }

        private void ReadTrips()
        {
            using var table = source.OpenRequired("trips.txt");
            int route = table.RequiredColumn("route_id"), service = table.RequiredColumn("service_id"), id = table.RequiredColumn("trip_id");
            int headsign = table.Column("trip_headsign"), wheelchair = table.Column("wheelchair_accessible"), shape = table.Column("shape_id");
            while (table.Read())
            {
                string tripId = table.RequiredField(id, "trip_id");
                int shapeIndex = -1;
                if (!table.Span(shape).IsEmpty && !_shapes.TryGetValue(table.Field(shape), out shapeIndex))
                {
                    throw table.Fault("shape_id", $"'{table.Field(shape)}' is no shape_id of shapes.txt");
                }
                string routeId = table.RequiredField(route, "route_id");
                if (!_routes.TryGetValue(routeId, out int routeIndex))
                {
                    throw table.Fault("route_id", $"'{routeId}' is no route_id of routes.txt");
                }
                string serviceId = table.RequiredField(service, "service_id");
                if (!_services.TryGetValue(serviceId, out int serviceIndex))
                {
                    throw table.Fault("service_id", $"'{serviceId}' is in neither calendar.txt nor calendar_dates.txt");
                }
                if (!_trips.TryAdd(tripId, builder.Trips.Count))
                {
                    throw table.Fault("trip_id", $"'{tripId}' is used twice");
                }
                builder.Trips.Add(new TimetableBuilder.TripRow(prefix + tripId, routeIndex, serviceIndex,
                    (Accessibility)SmallInt(table, wheelchair, "wheelchair_accessible", 0, 2, 0), table.Field(headsign), shapeIndex));
            }
        }

        /// <summary>Each shape's points, in any row order: the builder sorts them by <c>shape_pt_sequence</c>.</summary>
        private void ReadShapes()
        {
            using var table = source.Open("shapes.txt");
            if (table is null)
            {
                return;
            }
            int id = table.RequiredColumn("shape_id"), lat = table.RequiredColumn("shape_pt_lat"), lon = table.RequiredColumn("shape_pt_lon");
            int sequence = table.RequiredColumn("shape_pt_sequence");
            while (table.Read())
            {
                string shapeId = table.RequiredField(id, "shape_id");
                if (!_shapes.TryGetValue(shapeId, out int shape))
                {
                    _shapes[shapeId] = shape = builder.ShapeCount++;
                }
                builder.ShapePoints.Add(new TimetableBuilder.ShapePoint(shape, SmallInt(table, sequence, "shape_pt_sequence", 0, int.MaxValue, null),
                    Coordinate(table, lat, "shape_pt_lat", 90, required: true), Coordinate(table, lon, "shape_pt_lon", 180, required: true)));
            }
        }

        private void ReadStopTimes()
        {
            using var table = source.OpenRequired("stop_times.txt");
            int trip = table.RequiredColumn("trip_id"), arrival = table.Column("arrival_time"), departure = table.Column("departure_time");
            int stop = table.RequiredColumn("stop_id"), sequence = table.RequiredColumn("stop_sequence");
            int pickup = table.Column("pickup_type"), dropOff = table.Column("drop_off_type");
            var rows = builder.StopTimes;
            while (table.Read())
            {
                string tripId = table.RequiredField(trip, "trip_id");
                if (!_trips.TryGetValue(tripId, out int tripIndex))
                {
                    throw table.Fault("trip_id", $"'{tripId}' is no trip_id of trips.txt");
                }
                string stopId = table.RequiredField(stop, "stop_id");
                if (!_stops.TryGetValue(stopId, out int stopIndex))
                {
                    throw table.Fault("stop_id", $"'{stopId}' is no stop_id of stops.txt");
                }
                if (builder.StopLocationTypes[stopIndex] != LocationType.StopOrPlatform)
                {
                    throw table.Fault("stop_id", $"'{stopId}' is a station, entrance or node (location_type {(int)builder.StopLocationTypes[stopIndex]}); trips stop at stops and platforms");
                }
                int arrive = ParseTime(table, arrival, "arrival_time");
                int depart = ParseTime(table, departure, "departure_time");
                if (arrive >= 0 && depart >= 0 && depart < arrive)
                {
                    throw table.Fault("departure_time", "is before arrival_time");
                }
                byte flags = (byte)((SmallInt(table, pickup, "pickup_type", 0, 3, 0) == 1 ? Timetable.NoPickup : 0)
                    | (SmallInt(table, dropOff, "drop_off_type", 0, 3, 0) == 1 ? Timetable.NoDropOff : 0));
                rows.Add(tripIndex, SmallInt(table, sequence, "stop_sequence", 0, int.MaxValue, null), stopIndex,
                    arrive >= 0 ? arrive : depart, depart >= 0 ? depart : arrive, flags, table.Line, table.FileName);
            }
        }

        private void ReadFrequencies()
        {
            using var table = source.Open("frequencies.txt");
            if (table is null)
            {
                return;
            }
            int trip = table.RequiredColumn("trip_id"), start = table.RequiredColumn("start_time"), end = table.RequiredColumn("end_time");
            int headway = table.RequiredColumn("headway_secs");
            while (table.Read())
            {
                string tripId = table.RequiredField(trip, "trip_id");
                if (!_trips.TryGetValue(tripId, out int tripIndex))
                {
                    throw table.Fault("trip_id", $"'{tripId}' is no trip_id of trips.txt");
                }
                int from = ParseTime(table, start, "start_time"), to = ParseTime(table, end, "end_time");
                if (from < 0 || to < 0)
                {
                    throw table.Fault(from < 0 ? "start_time" : "end_time", "is empty, and GTFS requires a value");
                }
                if (to <= from)
                {
                    throw table.Fault("end_time", "is not after start_time");
                }
                builder.Frequencies.Add((tripIndex, from, to, SmallInt(table, headway, "headway_secs", 1, 86_400, null)));
            }
        }

        private void ReadTransfers()
        {
            using var table = source.Open("transfers.txt");
            if (table is null)
            {
                return;
            }
            int from = table.RequiredColumn("from_stop_id"), to = table.RequiredColumn("to_stop_id"), type = table.RequiredColumn("transfer_type");
            int min = table.Column("min_transfer_time");
            while (table.Read())
            {
                if (table.Span(from).IsEmpty || table.Span(to).IsEmpty)
                {
                    continue; // a trip-to-trip or route-to-route rule: the search knows only stops
                }
                builder.Transfers.Add(new TransferRule(StopOf(table, from, "from_stop_id"), StopOf(table, to, "to_stop_id"),
                    SmallInt(table, type, "transfer_type", 0, 5, 0), SmallInt(table, min, "min_transfer_time", 0, 86_400, 0)));
            }
        }

        private void ReadLevels()
        {
            using var table = source.Open("levels.txt");
            if (table is null)
            {
                return;
            }
            int id = table.RequiredColumn("level_id"), index = table.RequiredColumn("level_index");
            while (table.Read())
            {
                table.RequiredField(id, "level_id");
                if (!double.TryParse(table.Span(index), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw table.Fault("level_index", $"'{table.Span(index)}' is not a number");
                }
            }
        }

        private void ReadPathways()
        {
            using var table = source.Open("pathways.txt");
            if (table is null)
            {
                return;
            }
            int id = table.RequiredColumn("pathway_id"), from = table.RequiredColumn("from_stop_id"), to = table.RequiredColumn("to_stop_id");
            int mode = table.RequiredColumn("pathway_mode"), bidirectional = table.RequiredColumn("is_bidirectional");
            int time = table.Column("traversal_time"), length = table.Column("length");
            while (table.Read())
            {
                double lengthM = 0;
                if (!table.Span(length).IsEmpty && (!double.TryParse(table.Span(length), NumberStyles.Float, CultureInfo.InvariantCulture, out lengthM) || lengthM < 0))
                {
                    throw table.Fault("length", $"'{table.Span(length)}' is not a length in metres");
                }
                builder.Pathways.Add(new Pathway(prefix + table.RequiredField(id, "pathway_id"), StopOf(table, from, "from_stop_id"), StopOf(table, to, "to_stop_id"),
                    (PathwayMode)SmallInt(table, mode, "pathway_mode", 1, 7, null), SmallInt(table, bidirectional, "is_bidirectional", 0, 1, null) == 1,
                    SmallInt(table, time, "traversal_time", 0, 86_400, 0), lengthM));
            }
        }

        private int StopOf(CsvTableReader table, int column, string field)
        {
            string stopId = table.RequiredField(column, field);
            return _stops.TryGetValue(stopId, out int index) ? index : throw table.Fault(field, $"'{stopId}' is no stop_id of stops.txt");
        }

        /// <summary>A whole number in [min, max]; <paramref name="empty"/> when the field is empty (null: it is required).</summary>
        private static int SmallInt(CsvTableReader table, int column, string field, int min, int max, int? empty)
        {
            var span = table.Span(column);
            if (span.IsEmpty)
            {
                return empty ?? throw table.Fault(field, "is empty, and GTFS requires a value");
            }
            return int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
                ? value
                : throw table.Fault(field, $"'{span}' is not a whole number from {min} to {max}");
        }

        private static double Coordinate(CsvTableReader table, int column, string field, double limit, bool required)
        {
            var span = table.Span(column);
            if (span.IsEmpty)
            {
                return required ? throw table.Fault(field, "is empty; stops, stations, entrances and shape points need a position") : double.NaN;
            }
            return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= -limit && value <= limit
                ? value
                : throw table.Fault(field, $"'{span}' is not a coordinate between -{limit} and {limit} degrees");
        }

        private static DateOnly Date(CsvTableReader table, int column, string field) =>
            DateOnly.TryParseExact(table.Span(column), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw table.Fault(field, $"'{table.Span(column)}' is not a date (YYYYMMDD)");
    }
}
