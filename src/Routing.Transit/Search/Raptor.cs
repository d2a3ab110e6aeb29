using Routing.Transit.Timetables;

namespace Routing.Transit.Search;

/// <summary>A walk from the origin to a stop, or from a stop to the destination, as the street engine judged it.</summary>
public readonly record struct StopWalk(int Stop, int DurationS, double CostS);

/// <summary>What one round-based search is asked.</summary>
/// <param name="DepartureS">When the traveller leaves the origin, seconds of the service day.</param>
/// <param name="TripAllowed">Per trip: runs that day and may be boarded under the accessibility rule.</param>
/// <param name="StopUsable">Per stop: the traveller may board and alight there.</param>
/// <param name="MaxRides">Rides at most (transfers + 1).</param>
public sealed record RaptorQuery(int DepartureS, IReadOnlyList<StopWalk> Access, IReadOnlyList<StopWalk> Egress, ITransfers Transfers,
    bool[] TripAllowed, bool[] StopUsable, int MaxRides);

/// <summary>One part of a journey found by <see cref="Raptor"/>.</summary>
/// <param name="Kind">Access, ride, transfer or egress.</param>
/// <param name="FromStop">The stop it starts at (-1 for access: the origin).</param>
/// <param name="ToStop">The stop it ends at (-1 for egress: the destination).</param>
/// <param name="Trip">For a ride: the trip; else -1.</param>
/// <param name="Pattern">For a ride: its pattern; else -1.</param>
/// <param name="BoardPosition">For a ride: where it boards in the pattern.</param>
/// <param name="AlightPosition">For a ride: where it alights in the pattern.</param>
/// <param name="StartS">When it starts (a ride: its departure).</param>
/// <param name="EndS">When it ends (a ride: its arrival).</param>
/// <param name="CostS">A walk's cost by the profile; 0 for a ride.</param>
public readonly record struct JourneyLeg(JourneyLegKind Kind, int FromStop, int ToStop, int Trip, int Pattern, int BoardPosition, int AlightPosition,
    int StartS, int EndS, double CostS);

public enum JourneyLegKind : byte
{
    Access,
    Ride,
    Transfer,
    Egress,
}

/// <summary>The best journey with a given number of rides: arrival at the destination and its legs.</summary>
public sealed record Journey(int ArrivalS, int Rides, IReadOnlyList<JourneyLeg> Legs)
{
    /// <summary>What walking and rolling cost by the profile over the whole journey (access, transfers, egress).</summary>
    public double WalkCostS => Legs.Where(l => l.Kind != JourneyLegKind.Ride).Sum(l => l.CostS);
}

/// <summary>
/// RAPTOR (Delling, Pajor and Werneck, "Round-Based Public Transit Routing", 2012): round k finds the earliest arrival
/// at every stop with k rides, scanning each pattern served by a stop improved in round k - 1 once, hopping on the
/// earliest trip that can be caught, then walking the transfers. Labels are plain int arrays, one row per round; a
/// change needs <see cref="ChangeS"/> at the stop before boarding, so a wheelchair user is at the door in time. The
/// result is Pareto-optimal in arrival time and number of rides: the best arrival for each number of rides that
/// improves on fewer.
/// <para>
/// <c>transfers.txt</c> rules within one stop (a station's hold for each of its platforms) change what a change there
/// takes: type 2 at least <c>min_transfer_time</c> from arrival to departure, type 3 no change at all. With such rules
/// every stop has a second label, "arrived by a ride" (a slot after the stops), beside its own ("arrived on foot"), as
/// the time-expanded Dijkstra has two nodes: a later arrival on foot may board a trip an earlier ride's arrival may not
/// (someone who may not change at a stop walks to another and back), and only a ride's arrival walks on, so a stop
/// reached on foot first must still walk on from a later ride's arrival. Without such rules the two are one label, as
/// RAPTOR has them, and the labels take half the memory.
/// </para>
/// </summary>
public sealed class Raptor
{
    /// <summary>Time at the stop before boarding (after arriving on foot or from another vehicle), seconds.</summary>
    public const int ChangeS = 60;

    private const int Unreached = int.MaxValue;
    private const byte ByAccess = 1, ByRide = 2, ByTransfer = 3;

    private readonly Timetable _timetable;
    /// <summary>Per stop, the label a ride's arrival takes: the stop itself, or its "arrived by a ride" slot when the feed has rules within stops.</summary>
    private readonly int[] _rideSlot;
    /// <summary>Per label slot, its stop.</summary>
    private readonly int[] _slotStop;
    /// <summary>Per stop, what a change after a ride takes there (<see cref="ChangeS"/> unless a rule says more); <see cref="NoChange"/> where none is possible.</summary>
    private readonly int[] _rideChangeS;

    [ThreadStatic]
    private static SearchState? _state;

    public Raptor(Timetable timetable)
    {
        _timetable = timetable;
        _rideChangeS = SameStopChanges(timetable);
        int stops = timetable.StopCount;
        bool rules = Array.Exists(_rideChangeS, c => c != ChangeS);
        _rideSlot = new int[stops];
        _slotStop = new int[rules ? 2 * stops : stops];
        for (int s = 0; s < stops; s++)
        {
            _slotStop[s] = s;
            _rideSlot[s] = rules ? stops + s : s;
            if (rules)
            {
                _slotStop[stops + s] = s;
            }
        }
    }

    /// <summary>No change possible at the stop after a ride (<c>transfer_type</c> 3 within it).</summary>
    public const int NoChange = -1;

    /// <summary>
    /// Per stop, what a change from one ride to another there takes by the feed's rules within one stop (from_stop_id
    /// equal to to_stop_id; a station's rule for each of its platforms): <see cref="ChangeS"/>, or for type 2 its
    /// <c>min_transfer_time</c> when longer, or <see cref="NoChange"/> for type 3. Other types change nothing.
    /// </summary>
    public static int[] SameStopChanges(Timetable tt)
    {
        var change = new int[tt.StopCount];
        Array.Fill(change, ChangeS);
        if (tt.Transfers.Length == 0)
        {
            return change;
        }
        var platforms = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopParents[s] >= 0).ToLookup(s => tt.StopParents[s]);
        foreach (var rule in tt.Transfers)
        {
            if (rule.FromStop != rule.ToStop || rule.Type is not (2 or 3))
            {
                continue;
            }
            foreach (int s in tt.StopLocationTypes[rule.FromStop] == LocationType.Station ? platforms[rule.FromStop] : [rule.FromStop])
            {
                change[s] = rule.Type == 3 ? NoChange : Math.Max(ChangeS, rule.MinTransferS);
            }
        }
        return change;
    }

    /// <summary>
    /// A thread's label arrays, kept for its next search. <c>Marked</c> and <c>PatternFrom</c> are left clean by every
    /// search (each mark is undone in the round that reads it); the rest is reset at the start over the part in use.
    /// </summary>
    private sealed class SearchState
    {
        public SearchState(int cells, int slots, int patterns)
        {
            Arrival = new int[cells];
            How = new byte[cells];
            ParentA = new int[cells];
            ParentB = new int[cells];
            ParentC = new int[cells];
            ParentD = new int[cells];
            WalkFrom = new int[cells];
            WalkIndex = new int[cells];
            Best = new int[slots];
            EgressS = new int[slots];
            Marked = new bool[slots];
            PatternFrom = new int[patterns];
            Array.Fill(PatternFrom, int.MaxValue);
        }

        public int[] Arrival { get; }
        public byte[] How { get; }
        public int[] ParentA { get; }
        public int[] ParentB { get; }
        public int[] ParentC { get; }
        public int[] ParentD { get; }
        public int[] WalkFrom { get; }
        public int[] WalkIndex { get; }
        public int[] Best { get; }
        public int[] EgressS { get; }
        public bool[] Marked { get; }
        public int[] PatternFrom { get; }

        /// <summary>Same timetable size (a state never serves two timetables of different shapes) and room for the rounds.</summary>
        public bool Fits(int cells, int slots, int patterns) => Arrival.Length >= cells && Best.Length == slots && PatternFrom.Length == patterns;
    }

    /// <summary>The Pareto set over (arrival, rides): one journey per number of rides that arrives earlier than fewer rides.</summary>
    public IReadOnlyList<Journey> Search(RaptorQuery query, CancellationToken cancellationToken = default)
    {
        var tt = _timetable;
        int[] rideSlot = _rideSlot, slotStop = _slotStop, rideChangeS = _rideChangeS;
        int stops = slotStop.Length; // label slots: every stop, then (with rules within stops) every stop's "arrived by a ride"
        int rounds = query.MaxRides + 1;
        // Labels rented from this thread's last search: a national timetable has half a million stops, and fresh arrays
        // per query (tens of MB, zeroed, on the large-object heap) cost more than the search itself.
        var state = _state is { } held && held.Fits(rounds * stops, stops, tt.PatternCount) ? held : _state = new SearchState(rounds * stops, stops, tt.PatternCount);
        int[] arrival = state.Arrival, parentA = state.ParentA, parentB = state.ParentB, parentC = state.ParentC, parentD = state.ParentD;
        int[] walkFrom = state.WalkFrom, walkIndex = state.WalkIndex, best = state.Best, patternFrom = state.PatternFrom, egressS = state.EgressS;
        byte[] how = state.How;
        bool[] marked = state.Marked;
        Array.Fill(arrival, Unreached, 0, rounds * stops);
        Array.Clear(how, 0, rounds * stops);
        Array.Fill(best, Unreached, 0, stops);
        Array.Fill(egressS, Unreached, 0, stops);
        var markedList = new List<int>();
        var queued = new List<int>();
        foreach (var walk in query.Egress)
        {
            if (query.StopUsable[walk.Stop])
            {
                egressS[walk.Stop] = Math.Min(egressS[walk.Stop], walk.DurationS);
                egressS[rideSlot[walk.Stop]] = egressS[walk.Stop];
            }
        }
        int bestTarget = Unreached;

        foreach (var walk in query.Access)
        {
            int at = query.DepartureS + walk.DurationS;
            if (query.StopUsable[walk.Stop] && at < arrival[walk.Stop])
            {
                arrival[walk.Stop] = best[walk.Stop] = at;
                how[walk.Stop] = ByAccess;
                parentA[walk.Stop] = walk.DurationS;
                if (!marked[walk.Stop])
                {
                    marked[walk.Stop] = true;
                    markedList.Add(walk.Stop);
                }
            }
        }

        var journeys = new List<Journey>();
        var rideMarked = new List<int>();
        var rideArrivals = new List<int>();
        try
        {
            Rounds();
        }
        finally
        {
            // Leave the rented marks clean for the next search, also when this one was cancelled.
            foreach (int s in markedList)
            {
                marked[s] = false;
            }
            foreach (int p in queued)
            {
                patternFrom[p] = int.MaxValue;
            }
        }
        return journeys;

        void Rounds()
        {
            for (int k = 1; k < rounds && markedList.Count > 0; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int row = k * stops, previous = (k - 1) * stops;
                Array.Copy(arrival, previous, arrival, row, stops);
                // Patterns to scan, each from the earliest marked stop on it.
                foreach (int slot in markedList)
                {
                    marked[slot] = false;
                    int s = slotStop[slot];
                    for (int j = tt.StopPatternStart[s]; j < tt.StopPatternStart[s + 1]; j++)
                    {
                        int p = tt.StopPatterns[j];
                        if (patternFrom[p] == int.MaxValue)
                        {
                            queued.Add(p);
                        }
                        patternFrom[p] = Math.Min(patternFrom[p], tt.StopPatternPositions[j]);
                    }
                }
                markedList.Clear();
                rideMarked.Clear();
                foreach (int p in queued)
                {
                    ScanPattern(p, patternFrom[p]);
                    patternFrom[p] = int.MaxValue;
                }
                queued.Clear();
                // Walks from stops reached by a ride in this round (never a walk after a walk).
                var transfers = query.Transfers;
                rideArrivals.Clear();
                foreach (int slot in rideMarked)
                {
                    rideArrivals.Add(arrival[row + slot]); // before any walk improves a stop that is also a walk's start
                }
                for (int r = 0; r < rideMarked.Count; r++)
                {
                    int slot = rideMarked[r], reached = rideArrivals[r];
                    var walks = transfers.From(slotStop[slot]);
                    for (int w = walks.Start; w < walks.End; w++)
                    {
                        int t = walks.To[w];
                        int at = reached + walks.DurationS[w];
                        if (query.StopUsable[t] && at < best[t] && at < bestTarget)
                        {
                            arrival[row + t] = best[t] = at;
                            how[row + t] = ByTransfer;
                            (walkFrom[row + t], walkIndex[row + t]) = (slot, w);
                            if (!marked[t])
                            {
                                marked[t] = true;
                                markedList.Add(t);
                            }
                        }
                    }
                }
                // The destination, through every stop improved in this round.
                int roundBest = Unreached, via = -1;
                foreach (int s in markedList)
                {
                    if (egressS[s] != Unreached && arrival[row + s] + egressS[s] < roundBest)
                    {
                        (roundBest, via) = (arrival[row + s] + egressS[s], s);
                    }
                }
                if (roundBest < bestTarget)
                {
                    bestTarget = roundBest;
                    journeys.Add(Reconstruct(k, via, roundBest));
                }

                void ScanPattern(int p, int fromPosition)
                {
                    int length = tt.PatternStopStart[p + 1] - tt.PatternStopStart[p];
                    int firstStop = tt.PatternStopStart[p];
                    int tripStart = tt.PatternTripStart[p], tripCount = tt.PatternTripStart[p + 1] - tripStart;
                    int times = tt.PatternTimeStart[p];
                    int trip = -1, boardPosition = -1;
                    for (int i = fromPosition; i < length; i++)
                    {
                        int s = tt.PatternStops[firstStop + i], rode = rideSlot[s];
                        if (trip >= 0 && query.StopUsable[s] && (tt.NoBoarding[times + (trip * length) + i] & Timetable.NoDropOff) == 0)
                        {
                            int at = tt.Arrivals[times + (trip * length) + i];
                            if (at < best[rode] && at < bestTarget)
                            {
                                arrival[row + rode] = best[rode] = at;
                                how[row + rode] = ByRide;
                                (parentA[row + rode], parentB[row + rode], parentC[row + rode], parentD[row + rode]) = (tt.PatternTrips[tripStart + trip], p, boardPosition, i);
                                if (!marked[rode])
                                {
                                    marked[rode] = true;
                                    markedList.Add(rode);
                                    rideMarked.Add(rode);
                                }
                            }
                        }
                        int ready = query.StopUsable[s] ? ReadyAt(previous, s) : Unreached;
                        if (ready == Unreached)
                        {
                            continue;
                        }
                        if (trip >= 0 && tt.Departures[times + (trip * length) + i] < ready)
                        {
                            continue; // the trip we are on leaves before we could board another here
                        }
                        // Earliest trip leaving at or after `ready` (trips are ordered by departure at every stop).
                        int lo = 0, hi = trip >= 0 ? trip : tripCount;
                        while (lo < hi)
                        {
                            int mid = (lo + hi) >>> 1;
                            if (tt.Departures[times + (mid * length) + i] < ready)
                            {
                                lo = mid + 1;
                            }
                            else
                            {
                                hi = mid;
                            }
                        }
                        int limit = trip >= 0 ? trip : tripCount;
                        for (int j = lo; j < limit; j++)
                        {
                            if (query.TripAllowed[tt.PatternTrips[tripStart + j]] && (tt.NoBoarding[times + (j * length) + i] & Timetable.NoPickup) == 0)
                            {
                                (trip, boardPosition) = (j, i);
                                break;
                            }
                        }
                    }
                }
            }
        }

        // When one may board at stop s with the labels of the round that starts at `row`: after arriving on foot, the
        // change time; after a ride, what a rule within the stop says (the stop's own label is the ride's where none holds).
        int ReadyAt(int row, int s)
        {
            int onFoot = arrival[row + s], rode = rideSlot[s];
            int ready = onFoot == Unreached ? Unreached : onFoot + ChangeS;
            if (rode != s && arrival[row + rode] != Unreached && rideChangeS[s] != NoChange)
            {
                ready = Math.Min(ready, arrival[row + rode] + rideChangeS[s]);
            }
            return ready;
        }

        // The label a boarding at stop s in round `round` came from: on foot, or the ride's slot when only that one was in time.
        int BoardedFrom(int round, int s, int departureS)
        {
            int row = round * stops, rode = rideSlot[s];
            int onFoot = arrival[row + s];
            return rode == s || (onFoot != Unreached && onFoot + ChangeS <= departureS) ? s : rode;
        }

        Journey Reconstruct(int round, int lastSlot, int arrivalAtTarget)
        {
            var tt2 = _timetable;
            var legs = new List<JourneyLeg>();
            int lastStop = slotStop[lastSlot];
            var egress = query.Egress.Where(w => w.Stop == lastStop).MinBy(w => w.DurationS);
            int at = arrival[(round * stops) + lastSlot];
            legs.Add(new JourneyLeg(JourneyLegKind.Egress, lastStop, -1, -1, -1, -1, -1, at, arrivalAtTarget, egress.CostS));
            int s = lastSlot, k = round;
            bool afterWalk = false;
            while (true)
            {
                while (!afterWalk && how[(k * stops) + s] == 0)
                {
                    k--; // a label copied from the round before
                }
                int cell = (k * stops) + s;
                if (afterWalk)
                {
                    afterWalk = false; // a walk starts where a ride of the same round ended, whatever label the stop has now
                }
                else if (how[cell] == ByAccess)
                {
                    var access = query.Access.Where(w => w.Stop == s).MinBy(w => w.DurationS); // access arrives on foot: s is a stop
                    legs.Add(new JourneyLeg(JourneyLegKind.Access, -1, s, -1, -1, -1, -1, query.DepartureS, arrival[cell], access.CostS));
                    break;
                }
                else if (how[cell] == ByTransfer)
                {
                    int from = walkFrom[cell], w = walkIndex[cell];
                    var walks = query.Transfers.From(slotStop[from]);
                    legs.Add(new JourneyLeg(JourneyLegKind.Transfer, slotStop[from], s, -1, -1, -1, -1, arrival[cell] - walks.DurationS[w], arrival[cell], walks.CostS[w]));
                    s = from;
                    afterWalk = true;
                    continue;
                }
                int trip = parentA[cell], pattern = parentB[cell], board = parentC[cell], alight = parentD[cell];
                int length = tt2.PatternLength(pattern);
                int j = Array.IndexOf(tt2.PatternTrips, trip, tt2.PatternTripStart[pattern], tt2.PatternTripStart[pattern + 1] - tt2.PatternTripStart[pattern])
                    - tt2.PatternTripStart[pattern];
                int baseIndex = tt2.PatternTimeStart[pattern] + (j * length);
                int boardStop = tt2.PatternStops[tt2.PatternStopStart[pattern] + board];
                legs.Add(new JourneyLeg(JourneyLegKind.Ride, boardStop, slotStop[s], trip, pattern, board, alight,
                    tt2.Departures[baseIndex + board], tt2.Arrivals[baseIndex + alight], 0));
                k--;
                s = BoardedFrom(k, boardStop, tt2.Departures[baseIndex + board]);
            }
            legs.Reverse();
            return new Journey(arrivalAtTarget, round, legs);
        }
    }
}
