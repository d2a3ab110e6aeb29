using System.Globalization;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Transit.Search;
using Routing.Transit.Timetables;
using Routing.Texts;

namespace Routing.Transit.Trips;

/// <summary>
/// Plans trips with public transport for one timetable. The street engine judges every walk for the request's own
/// profile (access to stops, transfers, egress, bounded by <see cref="MaxWalkCostS"/>), so a stop a wheelchair cannot
/// reach is no stop for that request; RAPTOR searches the timetable. Accessibility (for wheeled profiles): a trip or
/// stop marked 2 never boards; unknown ones are refused in strict mode and otherwise used at
/// <see cref="UnknownPenaltyS"/> each. Itineraries are Pareto-optimal in arrival (with penalties), transfers and
/// walking effort. Thread-safe; transfer walks are computed ahead for the presets (<see cref="ComputeTransfersAhead"/>) and checked per
/// profile and barrier overlay where a request's differ (<see cref="TransferWalks"/>).
/// </summary>
public sealed class TripPlanner
{
    /// <summary>What each trip or stop of unknown accessibility adds to an itinerary's arrival when itineraries are compared, seconds.</summary>
    public const int UnknownPenaltyS = 600;
    /// <summary>The most one walk (access, transfer or egress) may cost by the profile, seconds.</summary>
    public const double MaxWalkCostS = 1200;
    /// <summary>Stops this far from the origin or destination, straight line, are tried for access and egress.</summary>
    public const double AccessRadiusM = 1500;
    /// <summary>Stops this far apart, straight line, are tried for a transfer walk.</summary>
    public const double TransferRadiusM = 400;
    /// <summary>The most a transfer walk may cost by the profile, seconds.</summary>
    public const double MaxTransferCostS = 600;
    private const int CachedTransferTables = 8;

    /// <summary>
    /// How far past its last departure (or before its first) a neighbouring service day is searched: a trip after
    /// midnight belongs to the day before (GTFS times past 24:00:00), and a late-evening query may catch the next
    /// day's first trips; farther than this, nobody waits.
    /// </summary>
    public const int NeighbourDayHorizonS = 4 * 3600;
    private const int DayS = 24 * 3600;

    private readonly Timetable _timetable;
    private readonly Raptor _forward;
    private readonly Raptor _backward;
    private readonly TransferWalks _walks;
    private readonly Dictionary<string, TransfersAhead> _ahead = new(StringComparer.Ordinal);
    private readonly Dictionary<(ProfileSettings, BarrierOverlay), (CheckedTransfers Forward, CheckedTransfers Backward)> _transfers = [];
    private readonly Lock _lock = new();
    /// <summary>The earliest and latest stop time of the timetable, seconds of the service day.</summary>
    private readonly int _firstS, _lastS;

    public TripPlanner(Timetable timetable)
    {
        _timetable = timetable;
        _forward = new Raptor(timetable);
        _backward = new Raptor(ReversedTimetable.Reverse(timetable));
        _walks = new TransferWalks(timetable);
        (_firstS, _lastS) = timetable.Departures.Length == 0 ? (0, 0) : (timetable.Departures.Min(), timetable.Arrivals.Max());
    }

    public TripPlan Plan(Router router, TripRequest request, CancellationToken cancellationToken = default)
    {
        var tt = _timetable;
        var overlay = router.Overlay;
        var stations = new StationPaths(tt, request.Profile, overlay);
        var local = TimeZoneInfo.ConvertTime(request.Time, tt.TimeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        int timeS = (int)local.TimeOfDay.TotalSeconds;

        var (access, accessDoors) = Walks(router, request, stations, request.From, towardsStops: true, cancellationToken);
        var (egress, egressDoors) = Walks(router, request, stations, request.To, towardsStops: false, cancellationToken);
        var (transfers, backwardTransfers) = TransfersFor(router, request.Profile, overlay, stations, cancellationToken);
        bool rules = request.Profile.Wheeled;
        var context = new Context(request, access, egress, accessDoors, egressDoors, transfers, backwardTransfers, ClockOf(day), stations);
        var days = ServiceDays(context, day, timeS);

        var candidates = new List<Candidate>();
        foreach (var mode in rules && request.Accessibility == UnknownAccessibility.Penalize ? new[] { Admit.Known, Admit.Unknown } : [Admit.Known])
        {
            candidates.AddRange(SearchDays(days, mode, timeS, cancellationToken));
        }
        var kept = Pareto(candidates);
        var itineraries = new List<Itinerary>();
        if (DirectWalk(router, context, timeS, kept) is { } walk)
        {
            // The walk alone is as good: rides it beats (later, with as much effort) are no choice worth listing.
            itineraries.Add(walk.Itinerary);
            kept.RemoveAll(c => !request.ArriveBy && walk.Score.Beats(ScoreOf(c)));
        }
        itineraries.AddRange(kept.Select(c => Assemble(router, c.Day.Context, c.Journey, [])));
        if (itineraries.Count > 0)
        {
            return new TripPlan(itineraries, null, tt.IsDemo);
        }
        return new TripPlan([], Refuse(router, context, days, timeS, cancellationToken), tt.IsDemo);
    }

    /// <summary>
    /// A service day searched: its trips run (<paramref name="Running"/> per service), its times are seconds from its
    /// own midnight (<see cref="Context.Clock"/>), and the query's day reads them shifted by <paramref name="OffsetS"/>
    /// (-86400 for the day before, whose trips past 24:00:00 run tonight).
    /// </summary>
    private sealed record ServiceDay(Context Context, bool[] Running, int OffsetS);

    /// <summary>A journey found on a service day, with the trips and stops of unknown accessibility it uses.</summary>
    private sealed record Candidate(Journey Journey, int Unknowns, ServiceDay Day)
    {
        /// <summary>Its departure in seconds of the query's day.</summary>
        public int DepartureS => Journey.Legs[0].StartS + Day.OffsetS;
    }

    private Clock ClockOf(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        return new Clock(new DateTimeOffset(start, _timetable.TimeZone.GetUtcOffset(start)), _timetable.TimeZone);
    }

    /// <summary>
    /// The query's own service day, and the day before or after when its trips reach the query's time: the day before
    /// while its trips past midnight still run, the day after when a late-evening query may catch its first trips
    /// (within <see cref="NeighbourDayHorizonS"/>), each way round for "arrive by".
    /// </summary>
    private List<ServiceDay> ServiceDays(Context context, DateOnly day, int timeS)
    {
        var days = new List<ServiceDay> { new(context, _timetable.Services.ActiveOn(day), 0) };
        foreach (int shift in (ReadOnlySpan<int>)[-1, 1])
        {
            int offsetS = shift * DayS;
            int queryS = timeS - offsetS; // the query's time in that day's seconds
            bool reaches = context.Request.ArriveBy
                ? queryS >= _firstS && queryS <= _lastS + NeighbourDayHorizonS
                : queryS <= _lastS && queryS >= _firstS - NeighbourDayHorizonS;
            if (reaches)
            {
                var other = day.AddDays(shift);
                days.Add(new ServiceDay(context with { Clock = ClockOf(other) }, _timetable.Services.ActiveOn(other), offsetS));
            }
        }
        return days;
    }

    private List<Candidate> SearchDays(List<ServiceDay> days, Admit admit, int timeS, CancellationToken cancellationToken)
    {
        var found = new List<Candidate>();
        foreach (var serviceDay in days)
        {
            foreach (var journey in Search(serviceDay.Context, serviceDay.Running, admit, timeS - serviceDay.OffsetS, cancellationToken))
            {
                found.Add(new Candidate(journey, serviceDay.Context.Request.Profile.Wheeled ? UnknownsOf(journey) : 0, serviceDay));
            }
        }
        return found;
    }

    /// <summary>
    /// The walk (or roll) alone, when it is as good as riding: it arrives no later than the best itinerary with a ride
    /// (penalties included; arriving by a time: it leaves no earlier), or no ride is possible and the walk is one the
    /// planner would take to a stop (<see cref="MaxWalkCostS"/>). A short trip is then not sent round by tram.
    /// </summary>
    private static (Itinerary Itinerary, Score Score)? DirectWalk(Router router, Context context, int timeS, List<Candidate> rides)
    {
        var request = context.Request;
        if (router.Route(new RouteRequest([request.From, request.To], request.Profile, Language: request.Language)) is not RouteFound { Route: var route })
        {
            return null;
        }
        int durationS = (int)Math.Ceiling(route.DurationS);
        int departS = request.ArriveBy ? timeS - durationS : timeS;
        var score = new Score(departS + durationS, 0, route.CostS);
        bool asGood = rides.Count == 0
            ? route.CostS <= MaxWalkCostS
            : request.ArriveBy
                ? departS >= rides.Max(r => r.DepartureS)
                : score.Arrival <= rides.Min(r => ScoreOf(r).Arrival);
        if (!asGood)
        {
            return null;
        }
        var clock = context.Clock;
        var leg = new WalkLeg(clock.At(departS), clock.At(departS + durationS), request.From, request.To, route, 0);
        return (new Itinerary(leg.Departure, leg.Arrival, 0, route.DistanceM, route.CostS, [leg]), score);
    }

    private enum Admit
    {
        Known,
        Unknown,
        Everything,
    }

    private sealed record Context(TripRequest Request, List<StopWalk> Access, List<StopWalk> Egress, Dictionary<int, StreetDoor> AccessDoors,
        Dictionary<int, StreetDoor> EgressDoors, ITransfers Transfers, ITransfers BackwardTransfers, Clock Clock, StationPaths Stations);

    /// <summary>Service-day seconds to the wall clock of the feed's time zone.</summary>
    private sealed record Clock(DateTimeOffset Midnight, TimeZoneInfo Zone)
    {
        public DateTimeOffset At(int seconds) => TimeZoneInfo.ConvertTime(Midnight.AddSeconds(seconds), Zone);
    }

    /// <summary>Forward from the time, or for "arrive by" the latest departure (a backward search) and then forward from it.</summary>
    private List<Journey> Search(Context context, bool[] running, Admit admit, int timeS, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var (tripAllowed, stopUsable) = Rules(running, admit, request);
        int maxRides = request.MaxTransfers + 1;
        if (!request.ArriveBy)
        {
            return [.. _forward.Search(new RaptorQuery(timeS, context.Access, context.Egress, context.Transfers, tripAllowed, stopUsable, maxRides), cancellationToken)];
        }
        var backward = _backward.Search(new RaptorQuery(-timeS, context.Egress, context.Access, context.BackwardTransfers, tripAllowed, stopUsable, maxRides),
            cancellationToken);
        if (backward.Count == 0)
        {
            return [];
        }
        int latestDepartureS = -backward[^1].ArrivalS;
        return [.. _forward.Search(new RaptorQuery(latestDepartureS - Raptor.ChangeS, context.Access, context.Egress, context.Transfers, tripAllowed, stopUsable,
            maxRides), cancellationToken).Where(j => j.ArrivalS <= timeS)];
    }

    private (bool[] TripAllowed, bool[] StopUsable) Rules(bool[] running, Admit admit, TripRequest request)
    {
        var tt = _timetable;
        bool rules = request.Profile.Wheeled;
        var tripAllowed = new bool[tt.TripCount];
        for (int t = 0; t < tripAllowed.Length; t++)
        {
            tripAllowed[t] = running[tt.TripServices[t]] && (request.RouteTypes.Count == 0 || request.RouteTypes.Contains(tt.RouteTypes[tt.TripRoutes[t]]))
                && (!rules || Admits(admit, tt.TripWheelchair[t]));
        }
        var stopUsable = new bool[tt.StopCount];
        for (int s = 0; s < stopUsable.Length; s++)
        {
            stopUsable[s] = tt.StopLocationTypes[s] == LocationType.StopOrPlatform && (!rules || Admits(admit, tt.StopWheelchair[s]));
        }
        return (tripAllowed, stopUsable);
    }

    private static bool Admits(Admit admit, Accessibility accessibility) => accessibility switch
    {
        Accessibility.Accessible => true,
        Accessibility.Unknown => admit != Admit.Known,
        _ => admit == Admit.Everything,
    };

    private int UnknownsOf(Journey journey)
    {
        var tt = _timetable;
        int unknowns = 0;
        foreach (var leg in journey.Legs.Where(l => l.Kind == JourneyLegKind.Ride))
        {
            unknowns += (tt.TripWheelchair[leg.Trip] == Accessibility.Unknown ? 1 : 0) + (tt.StopWheelchair[leg.FromStop] == Accessibility.Unknown ? 1 : 0)
                + (tt.StopWheelchair[leg.ToStop] == Accessibility.Unknown ? 1 : 0);
        }
        return unknowns;
    }

    /// <summary>
    /// Keeps the itineraries no other beats in all of arrival (with the unknown-accessibility penalty), rides and walking
    /// effort; of two that differ by less than 2 minutes and 1 minute of effort with as many rides, the better one.
    /// </summary>
    private static List<Candidate> Pareto(List<Candidate> candidates)
    {
        var kept = new List<Candidate>();
        foreach (var candidate in candidates.OrderBy(c => ScoreOf(c).Arrival).ThenBy(c => ScoreOf(c).Rides).ThenBy(c => ScoreOf(c).Effort))
        {
            var k = ScoreOf(candidate);
            if (!kept.Any(other => ScoreOf(other).Beats(k)))
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }

    private static Score ScoreOf(Candidate c) =>
        new(c.Journey.ArrivalS + c.Day.OffsetS + ((double)c.Unknowns * UnknownPenaltyS), c.Journey.Rides, c.Journey.WalkCostS);

    /// <summary>What itineraries are compared by: arrival with the unknown-accessibility penalties, rides, walking effort.</summary>
    private readonly record struct Score(double Arrival, int Rides, double Effort)
    {
        /// <summary>No later, no more rides, at most a minute more effort; or as many rides within 2 minutes and 1 minute of effort.</summary>
        public bool Beats(Score k) => Arrival <= k.Arrival && Rides <= k.Rides && Effort <= k.Effort + 60
            || (Rides == k.Rides && Math.Abs(Arrival - k.Arrival) < 120 && Math.Abs(Effort - k.Effort) < 60);
    }

    /// <summary>
    /// The walks between a point and the stops around it, each stop by the best of its doors: one engine search from the
    /// origin (to every door), or one per door towards the destination, bounded by <see cref="MaxWalkCostS"/>.
    /// </summary>
    private (List<StopWalk> Walks, Dictionary<int, StreetDoor> Doors) Walks(Router router, TripRequest request, StationPaths stations, GeoPoint point,
        bool towardsStops, CancellationToken cancellationToken)
    {
        var tt = _timetable;
        var doors = new List<StreetDoor>();
        for (int s = 0; s < tt.StopCount; s++)
        {
            if (tt.StopLocationTypes[s] == LocationType.StopOrPlatform && tt.StopPatternStart[s + 1] > tt.StopPatternStart[s])
            {
                foreach (var door in stations.DoorsOf(s))
                {
                    if (Geo.DistanceM(point.Lat, point.Lon, tt.StopLat[door.Door], tt.StopLon[door.Door]) <= AccessRadiusM)
                    {
                        doors.Add(door);
                    }
                }
            }
        }
        var walks = new List<StopWalk>();
        var best = new Dictionary<int, StreetDoor>();
        if (doors.Count == 0)
        {
            return (walks, best);
        }
        var positions = doors.Select(d => new GeoPoint(tt.StopLat[d.Door], tt.StopLon[d.Door])).ToList();
        var matrix = towardsStops
            ? router.Matrix([point], positions, request.Profile, cancellationToken: cancellationToken, maxCostS: MaxWalkCostS)
            : router.Matrix(positions, [point], request.Profile, cancellationToken: cancellationToken, maxCostS: MaxWalkCostS);
        var byStop = new Dictionary<int, StopWalk>();
        for (int d = 0; d < doors.Count; d++)
        {
            double? duration = towardsStops ? matrix.DurationsS[0][d] : matrix.DurationsS[d][0];
            double? cost = towardsStops ? matrix.CostsS[0][d] : matrix.CostsS[d][0];
            if (duration is not { } seconds || cost is not { } costS)
            {
                continue;
            }
            var walk = new StopWalk(doors[d].Stop, (int)Math.Ceiling(seconds) + doors[d].InsideS, costS + doors[d].InsideS);
            if (!byStop.TryGetValue(walk.Stop, out var known) || walk.DurationS < known.DurationS)
            {
                byStop[walk.Stop] = walk;
                best[walk.Stop] = doors[d];
            }
        }
        walks.AddRange(byStop.Values);
        return (walks, best);
    }

    /// <summary>
    /// Computes every preset's transfer walks with the router's current reports, so that requests with a preset's limits
    /// check only the walks near reports that changed since (<see cref="TransferWalks.Stale"/>) and requests with
    /// stricter limits only the walks the preset found. Run in the background at start; until a preset is done, its
    /// requests check each row their search reaches. Computed again when the reports change while it runs.
    /// </summary>
    public void ComputeTransfersAhead(Router router, CancellationToken cancellationToken)
    {
        foreach (var preset in router.Profiles.Presets)
        {
            TransfersAhead computed;
            int attempts = 0;
            do
            {
                var overlay = router.Overlay;
                var stations = new StationPaths(_timetable, preset, overlay);
                var forward = _walks.All(router, preset, stations, cancellationToken);
                computed = new TransfersAhead(preset, overlay, stations, forward, forward.Reversed());
            }
            while (computed.Overlay.CostVersion != router.Overlay.CostVersion && ++attempts < 3);
            lock (_lock)
            {
                _ahead[preset.Name] = computed;
            }
        }
        Volatile.Write(ref _transfersReady, true);
    }

    /// <summary>True once every preset's transfer walks are computed ahead (<see cref="ComputeTransfersAhead"/>).</summary>
    public bool TransfersReady => Volatile.Read(ref _transfersReady);

    private bool _transfersReady;

    /// <summary>
    /// The transfer walks a request reads, forward and backward: its preset's walks computed ahead when its limits are the
    /// preset's (rows near changed reports checked again), the preset's rows checked again when its limits are stricter
    /// (no cost anywhere below the preset's), else each row computed when the search reaches it. Kept per profile and
    /// reports, so the next request with the same ones reads the rows already checked.
    /// </summary>
    private (ITransfers Forward, ITransfers Backward) TransfersFor(Router router, ProfileSettings profile, BarrierOverlay overlay, StationPaths stations,
        CancellationToken cancellationToken)
    {
        (CheckedTransfers Forward, CheckedTransfers Backward) pair;
        lock (_lock)
        {
            _transfers.TryGetValue((profile, overlay), out pair);
        }
        if (pair.Forward is null)
        {
            pair = Checked(router, profile, overlay, stations);
            lock (_lock)
            {
                if (_transfers.Count >= CachedTransferTables)
                {
                    _transfers.Clear(); // profiles seen once would otherwise pile up; the presets' walks computed ahead stay
                }
                _transfers[(profile, overlay)] = pair;
            }
        }
        return (pair.Forward.For(router, profile, stations, cancellationToken), pair.Backward.For(router, profile, stations, cancellationToken));
    }

    private (CheckedTransfers Forward, CheckedTransfers Backward) Checked(Router router, ProfileSettings profile, BarrierOverlay overlay, StationPaths stations)
    {
        TransfersAhead? ahead;
        lock (_lock)
        {
            ahead = _ahead.GetValueOrDefault(profile.Name);
        }
        bool holds = ahead is not null && ahead.Profile == profile;
        if (ahead is null || !(holds || (ahead.Profile.Wheeled == profile.Wheeled && NoCheaper(router.Compile(profile), router.Compile(ahead.Profile)))))
        {
            return (new CheckedTransfers(_walks, null, false, null, backward: false), new CheckedTransfers(_walks, null, false, null, backward: true));
        }
        double walkM = MaxTransferCostS / Math.Min(router.Compile(profile).MinCostPerMetre, router.Compile(ahead.Profile).MinCostPerMetre);
        var stale = _walks.Stale(ahead, overlay, stations, walkM);
        return (new CheckedTransfers(_walks, ahead.Forward, holds, stale, backward: false), new CheckedTransfers(_walks, ahead.Backward, holds, stale, backward: true));
    }

    /// <summary>
    /// Whether <paramref name="request"/> costs at least what <paramref name="preset"/> costs on every kind of way and
    /// every node (both compiled with the same reports): then no walk is cheaper for it, and it finds no walk the preset
    /// did not.
    /// </summary>
    private static bool NoCheaper(CompiledProfile request, CompiledProfile preset) =>
        AtLeast(request.ArcCostPerMetre, preset.ArcCostPerMetre) && AtLeast(request.ArcFixedCost, preset.ArcFixedCost) && AtLeast(request.NodeCost, preset.NodeCost);

    private static bool AtLeast(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] < b[i])
            {
                return false;
            }
        }
        return true;
    }

    private Itinerary Assemble(Router router, Context context, Journey journey, IReadOnlyList<string> notes)
    {
        var tt = _timetable;
        var clock = context.Clock;
        var request = context.Request;
        var legs = new List<ItineraryLeg>();
        var rides = journey.Legs.Where(l => l.Kind == JourneyLegKind.Ride).ToList();
        var allNotes = new List<string>(notes);
        var language = Translations.Of(request.Language);
        double walkM = 0;
        for (int i = 0; i < journey.Legs.Count; i++)
        {
            var leg = journey.Legs[i];
            switch (leg.Kind)
            {
                case JourneyLegKind.Access:
                {
                    // Leave as late as the first ride allows: at the stop the change time before it departs.
                    var door = context.AccessDoors[leg.ToStop];
                    int end = journey.Legs[i + 1].Kind == JourneyLegKind.Ride ? journey.Legs[i + 1].StartS - Raptor.ChangeS : leg.EndS;
                    var walk = Walk(router, request, request.From, Position(door.Door), door.InsideS, clock.At(end - (leg.EndS - leg.StartS)), clock.At(end));
                    walkM += walk.Route?.DistanceM ?? 0;
                    legs.Add(walk);
                    break;
                }
                case JourneyLegKind.Egress:
                {
                    var door = context.EgressDoors[leg.FromStop];
                    var walk = Walk(router, request, Position(door.Door), request.To, door.InsideS, clock.At(leg.StartS), clock.At(leg.EndS));
                    walkM += walk.Route?.DistanceM ?? 0;
                    legs.Add(walk);
                    break;
                }
                case JourneyLegKind.Transfer:
                {
                    var walk = Walk(router, request, Position(leg.FromStop), Position(leg.ToStop), 0, clock.At(leg.StartS), clock.At(leg.EndS));
                    walkM += walk.Route?.DistanceM ?? 0;
                    legs.Add(walk);
                    break;
                }
                default:
                    var ride = Ride(leg, clock, request.Profile.Wheeled, language);
                    if (ride.UnknownAccessibility)
                    {
                        allNotes.Add(language.Format("trip.ride_unknown_penalized", ModeWord(ride.Mode, language), ride.RouteShortName, ride.From.Name, ride.To.Name,
                            UnknownPenaltyS.ToString(CultureInfo.InvariantCulture)));
                    }
                    legs.Add(ride);
                    break;
            }
        }
        return new Itinerary(legs[0].Departure, legs[^1].Arrival, Math.Max(0, rides.Count - 1), walkM, journey.WalkCostS, legs) { Notes = allNotes };

        GeoPoint Position(int stop) => new(tt.StopLat[stop], tt.StopLon[stop]);
    }

    private static WalkLeg Walk(Router router, TripRequest request, GeoPoint from, GeoPoint to, int insideS, DateTimeOffset departure, DateTimeOffset arrival)
    {
        if (Geo.DistanceM(from.Lat, from.Lon, to.Lat, to.Lon) < 1)
        {
            return new WalkLeg(departure, arrival, from, to, null, insideS);
        }
        var outcome = router.Route(new RouteRequest([from, to], request.Profile, Language: request.Language));
        return new WalkLeg(departure, arrival, from, to, outcome is RouteFound found ? found.Route : null, insideS);
    }

    private TransitLeg Ride(JourneyLeg leg, Clock clock, bool rules, TextLanguage language)
    {
        var tt = _timetable;
        int p = leg.Pattern, length = tt.PatternLength(p);
        int j = Array.IndexOf(tt.PatternTrips, leg.Trip, tt.PatternTripStart[p], tt.PatternTripStart[p + 1] - tt.PatternTripStart[p]) - tt.PatternTripStart[p];
        int times = tt.PatternTimeStart[p] + (j * length);
        TransitStop StopAt(int i) => new(tt.StopIds[tt.PatternStops[tt.PatternStopStart[p] + i]], tt.StopLabel(tt.PatternStops[tt.PatternStopStart[p] + i], language),
            new GeoPoint(tt.StopLat[tt.PatternStops[tt.PatternStopStart[p] + i]], tt.StopLon[tt.PatternStops[tt.PatternStopStart[p] + i]]),
            tt.StopWheelchair[tt.PatternStops[tt.PatternStopStart[p] + i]], clock.At(tt.Arrivals[times + i]), clock.At(tt.Departures[times + i]));
        var stops = Enumerable.Range(leg.BoardPosition, leg.AlightPosition - leg.BoardPosition + 1).Select(StopAt).ToList();
        int route = tt.TripRoutes[leg.Trip];
        bool unknown = rules && (tt.TripWheelchair[leg.Trip] == Accessibility.Unknown || stops[0].WheelchairBoarding == Accessibility.Unknown
            || stops[^1].WheelchairBoarding == Accessibility.Unknown);
        return new TransitLeg(clock.At(leg.StartS), clock.At(leg.EndS), ModeOf(tt.RouteTypes[route]), tt.RouteShortNames[route], tt.RouteLongNames[route],
            tt.RouteColors[route], tt.TripHeadsigns[leg.Trip], tt.TripIds[leg.Trip], stops[0], stops[^1], tt.TripWheelchair[leg.Trip], stops[1..^1],
            RideGeometry(leg, stops), unknown);
    }

    /// <summary>
    /// The ride's line: the trip's shape from the boarding to the alighting stop where the feed has one, else its stops
    /// joined. Each stop of the pattern, from the first, is placed at the shape point nearest to it at or after the
    /// previous stop's, so a line that passes a place twice is cut where the trip is then.
    /// </summary>
    private List<GeoPoint> RideGeometry(JourneyLeg leg, List<TransitStop> stops)
    {
        var tt = _timetable;
        int shape = tt.TripShapes[leg.Trip];
        if (shape < 0 || tt.ShapeStart[shape + 1] - tt.ShapeStart[shape] < 2)
        {
            return [.. stops.Select(s => s.Position)];
        }
        int end = tt.ShapeStart[shape + 1], cursor = tt.ShapeStart[shape], boardAt = cursor;
        int firstStop = tt.PatternStopStart[leg.Pattern];
        for (int i = 0; i <= leg.AlightPosition; i++)
        {
            int stop = tt.PatternStops[firstStop + i];
            double nearestM = double.PositiveInfinity;
            int nearest = cursor;
            for (int k = cursor; k < end; k++)
            {
                double m = Geo.DistanceM(tt.StopLat[stop], tt.StopLon[stop], tt.ShapeLatE7[k] / 1e7, tt.ShapeLonE7[k] / 1e7);
                if (m < nearestM)
                {
                    (nearestM, nearest) = (m, k);
                }
            }
            cursor = nearest;
            if (i == leg.BoardPosition)
            {
                boardAt = nearest;
            }
        }
        var line = new List<GeoPoint>(cursor - boardAt + 3) { stops[0].Position };
        for (int k = boardAt; k <= cursor; k++)
        {
            line.Add(new GeoPoint(tt.ShapeLatE7[k] / 1e7, tt.ShapeLonE7[k] / 1e7));
        }
        line.Add(stops[^1].Position);
        return line;
    }

    /// <summary>GTFS route types (and the extended 100-1700 ranges) in words.</summary>
    public static string ModeOf(int routeType) => routeType switch
    {
        0 or (>= 900 and < 1000) => "tram",
        1 or (>= 400 and < 500) => "subway",
        2 or (>= 100 and < 200) => "rail",
        3 or (>= 700 and < 800) => "bus",
        4 or (>= 1000 and < 1100) => "ferry",
        5 => "cable_tram",
        6 or (>= 1300 and < 1400) => "aerial_lift",
        7 or (>= 1400 and < 1500) => "funicular",
        11 => "trolleybus",
        12 => "monorail",
        _ => "other",
    };

    /// <summary>A mode of <see cref="ModeOf"/> in words of the language ("Straßenbahn"); the answer's <c>mode</c> stays the API's name.</summary>
    private static string ModeWord(string mode, TextLanguage language) => language.Get("mode." + mode);

    /// <summary>Why there is no itinerary, and the one that breaks the fewest accessibility rules when there is any.</summary>
    private TripRefusal Refuse(Router router, Context context, List<ServiceDay> days, int timeS, CancellationToken cancellationToken)
    {
        var tt = _timetable;
        var request = context.Request;
        var language = Translations.Of(request.Language);
        var blockers = new List<string>();
        if (context.Access.Count == 0)
        {
            blockers.Add(language.Format("trip.walk_to_stops", WalkBlocker(router, context, request.From, towardsStops: true, language)));
        }
        if (context.Egress.Count == 0)
        {
            blockers.Add(language.Format("trip.walk_from_stops", WalkBlocker(router, context, request.To, towardsStops: false, language)));
        }
        foreach (var (pathway, report) in context.Stations.BrokenElevators)
        {
            int station = tt.StopParents[pathway.FromStop] >= 0 ? tt.StopParents[pathway.FromStop] : pathway.FromStop;
            blockers.Add(report.Live is { } live
                ? language.Format("trip.elevator_out_live", pathway.Id, tt.StopNames[station], live.Name)
                : language.Format("trip.elevator_out_report", pathway.Id, tt.StopNames[station], report.ReportId.ToString(CultureInfo.InvariantCulture)));
        }
        if (request.Profile.Wheeled)
        {
            foreach (var walk in context.Access.Concat(context.Egress).DistinctBy(w => w.Stop))
            {
                var boarding = tt.StopWheelchair[walk.Stop];
                if (boarding == Accessibility.NotAccessible)
                {
                    blockers.Add(language.Format("trip.stop_not_accessible", tt.StopLabel(walk.Stop, language)));
                }
                else if (boarding == Accessibility.Unknown && request.Accessibility == UnknownAccessibility.Strict)
                {
                    blockers.Add(language.Format("trip.stop_unknown_strict", tt.StopLabel(walk.Stop, language)));
                }
            }
        }
        Itinerary? leastViolating = null;
        if (context.Access.Count > 0 && context.Egress.Count > 0)
        {
            var found = request.Profile.Wheeled ? SearchDays(days, Admit.Everything, timeS, cancellationToken) : [];
            var local = context.Clock.At(timeS);
            string key = (request.Profile.Wheeled, request.ArriveBy) switch
            {
                (true, true) => "trip.none_accessible_by",
                (true, false) => "trip.none_accessible_after",
                (false, true) => "trip.none_by",
                (false, false) => "trip.none_after",
            };
            blockers.Add(language.Format(key, local.ToString("HH:mm", CultureInfo.InvariantCulture)));
            if (found.Count > 0)
            {
                var least = found.MinBy(c => c.Journey.ArrivalS + c.Day.OffsetS)!;
                leastViolating = Assemble(router, least.Day.Context, least.Journey, Violations(least.Journey, request.Accessibility, language));
            }
        }
        return new TripRefusal(blockers, leastViolating);
    }

    /// <summary>The accessibility rules a journey breaks, in words.</summary>
    private List<string> Violations(Journey journey, UnknownAccessibility accessibility, TextLanguage language)
    {
        var tt = _timetable;
        var notes = new List<string>();
        foreach (var leg in journey.Legs.Where(l => l.Kind == JourneyLegKind.Ride))
        {
            int route = tt.TripRoutes[leg.Trip];
            string line = $"{ModeWord(ModeOf(tt.RouteTypes[route]), language)} {tt.RouteShortNames[route]}".TrimEnd();
            if (tt.TripWheelchair[leg.Trip] == Accessibility.NotAccessible)
            {
                notes.Add(language.Format("trip.trip_not_accessible", tt.TripIds[leg.Trip], line));
            }
            else if (tt.TripWheelchair[leg.Trip] == Accessibility.Unknown && accessibility == UnknownAccessibility.Strict)
            {
                notes.Add(language.Format("trip.trip_unknown", tt.TripIds[leg.Trip], line));
            }
            foreach (int stop in (ReadOnlySpan<int>)[leg.FromStop, leg.ToStop])
            {
                if (tt.StopWheelchair[stop] == Accessibility.NotAccessible)
                {
                    notes.Add(language.Format("trip.stop_not_accessible", tt.StopLabel(stop, language)));
                }
                else if (tt.StopWheelchair[stop] == Accessibility.Unknown && accessibility == UnknownAccessibility.Strict)
                {
                    notes.Add(language.Format("trip.stop_unknown", tt.StopLabel(stop, language)));
                }
            }
        }
        return notes;
    }

    /// <summary>What blocks the walk to (or from) the nearest stop, by the engine's own explanation: ": steps by Neue Schlossstraße".</summary>
    private string WalkBlocker(Router router, Context context, GeoPoint point, bool towardsStops, TextLanguage language)
    {
        var tt = _timetable;
        int nearest = -1;
        double nearestM = double.PositiveInfinity;
        for (int s = 0; s < tt.StopCount; s++)
        {
            if (tt.StopLocationTypes[s] == LocationType.StopOrPlatform && Geo.DistanceM(point.Lat, point.Lon, tt.StopLat[s], tt.StopLon[s]) is var m && m < nearestM)
            {
                (nearest, nearestM) = (s, m);
            }
        }
        if (nearest < 0)
        {
            return language.Get("trip.no_stop");
        }
        var stop = new GeoPoint(tt.StopLat[nearest], tt.StopLon[nearest]);
        var outcome = router.Route(new RouteRequest(towardsStops ? [point, stop] : [stop, point], context.Request.Profile, Language: context.Request.Language));
        return outcome switch
        {
            NoRoute refusal when refusal.Blockers.Count > 0 =>
                language.Format("trip.nearest_blocked", tt.StopLabel(nearest, language), string.Join("; ", refusal.Blockers.Select(b => b.Message))),
            RouteFound found => language.Format("trip.nearest_too_costly", tt.StopLabel(nearest, language),
                found.Route.CostS.ToString("0", CultureInfo.InvariantCulture), MaxWalkCostS.ToString("0", CultureInfo.InvariantCulture)),
            _ => language.Format("trip.nearest_unreachable", tt.StopLabel(nearest, language)),
        };
    }
}
