using Routing.Transit.Timetables;

namespace Routing.Transit.Search;

/// <summary>
/// The reference: plain Dijkstra on the time-expanded graph, one node per event. A stop-time of a trip is a node (being
/// on that trip at that stop, at its departure); a stop is two nodes, "arrived by a ride" (may walk on) and "arrived on
/// foot" (may not walk again, as in RAPTOR), labelled with the arrival. Boarding needs <see cref="Raptor.ChangeS"/> at
/// the stop, as RAPTOR's rule, and after a ride what the feed's rule within that stop says (a longer change, or none:
/// <see cref="Raptor.SameStopChanges"/>); waiting is free. It knows nothing of rounds or patterns, so it checks both: the tests
/// compare their earliest arrivals, and the benchmarks measure RAPTOR against it on the same queries.
/// </summary>
internal static class TimeExpandedDijkstra
{
    public static int EarliestArrival(Timetable tt, RaptorQuery query)
    {
        int stops = tt.StopCount;
        int[] rideChangeS = Raptor.SameStopChanges(tt);
        // Node ids: stop by ride [0, S), stop on foot [S, 2S), stop time k of the flat arrays [2S, 2S + N).
        int n = (2 * stops) + tt.Arrivals.Length;
        var label = new int[n];
        Array.Fill(label, int.MaxValue);
        var heap = new PriorityQueue<int, int>();
        void Reach(int node, int time)
        {
            if (time < label[node])
            {
                label[node] = time;
                heap.Enqueue(node, time);
            }
        }
        foreach (var walk in query.Access)
        {
            if (query.StopUsable[walk.Stop])
            {
                Reach(stops + walk.Stop, query.DepartureS + walk.DurationS);
            }
        }
        int best = int.MaxValue;
        var egress = query.Egress.Where(w => query.StopUsable[w.Stop]).ToLookup(w => w.Stop);
        while (heap.TryDequeue(out int node, out int time))
        {
            if (time > label[node] || time >= best)
            {
                continue;
            }
            if (node < 2 * stops)
            {
                int s = node % stops;
                foreach (var walk in egress[s])
                {
                    best = Math.Min(best, time + walk.DurationS);
                }
                if (node < stops)
                {
                    var walks = query.Transfers.From(s);
                    for (int w = walks.Start; w < walks.End; w++)
                    {
                        if (query.StopUsable[walks.To[w]])
                        {
                            Reach(stops + walks.To[w], time + walks.DurationS[w]);
                        }
                    }
                }
                // Board every trip that leaves this stop at or after time + change (each stop time is its own node).
                int changeS = node < stops ? rideChangeS[s] : Raptor.ChangeS;
                if (changeS == Raptor.NoChange)
                {
                    continue;
                }
                for (int k = tt.StopPatternStart[s]; k < tt.StopPatternStart[s + 1]; k++)
                {
                    int p = tt.StopPatterns[k], i = tt.StopPatternPositions[k], length = tt.PatternLength(p);
                    for (int j = 0; j < tt.PatternTripStart[p + 1] - tt.PatternTripStart[p]; j++)
                    {
                        int cell = tt.PatternTimeStart[p] + (j * length) + i;
                        if (query.TripAllowed[tt.PatternTrips[tt.PatternTripStart[p] + j]] && (tt.NoBoarding[cell] & Timetable.NoPickup) == 0
                            && tt.Departures[cell] >= time + changeS)
                        {
                            Reach((2 * stops) + cell, tt.Departures[cell]);
                        }
                    }
                }
                continue;
            }
            // On a trip: stay on to the next stop, or get off here.
            int flat = node - (2 * stops);
            var (pattern, position) = Locate(tt, flat);
            int len = tt.PatternLength(pattern);
            if (position + 1 < len)
            {
                Reach(node + 1, tt.Departures[flat + 1]);
                int next = tt.PatternStops[tt.PatternStopStart[pattern] + position + 1];
                if (query.StopUsable[next] && (tt.NoBoarding[flat + 1] & Timetable.NoDropOff) == 0)
                {
                    Reach(next, tt.Arrivals[flat + 1]);
                }
            }
        }
        return best;
    }

    private static (int Pattern, int Position) Locate(Timetable tt, int flat)
    {
        int lo = 0, hi = tt.PatternCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (tt.PatternTimeStart[mid] <= flat)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return (lo, (flat - tt.PatternTimeStart[lo]) % tt.PatternLength(lo));
    }
}
