using Routing.Transit.Timetables;

namespace Routing.Transit.Gtfs;

/// <summary>
/// What the feeds' tables gave, in growable columns, and the step that turns it into a <see cref="Timetable"/>: stop
/// times sorted per trip and checked, frequencies expanded into trips, trips grouped into patterns without overtaking.
/// </summary>
internal sealed class TimetableBuilder
{
    public List<string> AgencyNames { get; } = [];
    public TimeZoneInfo? TimeZone { get; set; }
    public List<string> StopIds { get; } = [];
    public List<string> StopNames { get; } = [];
    public List<string?> StopPlatformCodes { get; } = [];
    public List<double> StopLat { get; } = [];
    public List<double> StopLon { get; } = [];
    public List<LocationType> StopLocationTypes { get; } = [];
    public List<int> StopParents { get; } = [];
    public List<Accessibility> StopWheelchair { get; } = [];
    public List<string> RouteIds { get; } = [];
    public List<string> RouteShortNames { get; } = [];
    public List<string> RouteLongNames { get; } = [];
    public List<int> RouteTypes { get; } = [];
    public List<string> RouteColors { get; } = [];
    public List<string> ServiceIds { get; } = [];
    public List<byte> ServiceWeekdays { get; } = [];
    public List<int> ServiceStart { get; } = [];
    public List<int> ServiceEnd { get; } = [];
    public Dictionary<(int Service, int Day), bool> ServiceExceptions { get; } = [];
    public List<TripRow> Trips { get; } = [];
    public StopTimeColumns StopTimes { get; } = new();
    public List<(int Trip, int StartS, int EndS, int HeadwayS)> Frequencies { get; } = [];
    public List<TransferRule> Transfers { get; } = [];
    public List<Pathway> Pathways { get; } = [];

    public List<ShapePoint> ShapePoints { get; } = [];
    public int ShapeCount { get; set; }

    /// <param name="Shape">The trip's shape, or -1.</param>
    public sealed record TripRow(string Id, int Route, int Service, Accessibility Wheelchair, string Headsign, int Shape);

    public readonly record struct ShapePoint(int Shape, int Sequence, double Lat, double Lon);

    public int AddService(string id)
    {
        ServiceIds.Add(id);
        ServiceWeekdays.Add(0);
        ServiceStart.Add(int.MaxValue);
        ServiceEnd.Add(int.MinValue);
        return ServiceIds.Count - 1;
    }

    public Timetable Build(bool isDemo)
    {
        var rows = StopTimes;
        // Rows by (trip, stop_sequence): an index sort, so the columns are never copied.
        int[] order = new int[rows.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var trip = rows.Trip;
        var sequence = rows.Sequence;
        Array.Sort(order, (a, b) => trip[a] != trip[b] ? trip[a].CompareTo(trip[b]) : sequence[a].CompareTo(sequence[b]));

        // Each trip's rows: order[tripStart[t] .. tripStart[t + 1]].
        int[] tripStart = new int[Trips.Count + 1];
        foreach (int r in order)
        {
            tripStart[trip[r] + 1]++;
        }
        for (int t = 0; t < Trips.Count; t++)
        {
            tripStart[t + 1] += tripStart[t];
        }
        for (int t = 0; t < Trips.Count; t++)
        {
            CheckAndInterpolate(order, tripStart[t], tripStart[t + 1]);
        }

        // Concrete trips: every trip without frequencies as it is, each frequency-based one once per headway.
        var frequenciesOf = Frequencies.ToLookup(f => f.Trip);
        var concrete = new List<(int Source, int ShiftS, string Id)>(Trips.Count);
        for (int t = 0; t < Trips.Count; t++)
        {
            if (tripStart[t + 1] - tripStart[t] < 2)
            {
                continue; // a trip with fewer than two stops carries nobody anywhere
            }
            if (!frequenciesOf.Contains(t))
            {
                concrete.Add((t, 0, Trips[t].Id));
                continue;
            }
            int firstDeparture = rows.Departure[order[tripStart[t]]];
            foreach (var (_, startS, endS, headwayS) in frequenciesOf[t])
            {
                for (int departure = startS; departure < endS; departure += headwayS)
                {
                    concrete.Add((t, departure - firstDeparture, $"{Trips[t].Id}@{Clock(departure)}"));
                }
            }
        }

        // Patterns: same route, same stops in the same order; then split so that no trip overtakes another.
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int c = 0; c < concrete.Count; c++)
        {
            int t = concrete[c].Source;
            string key = Trips[t].Route + ":" + string.Join(',', order.AsSpan(tripStart[t], tripStart[t + 1] - tripStart[t]).ToArray().Select(r => rows.Stop[r]));
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }
            list.Add(c);
        }
        var patternStopStart = new List<int> { 0 };
        var patternStops = new List<int>();
        var patternTripStart = new List<int> { 0 };
        var patternTrips = new List<int>();
        var patternTimeStart = new List<int>();
        var arrivals = new List<int>();
        var departures = new List<int>();
        var flags = new List<byte>();
        var tripIds = new string[concrete.Count];
        var tripRoutes = new int[concrete.Count];
        var tripServices = new int[concrete.Count];
        var tripWheelchair = new Accessibility[concrete.Count];
        var tripHeadsigns = new string[concrete.Count];
        var tripShapes = new int[concrete.Count];
        for (int c = 0; c < concrete.Count; c++)
        {
            var source = Trips[concrete[c].Source];
            (tripIds[c], tripRoutes[c], tripServices[c], tripWheelchair[c], tripHeadsigns[c], tripShapes[c]) =
                (concrete[c].Id, source.Route, source.Service, source.Wheelchair, source.Headsign, source.Shape);
        }
        foreach (var group in byKey.Values)
        {
            int first = concrete[group[0]].Source;
            int length = tripStart[first + 1] - tripStart[first];
            int DepartureAt(int c, int i) => rows.Departure[order[tripStart[concrete[c].Source] + i]] + concrete[c].ShiftS;
            int ArrivalAt(int c, int i) => rows.Arrival[order[tripStart[concrete[c].Source] + i]] + concrete[c].ShiftS;
            group.Sort((a, b) => DepartureAt(a, 0).CompareTo(DepartureAt(b, 0)));
            var lanes = new List<List<int>>();
            foreach (int c in group)
            {
                var lane = lanes.FirstOrDefault(l => Follows(l[^1], c));
                if (lane is null)
                {
                    lanes.Add(lane = []);
                }
                lane.Add(c);
            }
            foreach (var lane in lanes)
            {
                for (int i = 0; i < length; i++)
                {
                    patternStops.Add(rows.Stop[order[tripStart[first] + i]]);
                }
                patternStopStart.Add(patternStops.Count);
                patternTimeStart.Add(arrivals.Count);
                foreach (int c in lane)
                {
                    patternTrips.Add(c);
                    for (int i = 0; i < length; i++)
                    {
                        arrivals.Add(ArrivalAt(c, i));
                        departures.Add(DepartureAt(c, i));
                        flags.Add(rows.Flags[order[tripStart[concrete[c].Source] + i]]);
                    }
                }
                patternTripStart.Add(patternTrips.Count);
            }

            bool Follows(int before, int after)
            {
                for (int i = 0; i < length; i++)
                {
                    if (DepartureAt(after, i) < DepartureAt(before, i) || ArrivalAt(after, i) < ArrivalAt(before, i))
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        // Stop -> (pattern, position), CSR.
        int stopCount = StopIds.Count;
        int[] stopPatternStart = new int[stopCount + 1];
        foreach (int s in patternStops)
        {
            stopPatternStart[s + 1]++;
        }
        for (int s = 0; s < stopCount; s++)
        {
            stopPatternStart[s + 1] += stopPatternStart[s];
        }
        int[] fill = stopPatternStart[..^1].ToArray();
        int[] stopPatterns = new int[patternStops.Count];
        int[] stopPatternPositions = new int[patternStops.Count];
        for (int p = 0; p < patternTimeStart.Count; p++)
        {
            for (int k = patternStopStart[p]; k < patternStopStart[p + 1]; k++)
            {
                int slot = fill[patternStops[k]]++;
                stopPatterns[slot] = p;
                stopPatternPositions[slot] = k - patternStopStart[p];
            }
        }

        var (shapeStart, shapeLatE7, shapeLonE7) = Shapes();
        return new Timetable
        {
            StopIds = [.. StopIds],
            StopNames = [.. StopNames],
            StopPlatformCodes = [.. StopPlatformCodes],
            StopLat = [.. StopLat],
            StopLon = [.. StopLon],
            StopLocationTypes = [.. StopLocationTypes],
            StopParents = [.. StopParents],
            StopWheelchair = [.. StopWheelchair],
            RouteIds = [.. RouteIds],
            RouteShortNames = [.. RouteShortNames],
            RouteLongNames = [.. RouteLongNames],
            RouteTypes = [.. RouteTypes],
            RouteColors = [.. RouteColors],
            TripIds = tripIds,
            TripRoutes = tripRoutes,
            TripServices = tripServices,
            TripWheelchair = tripWheelchair,
            TripHeadsigns = tripHeadsigns,
            TripShapes = tripShapes,
            ShapeStart = shapeStart,
            ShapeLatE7 = shapeLatE7,
            ShapeLonE7 = shapeLonE7,
            PatternStopStart = [.. patternStopStart],
            PatternStops = [.. patternStops],
            PatternTripStart = [.. patternTripStart],
            PatternTrips = [.. patternTrips],
            PatternTimeStart = [.. patternTimeStart],
            Arrivals = [.. arrivals],
            Departures = [.. departures],
            NoBoarding = [.. flags],
            StopPatternStart = stopPatternStart,
            StopPatterns = stopPatterns,
            StopPatternPositions = stopPatternPositions,
            Services = new ServiceCalendar([.. ServiceIds], [.. ServiceWeekdays], [.. ServiceStart], [.. ServiceEnd], ServiceExceptions),
            Pathways = [.. Pathways],
            Transfers = [.. Transfers],
            TimeZone = TimeZone ?? TimeZoneInfo.Utc,
            AgencyNames = [.. AgencyNames],
            IsDemo = isDemo,
        };
    }

    /// <summary>The shapes' points sorted by shape and <c>shape_pt_sequence</c>, as compressed rows of fixed-point coordinates.</summary>
    private (int[] Start, int[] LatE7, int[] LonE7) Shapes()
    {
        ShapePoints.Sort((a, b) => a.Shape != b.Shape ? a.Shape.CompareTo(b.Shape) : a.Sequence.CompareTo(b.Sequence));
        int[] start = new int[ShapeCount + 1];
        int[] latE7 = new int[ShapePoints.Count], lonE7 = new int[ShapePoints.Count];
        for (int i = 0; i < ShapePoints.Count; i++)
        {
            var point = ShapePoints[i];
            start[point.Shape + 1]++;
            (latE7[i], lonE7[i]) = ((int)Math.Round(point.Lat * 1e7), (int)Math.Round(point.Lon * 1e7));
        }
        for (int shape = 0; shape < ShapeCount; shape++)
        {
            start[shape + 1] += start[shape];
        }
        return (start, latE7, lonE7);
    }

    /// <summary>
    /// A trip's times never run backwards; a stop without times (allowed where <c>timepoint</c> is 0) gets a time
    /// interpolated by position between its neighbours, and the first and last stop must have one.
    /// </summary>
    private void CheckAndInterpolate(int[] order, int from, int to)
    {
        var rows = StopTimes;
        int previousTimed = -1;
        for (int k = from; k < to; k++)
        {
            int r = order[k];
            if (k > from && rows.Sequence[r] == rows.Sequence[order[k - 1]])
            {
                throw rows.Fault(r, "stop_sequence", $"{rows.Sequence[r]} appears twice in trip {Trips[rows.Trip[r]].Id}");
            }
            if (rows.Arrival[r] < 0)
            {
                if (k == from || k == to - 1)
                {
                    throw rows.Fault(r, "arrival_time", $"is empty at the {(k == from ? "first" : "last")} stop of trip {Trips[rows.Trip[r]].Id}, which needs a time");
                }
                continue;
            }
            if (previousTimed >= 0)
            {
                int p = order[previousTimed];
                if (rows.Arrival[r] < rows.Departure[p])
                {
                    throw rows.Fault(r, "arrival_time", $"is before the departure from the stop before it in trip {Trips[rows.Trip[r]].Id}");
                }
                for (int g = previousTimed + 1; g < k; g++)
                {
                    int time = rows.Departure[p] + (int)((long)(rows.Arrival[r] - rows.Departure[p]) * (g - previousTimed) / (k - previousTimed));
                    rows.Arrival[order[g]] = rows.Departure[order[g]] = time;
                }
            }
            previousTimed = k;
        }
    }

    private static string Clock(int seconds) => $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";
}

/// <summary>stop_times rows as columns of ints: about 25 bytes a row where objects would take 60.</summary>
internal sealed class StopTimeColumns
{
    private readonly List<(int FirstRow, string File)> _files = [];

    public int Count { get; private set; }
    public int[] Trip { get; private set; } = new int[1024];
    public int[] Sequence { get; private set; } = new int[1024];
    public int[] Stop { get; private set; } = new int[1024];
    public int[] Arrival { get; private set; } = new int[1024];
    public int[] Departure { get; private set; } = new int[1024];
    public byte[] Flags { get; private set; } = new byte[1024];
    public int[] Line { get; private set; } = new int[1024];

    public void Add(int trip, int sequence, int stop, int arrivalS, int departureS, byte flags, long line, string file)
    {
        if (_files.Count == 0 || !ReferenceEquals(_files[^1].File, file))
        {
            _files.Add((Count, file));
        }
        if (Count == Trip.Length)
        {
            int size = Count * 2;
            Trip = Grow(Trip, size);
            Sequence = Grow(Sequence, size);
            Stop = Grow(Stop, size);
            Arrival = Grow(Arrival, size);
            Departure = Grow(Departure, size);
            Flags = Grow(Flags, size);
            Line = Grow(Line, size);
        }
        (Trip[Count], Sequence[Count], Stop[Count], Arrival[Count], Departure[Count], Flags[Count], Line[Count]) =
            (trip, sequence, stop, arrivalS, departureS, flags, (int)Math.Min(line, int.MaxValue));
        Count++;
    }

    public GtfsFormatException Fault(int row, string field, string problem)
    {
        string file = _files.Last(f => f.FirstRow <= row).File;
        return GtfsFormatException.At(file, Line[row], field, problem);
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
