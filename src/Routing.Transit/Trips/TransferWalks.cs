using System.Collections.Concurrent;
using System.Globalization;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Transit.Search;
using Routing.Transit.Timetables;

namespace Routing.Transit.Trips;

/// <summary>The transfer walks of one preset computed ahead of requests, with the reports and station paths they were judged with.</summary>
internal sealed record TransfersAhead(ProfileSettings Profile, BarrierOverlay Overlay, StationPaths Stations, TransferGraph Forward, TransferGraph Backward);

/// <summary>
/// The walks between nearby stops (transfers), judged by the street engine for a profile: from every door of a stop
/// to every door of each stop within <see cref="TripPlanner.TransferRadiusM"/>, at most
/// <see cref="TripPlanner.MaxTransferCostS"/> of the profile's cost, plus the pathways inside a station, with the
/// feed's <c>transfers.txt</c> rules between two stops applied. One stop's walks (a row) at a time, so that a request
/// whose profile or reports differ from what was computed ahead checks only the rows its search reaches.
/// </summary>
internal sealed class TransferWalks
{
    private readonly Timetable _timetable;
    /// <summary>The platforms that trips serve, by cell of a grid a little larger than the transfer radius.</summary>
    private readonly ILookup<(int Row, int Column), int> _grid;
    private readonly Dictionary<(int From, int To), TransferRule> _rules;
    private readonly ILookup<int, int> _platformsOfStation;
    /// <summary>Per stop, the box around every place it may meet the street: itself and its station's entrances.</summary>
    private readonly double[] _doorsMinLat, _doorsMaxLat, _doorsMinLon, _doorsMaxLon;

    public TransferWalks(Timetable timetable)
    {
        var tt = _timetable = timetable;
        Served = [.. Enumerable.Range(0, tt.StopCount).Where(s => tt.StopLocationTypes[s] == LocationType.StopOrPlatform && tt.StopPatternStart[s + 1] > tt.StopPatternStart[s])];
        _grid = Served.ToLookup(s => Cell(tt.StopLat[s], tt.StopLon[s]));
        // A station's platforms, found in one pass: a national feed has hundreds of thousands of stops and of rules.
        _platformsOfStation = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopParents[s] >= 0 && tt.StopLocationTypes[s] == LocationType.StopOrPlatform)
            .ToLookup(s => tt.StopParents[s]);
        var entrances = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopParents[s] >= 0 && tt.StopLocationTypes[s] == LocationType.Entrance)
            .ToLookup(s => tt.StopParents[s]);
        _rules = [];
        foreach (var rule in tt.Transfers)
        {
            if (rule.Type is 2 or 3)
            {
                foreach (int from in PlatformsOf(rule.FromStop))
                {
                    foreach (int to in PlatformsOf(rule.ToStop))
                    {
                        _rules[(from, to)] = rule;
                    }
                }
            }
        }
        int stops = tt.StopCount;
        (_doorsMinLat, _doorsMaxLat, _doorsMinLon, _doorsMaxLon) = (new double[stops], new double[stops], new double[stops], new double[stops]);
        foreach (int s in Served)
        {
            (_doorsMinLat[s], _doorsMaxLat[s], _doorsMinLon[s], _doorsMaxLon[s]) = (tt.StopLat[s], tt.StopLat[s], tt.StopLon[s], tt.StopLon[s]);
            foreach (int e in tt.StopParents[s] >= 0 ? entrances[tt.StopParents[s]] : [])
            {
                _doorsMinLat[s] = Math.Min(_doorsMinLat[s], tt.StopLat[e]);
                _doorsMaxLat[s] = Math.Max(_doorsMaxLat[s], tt.StopLat[e]);
                _doorsMinLon[s] = Math.Min(_doorsMinLon[s], tt.StopLon[e]);
                _doorsMaxLon[s] = Math.Max(_doorsMaxLon[s], tt.StopLon[e]);
            }
        }

        IEnumerable<int> PlatformsOf(int stop) => tt.StopLocationTypes[stop] == LocationType.Station ? _platformsOfStation[stop] : [stop];
    }

    /// <summary>The platforms some trip serves: the only stops a walk between stops starts or ends at.</summary>
    public int[] Served { get; }

    /// <summary>Every stop's walks for one profile with the router's reports: what is computed ahead for a preset.</summary>
    public TransferGraph All(Router router, ProfileSettings profile, StationPaths stations, CancellationToken cancellationToken)
    {
        var walks = new List<(int, int, int, double)>();
        foreach (int s in Served)
        {
            foreach (var (to, durationS, costS) in Row(router, profile, stations, s, backward: false, candidates: null, cancellationToken))
            {
                walks.Add((s, to, durationS, costS));
            }
        }
        return TransferGraph.From(_timetable.StopCount, walks);
    }

    /// <summary>
    /// The walks from <paramref name="stop"/> (or, <paramref name="backward"/>, into it), each as the other stop, its
    /// duration and its cost. <paramref name="candidates"/>, when given, are the only other stops tried (the row a
    /// looser profile found); else every served stop within the transfer radius.
    /// </summary>
    public List<(int Other, int DurationS, double CostS)> Row(Router router, ProfileSettings profile, StationPaths stations, int stop, bool backward,
        IReadOnlyList<int>? candidates, CancellationToken cancellationToken)
    {
        var tt = _timetable;
        var row = new List<(int Other, int DurationS, double CostS)>();
        var own = stations.DoorsOf(stop);
        if (own.Count == 0)
        {
            return row;
        }
        var near = new List<StreetDoor>();
        foreach (int t in candidates ?? Near(stop))
        {
            if (t == stop)
            {
                continue;
            }
            if ((backward ? stations.InsideS(t, stop) : stations.InsideS(stop, t)) is var inside and >= 0)
            {
                Add(t, inside, inside);
            }
            if (Geo.DistanceM(tt.StopLat[stop], tt.StopLon[stop], tt.StopLat[t], tt.StopLon[t]) <= TripPlanner.TransferRadiusM)
            {
                near.AddRange(stations.DoorsOf(t));
            }
        }
        if (near.Count > 0)
        {
            var ownPoints = own.Select(d => Position(d.Door)).ToList();
            var nearPoints = near.Select(d => Position(d.Door)).ToList();
            var matrix = backward
                ? router.Matrix(nearPoints, ownPoints, profile, cancellationToken: cancellationToken, maxCostS: TripPlanner.MaxTransferCostS)
                : router.Matrix(ownPoints, nearPoints, profile, cancellationToken: cancellationToken, maxCostS: TripPlanner.MaxTransferCostS);
            var best = new Dictionary<int, (int DurationS, double CostS)>();
            for (int a = 0; a < own.Count; a++)
            {
                for (int b = 0; b < near.Count; b++)
                {
                    var (seconds, cost) = backward ? (matrix.DurationsS[b][a], matrix.CostsS[b][a]) : (matrix.DurationsS[a][b], matrix.CostsS[a][b]);
                    if (seconds is { } s && cost is { } c)
                    {
                        int duration = (int)Math.Ceiling(s) + own[a].InsideS + near[b].InsideS;
                        if (!best.TryGetValue(near[b].Stop, out var known) || duration < known.DurationS)
                        {
                            best[near[b].Stop] = (duration, c + own[a].InsideS + near[b].InsideS);
                        }
                    }
                }
            }
            foreach (var (t, walk) in best)
            {
                Add(t, walk.DurationS, walk.CostS);
            }
        }
        return row;

        void Add(int other, int durationS, double costS)
        {
            var pair = backward ? (other, stop) : (stop, other);
            if (!_rules.TryGetValue(pair, out var rule))
            {
                row.Add((other, durationS, costS));
            }
            else if (rule.Type == 2)
            {
                row.Add((other, Math.Max(durationS, rule.MinTransferS - Raptor.ChangeS), costS));
            }
        }

        Engine.GeoPoint Position(int s) => new(tt.StopLat[s], tt.StopLon[s]);
    }

    /// <summary>The served stops in the 3 × 3 cells around a stop: every stop within the transfer radius, and a few more.</summary>
    private IEnumerable<int> Near(int stop)
    {
        var (row, column) = Cell(_timetable.StopLat[stop], _timetable.StopLon[stop]);
        for (int dr = -1; dr <= 1; dr++)
        {
            for (int dc = -1; dc <= 1; dc++)
            {
                foreach (int t in _grid[(row + dr, column + dc)])
                {
                    yield return t;
                }
            }
        }
    }

    /// <summary>A grid of cells a little larger than <see cref="TripPlanner.TransferRadiusM"/>, so that near stops lie in the 3 × 3 cells around.</summary>
    private static (int Row, int Column) Cell(double lat, double lon) =>
        ((int)Math.Floor(lat * 111_320 / (TripPlanner.TransferRadiusM * 1.1)),
         (int)Math.Floor(lon * 111_320 * Math.Cos(lat * Math.PI / 180) / (TripPlanner.TransferRadiusM * 1.1)));

    /// <summary>
    /// The rows computed ahead that no longer hold under <paramref name="overlay"/> and <paramref name="stations"/>: a
    /// walk of at most <paramref name="walkM"/> (what the transfer cost allows at the profile's cheapest cost per metre)
    /// from a stop's doors can pass only within that distance of them, so only stops whose doors lie that near a report
    /// that came, went or changed since are checked again; and every stop near a station whose elevators changed (its
    /// platforms' doors and the pathways between them changed). Null when nothing changed.
    /// </summary>
    public bool[]? Stale(TransfersAhead ahead, BarrierOverlay overlay, StationPaths stations, double walkM)
    {
        var tt = _timetable;
        bool[]? stale = null;
        var before = ahead.Overlay.Active.Select(a => Key(a.Report)).ToHashSet(StringComparer.Ordinal);
        var now = overlay.Active.Select(a => Key(a.Report)).ToHashSet(StringComparer.Ordinal);
        var changed = ahead.Overlay.Active.Where(a => !now.Contains(Key(a.Report))).Concat(overlay.Active.Where(a => !before.Contains(Key(a.Report))))
            .Select(a => a.Report.Geometry.Points).Where(points => points.Count > 0).ToList();
        foreach (var points in changed)
        {
            double minLat = points.Min(p => p.Lat), maxLat = points.Max(p => p.Lat), minLon = points.Min(p => p.Lon), maxLon = points.Max(p => p.Lon);
            double marginLat = walkM / 111_320, marginLon = walkM / (111_320 * Math.Max(0.01, Math.Cos(Math.Max(Math.Abs(minLat), Math.Abs(maxLat)) * Math.PI / 180)));
            foreach (int s in Served)
            {
                if (_doorsMinLat[s] <= maxLat + marginLat && _doorsMaxLat[s] >= minLat - marginLat && _doorsMinLon[s] <= maxLon + marginLon
                    && _doorsMaxLon[s] >= minLon - marginLon)
                {
                    (stale ??= new bool[tt.StopCount])[s] = true;
                }
            }
        }
        var brokenBefore = ahead.Stations.BrokenElevators.Select(b => b.Pathway.Id).ToHashSet(StringComparer.Ordinal);
        var brokenNow = stations.BrokenElevators.Select(b => b.Pathway.Id).ToHashSet(StringComparer.Ordinal);
        brokenBefore.SymmetricExceptWith(brokenNow);
        foreach (var pathway in tt.Pathways.Where(p => brokenBefore.Contains(p.Id)))
        {
            int station = tt.StopParents[pathway.FromStop] >= 0 ? tt.StopParents[pathway.FromStop] : pathway.FromStop;
            foreach (int platform in _platformsOfStation[station])
            {
                (stale ??= new bool[tt.StopCount])[platform] = true;
                foreach (int s in Near(platform))
                {
                    stale[s] = true;
                }
            }
        }
        return stale;
    }

    /// <summary>What decides a report's effect, as one string: two overlays are compared report by report with it.</summary>
    private static string Key(ReportedBarrier report) => string.Join('|', report.ReportId.ToString(CultureInfo.InvariantCulture), report.Kind, report.Verified,
        report.KerbHeightCm, report.RemainingWidthCm, report.InclinePct?.ToString("R", CultureInfo.InvariantCulture), report.Live?.Id, report.Live?.State,
        report.Geometry.Type, string.Join(';', report.Geometry.Points.Select(p => p.Lat.ToString("R", CultureInfo.InvariantCulture) + "," + p.Lon.ToString("R", CultureInfo.InvariantCulture))));
}

/// <summary>
/// The transfer walks of one profile and one set of reports, as requests read them (one forward, one backward):
/// a row computed ahead where it still holds, else checked again when a search first reaches its stop, and kept for
/// the next request with the same profile and reports. <see cref="Candidates"/> says what a checked row tries: the
/// stops of the row computed ahead (a profile no cheaper anywhere than the preset finds no walk the preset did not),
/// or every stop within the radius.
/// </summary>
internal sealed class CheckedTransfers(TransferWalks walks, TransferGraph? ahead, bool aheadHolds, bool[]? stale, bool backward)
{
    private readonly ConcurrentDictionary<int, TransferRow> _checked = new();

    /// <summary>The rows as one request reads them, checking with its router, profile and station paths.</summary>
    public ITransfers For(Router router, ProfileSettings profile, StationPaths stations, CancellationToken cancellationToken) =>
        new Reader(this, router, profile, stations, cancellationToken);

    private TransferRow Row(int stop, Router router, ProfileSettings profile, StationPaths stations, CancellationToken cancellationToken)
    {
        bool isStale = stale is not null && stale[stop];
        if (ahead is not null && aheadHolds && !isStale)
        {
            return ahead.From(stop);
        }
        if (_checked.TryGetValue(stop, out var known))
        {
            return known;
        }
        int[]? candidates = null;
        if (ahead is not null && !isStale)
        {
            var computed = ahead.From(stop);
            candidates = computed.To[computed.Start..computed.End];
        }
        var row = walks.Row(router, profile, stations, stop, backward, candidates, cancellationToken);
        var made = new TransferRow([.. row.Select(w => w.Other)], [.. row.Select(w => w.DurationS)], [.. row.Select(w => w.CostS)], 0, row.Count);
        return _checked.GetOrAdd(stop, made);
    }

    private sealed class Reader(CheckedTransfers owner, Router router, ProfileSettings profile, StationPaths stations, CancellationToken cancellationToken) : ITransfers
    {
        public TransferRow From(int stop) => owner.Row(stop, router, profile, stations, cancellationToken);
    }
}
