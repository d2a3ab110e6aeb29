using Routing.Transit.Timetables;

namespace Routing.Transit.Search;

/// <summary>
/// The timetable run backwards in time: every pattern's stops in reverse order, each time t as -t, departures and
/// arrivals swapped, pickup and drop-off swapped. The earliest arrival in it is the latest departure in the real one,
/// so one RAPTOR answers "arrive by" too. Trips keep their indices, so a journey found here names real trips.
/// </summary>
internal static class ReversedTimetable
{
    public static Timetable Reverse(Timetable tt)
    {
        int patterns = tt.PatternCount;
        int[] stops = new int[tt.PatternStops.Length];
        int[] trips = new int[tt.PatternTrips.Length];
        int[] arrivals = new int[tt.Arrivals.Length];
        int[] departures = new int[tt.Departures.Length];
        byte[] flags = new byte[tt.NoBoarding.Length];
        for (int p = 0; p < patterns; p++)
        {
            int length = tt.PatternLength(p), first = tt.PatternStopStart[p];
            for (int i = 0; i < length; i++)
            {
                stops[first + i] = tt.PatternStops[first + length - 1 - i];
            }
            int tripStart = tt.PatternTripStart[p], count = tt.PatternTripStart[p + 1] - tripStart, times = tt.PatternTimeStart[p];
            for (int j = 0; j < count; j++)
            {
                int source = count - 1 - j; // the last trip to arrive is the first to leave backwards
                trips[tripStart + j] = tt.PatternTrips[tripStart + source];
                for (int i = 0; i < length; i++)
                {
                    int from = times + (source * length) + (length - 1 - i), to = times + (j * length) + i;
                    arrivals[to] = -tt.Departures[from];
                    departures[to] = -tt.Arrivals[from];
                    byte f = tt.NoBoarding[from];
                    flags[to] = (byte)(((f & Timetable.NoPickup) != 0 ? Timetable.NoDropOff : 0) | ((f & Timetable.NoDropOff) != 0 ? Timetable.NoPickup : 0));
                }
            }
        }
        int[] positions = new int[tt.StopPatternPositions.Length];
        for (int k = 0; k < positions.Length; k++)
        {
            positions[k] = tt.PatternLength(tt.StopPatterns[k]) - 1 - tt.StopPatternPositions[k];
        }
        return new Timetable
        {
            StopIds = tt.StopIds,
            StopNames = tt.StopNames,
            StopPlatformCodes = tt.StopPlatformCodes,
            StopLat = tt.StopLat,
            StopLon = tt.StopLon,
            StopLocationTypes = tt.StopLocationTypes,
            StopParents = tt.StopParents,
            StopWheelchair = tt.StopWheelchair,
            RouteIds = tt.RouteIds,
            RouteShortNames = tt.RouteShortNames,
            RouteLongNames = tt.RouteLongNames,
            RouteTypes = tt.RouteTypes,
            RouteColors = tt.RouteColors,
            TripIds = tt.TripIds,
            TripRoutes = tt.TripRoutes,
            TripServices = tt.TripServices,
            TripWheelchair = tt.TripWheelchair,
            TripHeadsigns = tt.TripHeadsigns,
            TripShapes = tt.TripShapes,
            ShapeStart = tt.ShapeStart,
            ShapeLatE7 = tt.ShapeLatE7,
            ShapeLonE7 = tt.ShapeLonE7,
            PatternStopStart = tt.PatternStopStart,
            PatternStops = stops,
            PatternTripStart = tt.PatternTripStart,
            PatternTrips = trips,
            PatternTimeStart = tt.PatternTimeStart,
            Arrivals = arrivals,
            Departures = departures,
            NoBoarding = flags,
            StopPatternStart = tt.StopPatternStart,
            StopPatterns = tt.StopPatterns,
            StopPatternPositions = positions,
            Services = tt.Services,
            Pathways = tt.Pathways,
            Transfers = tt.Transfers,
            TimeZone = tt.TimeZone,
            AgencyNames = tt.AgencyNames,
            IsDemo = tt.IsDemo,
        };
    }
}
