using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>
/// Writes the turn-by-turn steps of one route. A step is due where something changes for the traveller: a kerb, an
/// elevator, steps or their ramp, a street crossing, a turn at a junction, a new street, a via point. Everything
/// else (a split of the way at a plain node, a bend without a choice) stays silent, so that the list stays short
/// enough to be read aloud.
/// </summary>
internal sealed class InstructionWriter(RoutingGraph graph, IReadOnlyList<GeoPoint> geometry, TextLanguage language)
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

    private static readonly string[] Compass =
        ["compass.north", "compass.northeast", "compass.east", "compass.southeast", "compass.south", "compass.southwest", "compass.west", "compass.northwest"];

    private readonly List<(string Type, string Text, double PositionM, GeoPoint Location, int Segment, string? Name)> _steps = [];

    public IReadOnlyList<Instruction> Write(IReadOnlyList<AssembledSegment> segments, IReadOnlyList<RoutePiece> pieces, double distanceM)
    {
        _steps.Clear();
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
            // Junctions inside the segment: the way goes on, but may bend where another way goes straight.
            for (int p = segment.FirstPiece + 1; p <= segment.LastPiece; p++)
            {
                var piece = pieces[p];
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
        var end = geometry.Count > 0 ? geometry[^1] : default;
        _steps.Add(("arrive", RouteTexts.Get("arrive", language), distanceM, end, Math.Max(0, segments.Count - 1), null));

        var instructions = new List<Instruction>(_steps.Count);
        for (int i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            double untilNextM = i + 1 < _steps.Count ? Math.Max(0, _steps[i + 1].PositionM - step.PositionM) : 0;
            instructions.Add(new Instruction(step.Type, step.Text, untilNextM, step.Location, step.Segment, step.Name));
        }
        return instructions;
    }

    private void Depart(AssembledSegment segment)
    {
        int first = segment.Segment.FirstPoint;
        int ahead = PointAhead(first);
        double bearing = ahead < 0 ? 0 : BearingDeg(geometry[first], geometry[ahead]);
        string compass = RouteTexts.Get(Compass[(int)Math.Round(bearing / 45) % 8], language);
        string key = segment.Segment.Name.Length > 0 ? "depart" : "depart_unnamed";
        Add("depart", RouteTexts.Format(key, language, compass, segment.Label(language)), segment, 0);
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
            Add("cross", RouteTexts.Get("cross." + FactNames.Of(segment.CrossingEvent), language), segment, index);
        }
        else if (previous is not null)
        {
            double angle = TurnAngleDeg(facts.FirstPoint);
            bool atChoice = segment.AfterVia || Degree(segment.StartVertex) >= 3;
            if (atChoice && Math.Abs(angle) >= StraightDeg)
            {
                Turn(angle, segment, index, segment.StartDistanceM, geometry[facts.FirstPoint]);
            }
            else if (!segment.SameStreetAs(previous))
            {
                Add("continue", RouteTexts.Format("continue", language, segment.Label(language)), segment, index);
            }
        }
    }

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
        string text = RouteTexts.Format(key, language, RouteTexts.Get("side." + side, language), segment.Label(language));
        _steps.Add(($"{key}_{side}", text, positionM, location, index, NameOf(segment)));
    }

    private void Add(string type, string text, AssembledSegment segment, int index) =>
        _steps.Add((type, text, segment.StartDistanceM, geometry[segment.Segment.FirstPoint], index, NameOf(segment)));

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

    private static double DistanceM(GeoPoint a, GeoPoint b) => Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>Initial great-circle bearing from a to b, 0..360 degrees clockwise from north.</summary>
    private static double BearingDeg(GeoPoint a, GeoPoint b)
    {
        const double Rad = Math.PI / 180;
        double phi1 = a.Lat * Rad, phi2 = b.Lat * Rad, dLambda = (b.Lon - a.Lon) * Rad;
        double y = Math.Sin(dLambda) * Math.Cos(phi2);
        double x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLambda));
        return ((Math.Atan2(y, x) / Rad) + 360) % 360;
    }
}
