using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>
/// Writes the turn-by-turn steps of one route. A step is due where something changes for the traveller: a kerb, an
/// elevator, steps or their ramp, a street crossing, a steep stretch, a turn at a junction, a new street, a via point.
/// Everything else (a split of the way at a plain node, a bend without a choice) stays silent, so that the list stays
/// short enough to be read aloud. The list is then tidied as a person would say it: the same step twice at one place is
/// said once, "continue onto X" right after a step onto X is dropped, a kerb at a crossing is said with the crossing,
/// a start a few metres before the first turn says the way after the turn, a turn that keeps the street says so ("to
/// stay on X"), and steps closer together than <see cref="MinStepM"/> are said as one ("Cross the street – Turn left
/// onto Plöck"), so that no step is 0 m long. An unnamed way is said with the street it runs along ("the sidewalk along
/// Hauptstraße", <see cref="StreetsAlong"/>), and that street counts as the one the traveller is on: the sidewalk after
/// a turn onto Hauptstraße is no new street. An unnamed path along no street that runs through a park, garden, cemetery
/// or wood is said with it ("the path through the park", "the footway through Schlossgarten"), and entering or leaving
/// it on the same kind of path is a step ("Continue on the path through the park").
/// </summary>
/// <param name="streetsAlong">Finds the street an unnamed way runs beside; null: unnamed ways are said by their kind alone.</param>
internal sealed class InstructionWriter(RoutingGraph graph, IReadOnlyList<GeoPoint> geometry, TextLanguage language, StreetsAlong? streetsAlong = null)
{
    /// <summary>Bearing changes below this are going straight on.</summary>
    private const double StraightDeg = 20;
    private const double SlightDeg = 45;
    private const double SharpDeg = 135;
    /// <summary>
    /// Bearings are measured to a point at least this far away (or the farthest there is), so that a short kink in the
    /// shape right at a junction does not read as a turn.
    /// </summary>
    private const double BearingReachM = 10;
    /// <summary>Two steps this close together are one place for the traveller: a repeat there is said once.</summary>
    private const double SamePlaceM = 30;
    /// <summary>A kerb this close to a crossing's start is the crossing's kerb.</summary>
    private const double KerbAtCrossingM = 5;
    /// <summary>
    /// Steps closer together than this are said as one: nobody can act on a step that lasts a few metres, and a list of
    /// them (six in 80 m) hides the turns that matter.
    /// </summary>
    internal const double MinStepM = 15;
    /// <summary>Back on a street after less than this on pavement, a crossing or a side street, one has stayed on it.</summary>
    private const double JogM = 50;
    /// <summary>
    /// An unnamed way is said with the street it leads to when that street comes at most this far after its end
    /// (a path across a block, a connector to the next street); a longer stretch of paths leads nowhere one could name.
    /// </summary>
    private const double TowardsM = 250;

    private static readonly string[] Compass =
        ["compass.north", "compass.northeast", "compass.east", "compass.southeast", "compass.south", "compass.southwest", "compass.west", "compass.northwest"];

    private readonly List<(string Type, string Text, double PositionM, GeoPoint Location, int Segment, string? Name)> _steps = [];

    public IReadOnlyList<Instruction> Write(IReadOnlyList<AssembledSegment> segments, ReadOnlySpan<RoutePiece> pieces, double distanceM)
    {
        _steps.Clear();
        _ontoLabels.Clear();
        _streets.Clear();
        _along.Clear();
        _through.Clear();
        _towards.Clear();
        for (int s = 0; s < segments.Count; s++)
        {
            if (AreaOf(segments[s], pieces) is { } area)
            {
                _through[segments[s].FirstPiece] = area;
            }
        }
        // Backwards: each unnamed segment learns the named street the unnamed stretch it is part of leads to, when that
        // street comes within TowardsM.
        string? ahead = null;
        double toAheadM = 0;
        for (int s = segments.Count - 1; s >= 0; s--)
        {
            if (NameOf(segments[s]) is { } name)
            {
                (ahead, toAheadM) = (name, 0);
                continue;
            }
            if (ahead is not null && toAheadM <= TowardsM)
            {
                _towards[segments[s].FirstPiece] = ahead;
            }
            toAheadM += segments[s].Segment.DistanceM;
        }
        // Most segments start silently and few say two things, so a step per segment seldom grows the list (which,
        // grown from empty, allocated twice what it ended with).
        _steps.EnsureCapacity(segments.Count + 1);
        for (int s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (s == 0)
            {
                Depart(segment);
            }
            else if (segment.AfterVia)
            {
                Add("via", RouteTexts.Format("via", language, pieces[segment.FirstPiece].Leg.ToString()), segment, s);
            }
            if (segment.KerbOnVertex)
            {
                Kerb(segment, s);
            }
            Enter(segment, s == 0 ? null : segments[s - 1], s);
            if (segment.Segment.KerbAtStart is not null && !segment.KerbOnVertex)
            {
                Kerb(segment, s);
            }
            Steep(segments, s);
            // Junctions inside the segment: the way goes on, but may bend where another way goes straight.
            for (int p = segment.FirstPiece + 1; p <= segment.LastPiece; p++)
            {
                ref readonly var piece = ref pieces[p];
                if (Degree(piece.StartVertex) < 3)
                {
                    continue;
                }
                double angle = TurnAngleDeg(piece.FirstPoint);
                if (Math.Abs(angle) >= StraightDeg)
                {
                    Turn(angle, segment, s, piece.StartDistanceM, geometry[piece.FirstPoint]);
                }
            }
        }
        // A start a few metres before the first turn or new way: say the way after it, in the direction it leaves.
        if (_steps.Count > 1 && _steps[0].Type == "depart" && IsOnto(_steps[1].Type) && _steps[1].PositionM < MinStepM)
        {
            var next = _steps[1];
            _steps[0] = next with { Type = "depart", Text = DepartText(segments[next.Segment]), PositionM = 0, Location = _steps[0].Location };
            _steps.RemoveAt(1);
        }
        var end = geometry.Count > 0 ? geometry[^1] : default;
        _steps.Add(("arrive", RouteTexts.Get("arrive", language), distanceM, end, Math.Max(0, segments.Count - 1), null));

        var steps = Tidy(_steps, language);
        var instructions = new List<Instruction>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            double untilNextM = i + 1 < steps.Count ? Math.Max(0, steps[i + 1].PositionM - step.PositionM) : 0;
            instructions.Add(new Instruction(step.Type, step.Text, untilNextM, step.Location, step.Segment, step.Name));
        }
        return instructions;
    }

    private void Depart(AssembledSegment segment) => Add("depart", DepartText(segment), segment, 0);

    /// <summary>"Head north on …" in the direction the segment leaves its first point.</summary>
    private string DepartText(AssembledSegment segment)
    {
        int first = segment.Segment.FirstPoint;
        int ahead = PointAhead(first);
        double bearing = ahead < 0 ? 0 : BearingDeg(geometry[first], geometry[ahead]);
        string compass = RouteTexts.Get(Compass[(int)Math.Round(bearing / 45) % 8], language);
        return RouteTexts.Format("depart", language, compass, LabelOf(segment, WayCase.On));
    }

    /// <summary>What to say where a segment begins: the most specific of elevator, steps, crossing, turn or new street.</summary>
    private void Enter(AssembledSegment segment, AssembledSegment? previous, int index)
    {
        var facts = segment.Segment;
        if (segment.ElevatorEvent)
        {
            Add("elevator", RouteTexts.Get("elevator", language), segment, index);
        }
        else if (facts.Steps && (previous is null || !previous.Segment.Steps || previous.Segment.OsmWayId != facts.OsmWayId))
        {
            string key = facts.Ramp ? "ramp" : facts.InclineDirection is { } direction ? "steps." + direction : "steps";
            Add(facts.Ramp ? "ramp" : "steps", RouteTexts.Get(key, language), segment, index);
        }
        else if (segment.CrossingEvent != CrossingKind.None)
        {
            // Sound signals matter to people who cannot see the lights; say so where the map knows.
            bool sound = segment.CrossingEvent == CrossingKind.TrafficSignals
                && (segment.Class.Has(EdgeFlags.AcousticSignals) || (segment.StartVertex >= 0 && graph.ClassOfVertex(segment.StartVertex).Has(NodeFlags.AcousticSignals)));
            Add("cross", RouteTexts.Get("cross." + FactNames.Of(segment.CrossingEvent) + (sound ? "_sound" : ""), language), segment, index);
        }
        else if (previous is not null)
        {
            double angle = TurnAngleDeg(facts.FirstPoint);
            bool atChoice = segment.AfterVia || Degree(segment.StartVertex) >= 3;
            if (atChoice && Math.Abs(angle) >= StraightDeg)
            {
                Turn(angle, segment, index, segment.StartDistanceM, geometry[facts.FirstPoint]);
            }
            else if (!(segment.SameStreetAs(previous) && AlongOf(segment) == AlongOf(previous) && ThroughOf(segment) == ThroughOf(previous))
                && !StaysOn(StreetOf(segment), segment.StartDistanceM))
            {
                Add("continue", RouteTexts.Format("continue", language, LabelOf(segment, WayCase.On)), segment, index);
            }
        }
    }

    /// <summary>Where a steep stretch (the same run the <c>steep</c> warning reports) begins, say how steep and how long.</summary>
    private void Steep(IReadOnlyList<AssembledSegment> segments, int index)
    {
        string? direction = segments[index].Segment.Steep;
        if (direction is null || (index > 0 && segments[index - 1].Segment.Steep == direction))
        {
            return;
        }
        double lengthM = 0, steepestPct = 0;
        for (int i = index; i < segments.Count && segments[i].Segment.Steep == direction; i++)
        {
            lengthM += segments[i].Segment.DistanceM;
            steepestPct = Math.Max(steepestPct, Math.Abs(segments[i].Segment.InclinePct.Value ?? 0));
        }
        if (lengthM > RouteWarnings.SteepMinM)
        {
            Add("steep", RouteTexts.Format("steep." + direction, language, RouteTexts.Number(steepestPct, "0.0", language),
                RouteTexts.Number(Math.Round(lengthM), "0", language)), segments[index], index);
        }
    }

    /// <summary>
    /// The steps as a person would say them: an identical step at the same place once; no "continue onto X" right after
    /// a step onto X, nor a turn onto X a few metres after one (a jog across a junction); a kerb at a crossing said with
    /// the crossing ("Cross at the traffic lights – Lowered kerb, 3 cm"); a "continue" a few metres after a step onto a way
    /// said by that step alone (the later continue's words win over an earlier continue's); the same move twice a few
    /// metres apart said once, onto the way with a name; any other step closer than
    /// <see cref="MinStepM"/> to the one before said with it, the arrival last. Tidied in place (and returned): the tidy
    /// steps are a prefix of the list, and each step is compared only with the last tidy one, which lies before it.
    /// </summary>
    internal static List<(string Type, string Text, double PositionM, GeoPoint Location, int Segment, string? Name)> Tidy(
        List<(string Type, string Text, double PositionM, GeoPoint Location, int Segment, string? Name)> steps, TextLanguage language)
    {
        int tidy = 0;
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (tidy == 0)
            {
                steps[tidy++] = step;
                continue;
            }
            var previous = steps[tidy - 1];
            bool samePlace = step.PositionM - previous.PositionM < SamePlaceM;
            if (step.Type == previous.Type && step.Text == previous.Text && samePlace)
            {
                continue;
            }
            bool ontoSameStreet = step.Name is not null && step.Name == previous.Name && IsOnto(step.Type) && IsOnto(previous.Type);
            if (ontoSameStreet && (step.Type == "continue" || step.PositionM - previous.PositionM < MinStepM))
            {
                continue;
            }
            bool kerbThenCrossing = previous.Type == "kerb" && step.Type == "cross";
            bool crossingThenKerb = previous.Type == "cross" && step.Type == "kerb";
            if ((kerbThenCrossing || crossingThenKerb) && step.PositionM - previous.PositionM < KerbAtCrossingM)
            {
                var (cross, kerb) = kerbThenCrossing ? (step, previous) : (previous, step);
                steps[tidy - 1] = cross with { Text = RouteTexts.Format("joined", language, cross.Text, kerb.Text), PositionM = previous.PositionM };
                continue;
            }
            if (step.PositionM - previous.PositionM < MinStepM)
            {
                // "Continue on the cycleway – Continue on the cycleway along Sofienstraße": a continue a few metres
                // after another says what is there, where the first is; onto an unnamed way after a turn, nothing new.
                bool continueAfterOnto = step.Type == "continue" && IsOnto(previous.Type) && (previous.Type == "continue" || step.Name is null);
                // The same move twice within a few metres ("Turn right onto the road – Turn right onto Im Neuenheimer
                // Feld") is one move: said once, onto the way that has a name (the later when both or neither has).
                bool sameMoveTwice = step.Type == previous.Type && IsOnto(step.Type);
                if (continueAfterOnto || sameMoveTwice)
                {
                    bool laterWords = continueAfterOnto ? previous.Type == "continue" : step.Name is not null || previous.Name is null;
                    if (laterWords)
                    {
                        steps[tidy - 1] = step with { PositionM = previous.PositionM, Location = previous.Location };
                    }
                    continue;
                }
                // Said with the step before, where that one is; the arrival stays the last step, at the end.
                steps[tidy - 1] = step.Type == "arrive"
                    ? step with { Text = RouteTexts.Format("joined", language, previous.Text, step.Text), Location = step.Location }
                    : previous with { Text = RouteTexts.Format("joined", language, previous.Text, step.Text), Name = IsOnto(step.Type) ? step.Name : previous.Name };
                continue;
            }
            steps[tidy++] = step;
        }
        steps.RemoveRange(tidy, steps.Count - tidy);
        return steps;
    }

    /// <summary>Steps that bring the traveller onto a named street.</summary>
    private static bool IsOnto(string type) => type is "depart" or "continue" || type.StartsWith("turn_", StringComparison.Ordinal)
        || type.StartsWith("slight_", StringComparison.Ordinal) || type.StartsWith("sharp_", StringComparison.Ordinal);

    private void Kerb(AssembledSegment segment, int index)
    {
        var kerb = segment.Segment.KerbAtStart!;
        string height = kerb.HeightCm.Value is { } cm ? $"{cm} cm" : RouteTexts.Get("height_unknown", language);
        _steps.Add(("kerb", RouteTexts.Format("kerb." + kerb.Kind, language, height), segment.StartDistanceM, kerb.Location, index, NameOf(segment)));
    }

    private void Turn(double angleDeg, AssembledSegment segment, int index, double positionM, GeoPoint location)
    {
        double sharpness = Math.Abs(angleDeg);
        string key = sharpness < SlightDeg ? "slight" : sharpness <= SharpDeg ? "turn" : "sharp";
        string side = angleDeg > 0 ? "right" : "left";
        // A turn that keeps the street the traveller was last on by name says so, rather than "onto" it again; so does a
        // turn back onto it after a few metres of pavement or crossing (a jog across a junction).
        string? name = NameOf(segment);
        string label = LabelOf(segment, WayCase.Onto);
        var (lastName, lastLabel, lastM) = LastOnto();
        // Only a way of that name stays on it: onto the sidewalk beside the street one was on is said as such.
        bool stays = StaysOn(name, positionM);
        // A bend from one unnamed footway onto another a few metres on says nothing the step before has not said.
        if (name is null && lastName is null && lastLabel == label && positionM - lastM < MinStepM)
        {
            return;
        }
        string text = stays
            ? RouteTexts.Format(key + "_stay", language, RouteTexts.Get("side." + side, language), LabelOf(segment, WayCase.On))
            : RouteTexts.Format(key, language, RouteTexts.Get("side." + side, language), label);
        _steps.Add(($"{key}_{side}", text, positionM, location, index, name));
        Remember(segment, label);
    }

    /// <summary>Labels of the turn steps, by their index in the step list, for <see cref="LastOnto"/>.</summary>
    private readonly Dictionary<int, string> _ontoLabels = [];

    /// <summary>The street an unnamed way of a step runs along, by the step's index, for <see cref="StaysOn"/>.</summary>
    private readonly Dictionary<int, string> _streets = [];

    /// <summary>The street each unnamed segment runs along, by its first piece: looked up once per segment.</summary>
    private readonly Dictionary<int, (string Name, string Highway)?> _along = [];

    /// <summary>What the last step, onto <paramref name="segment"/>, said it onto, and the street it runs along.</summary>
    private void Remember(AssembledSegment segment, string label)
    {
        _ontoLabels[_steps.Count - 1] = label;
        if (AlongOf(segment) is { } street)
        {
            _streets[_steps.Count - 1] = street.Name;
        }
    }

    private (string Name, string Highway)? AlongOf(AssembledSegment segment)
    {
        if (streetsAlong is null)
        {
            return null;
        }
        if (!_along.TryGetValue(segment.FirstPiece, out var street))
        {
            street = streetsAlong.Of(segment, geometry);
            _along[segment.FirstPiece] = street;
        }
        return street;
    }

    /// <summary>The green area each unnamed path segment runs through, by its first piece (<see cref="AreaOf"/>).</summary>
    private readonly Dictionary<int, (string Name, GreenAreaKind Kind)> _through = [];

    /// <summary>Paths one walks through a park on; a sidewalk belongs to its street, and a road through a park is a road.</summary>
    private static bool RunsThrough(HighwayKind highway) => highway is HighwayKind.Footway or HighwayKind.Path or HighwayKind.Track
        or HighwayKind.Cycleway or HighwayKind.Bridleway or HighwayKind.Pedestrian;

    /// <summary>
    /// The park, garden, cemetery or wood an unnamed path segment runs through: the area that holds most of its length
    /// (each edge lies in the area its middle lies in); null when at least half of it lies in none.
    /// </summary>
    private (string Name, GreenAreaKind Kind)? AreaOf(AssembledSegment segment, ReadOnlySpan<RoutePiece> pieces)
    {
        if (segment.Segment.Name.Length > 0 || !RunsThrough(segment.Class.Highway))
        {
            return null;
        }
        var edgeArea = graph.EdgeGreenArea;
        int best = GreenArea.None;
        double bestM = 0, totalM = 0;
        for (int p = segment.FirstPiece; p <= segment.LastPiece; p++)
        {
            totalM += pieces[p].LengthM;
            int area = edgeArea[pieces[p].Edge];
            if (area == GreenArea.None || area == best)
            {
                continue;
            }
            // A segment crosses one area, seldom two: summing each candidate over the segment is a few pieces more.
            double inAreaM = 0;
            for (int q = segment.FirstPiece; q <= segment.LastPiece; q++)
            {
                inAreaM += edgeArea[pieces[q].Edge] == area ? pieces[q].LengthM : 0;
            }
            if (inAreaM > bestM)
            {
                (best, bestM) = (area, inAreaM);
            }
        }
        if (best == GreenArea.None || bestM * 2 < totalM)
        {
            return null;
        }
        var green = graph.GreenAreas[best];
        return (graph.Name(green.NameId), green.Kind);
    }

    /// <summary>
    /// The area the segment runs through, when it runs along no street. The street wins: a path beside a street at the
    /// park's edge is found by the street (which way, which side), and "through the park" would send the traveller
    /// looking for a path inside it; parks are often mapped up to the kerb, so such paths lie in them.
    /// </summary>
    private (string Name, GreenAreaKind Kind)? ThroughOf(AssembledSegment segment) =>
        AlongOf(segment) is null && _through.TryGetValue(segment.FirstPiece, out var area) ? area : null;

    /// <summary>The named street each unnamed segment leads to (within <see cref="TowardsM"/>), by its first piece.</summary>
    private readonly Dictionary<int, string> _towards = [];

    /// <summary>
    /// Ways one follows to somewhere. A crossing, a square, steps, an elevator or a platform is a place one passes, said
    /// by what it is ("Head north on the crossing towards Plöck" reads as if the crossing ran there).
    /// </summary>
    private static bool LeadsSomewhere(HighwayKind highway) => highway is HighwayKind.Footway or HighwayKind.Sidewalk or HighwayKind.Path
        or HighwayKind.Cycleway or HighwayKind.Bridleway or HighwayKind.Pedestrian or HighwayKind.Track or HighwayKind.Service
        or HighwayKind.LivingStreet or HighwayKind.Residential or HighwayKind.Unclassified or HighwayKind.Tertiary;

    /// <summary>The street an unnamed segment leads to, when it runs along no street and through no area: those say more about where it is.</summary>
    private string? TowardsOf(AssembledSegment segment) =>
        AlongOf(segment) is null && ThroughOf(segment) is null && _towards.TryGetValue(segment.FirstPiece, out var street)
        && LeadsSomewhere(segment.Class.Highway) ? street : null;

    /// <summary>
    /// What the segment is called: its name, else its kind and the street it runs along, the area it runs through or the
    /// street it leads to (<see cref="WayNames"/>).
    /// </summary>
    private string LabelOf(AssembledSegment segment, WayCase wayCase) =>
        WayNames.Of(segment.Segment.Name, segment.Segment.Highway, language, wayCase, AlongOf(segment), ThroughOf(segment), TowardsOf(segment));

    /// <summary>The street the traveller is on: the segment's name, else the street it runs along; null for neither.</summary>
    private string? StreetOf(AssembledSegment segment) => NameOf(segment) ?? AlongOf(segment)?.Name;

    /// <summary>
    /// The traveller is still on <paramref name="name"/>: it is the street of the last step onto a way, or of a step
    /// before one taken less than <see cref="JogM"/> ago (a few metres of pavement, a crossing or a side street: a jog
    /// across a junction, not a new street).
    /// </summary>
    private bool StaysOn(string? name, double positionM)
    {
        if (name is null)
        {
            return false;
        }
        for (int i = _steps.Count - 1; i >= 0; i--)
        {
            var step = _steps[i];
            if (!IsOnto(step.Type))
            {
                continue;
            }
            if (step.Name == name || _streets.GetValueOrDefault(i) == name)
            {
                return true;
            }
            if (positionM - step.PositionM >= JogM)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The last step onto a way: its street name, the label it said, and where.</summary>
    private (string? Name, string? Label, double PositionM) LastOnto()
    {
        for (int i = _steps.Count - 1; i >= 0; i--)
        {
            if (IsOnto(_steps[i].Type))
            {
                return (_steps[i].Name, _ontoLabels.GetValueOrDefault(i, ""), _steps[i].PositionM);
            }
        }
        return (null, null, double.NegativeInfinity);
    }

    private void Add(string type, string text, AssembledSegment segment, int index)
    {
        _steps.Add((type, text, segment.StartDistanceM, geometry[segment.Segment.FirstPoint], index, NameOf(segment)));
        if (IsOnto(type))
        {
            Remember(segment, LabelOf(segment, WayCase.Onto));
        }
    }

    private static string? NameOf(AssembledSegment segment) => segment.Segment.Name.Length > 0 ? segment.Segment.Name : null;

    private int Degree(int vertex) => vertex < 0 ? 0 : graph.FirstArc[vertex + 1] - graph.FirstArc[vertex];

    /// <summary>Change of bearing at a geometry point, -180..180 degrees, positive to the right; 0 at the route's ends.</summary>
    private double TurnAngleDeg(int point)
    {
        int behind = PointBehind(point), ahead = PointAhead(point);
        if (behind < 0 || ahead < 0)
        {
            return 0;
        }
        double change = BearingDeg(geometry[point], geometry[ahead]) - BearingDeg(geometry[behind], geometry[point]);
        return change > 180 ? change - 360 : change <= -180 ? change + 360 : change;
    }

    private int PointBehind(int point)
    {
        if (point == 0)
        {
            return -1;
        }
        int j = point - 1;
        while (j > 0 && DistanceM(geometry[j], geometry[point]) < BearingReachM)
        {
            j--;
        }
        return j;
    }

    private int PointAhead(int point)
    {
        if (point >= geometry.Count - 1)
        {
            return -1;
        }
        int j = point + 1;
        while (j < geometry.Count - 1 && DistanceM(geometry[point], geometry[j]) < BearingReachM)
        {
            j++;
        }
        return j;
    }

    /// <summary>
    /// Bearings and the reach above are measured in a plane tangent at the route's start (one cosine per route instead
    /// of seven trigonometric calls per bearing): over a city the plane's scale differs from the sphere's by well
    /// under a tenth of a percent, far below what tells a turn from straight on.
    /// </summary>
    private readonly double _lonScale = geometry.Count == 0 ? 1 : Math.Cos(geometry[0].Lat * (Math.PI / 180));

    private double DistanceM(GeoPoint a, GeoPoint b)
    {
        double north = b.Lat - a.Lat, east = (b.Lon - a.Lon) * _lonScale;
        return Math.Sqrt((north * north) + (east * east)) * Coordinates.MetresPerDegree;
    }

    /// <summary>Bearing from a to b in the route's plane, 0..360 degrees clockwise from north.</summary>
    private double BearingDeg(GeoPoint a, GeoPoint b)
    {
        double degrees = Math.Atan2((b.Lon - a.Lon) * _lonScale, b.Lat - a.Lat) * (180 / Math.PI);
        return degrees < 0 ? degrees + 360 : degrees;
    }
}
