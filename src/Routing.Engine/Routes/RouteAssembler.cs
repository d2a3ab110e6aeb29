using System.Runtime.InteropServices;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>
/// Turns found paths into the route a user reads (geometry, segments with their facts and evidence, summary,
/// instructions and warnings in the request's language), and a failed request's least-bad path into the blockers that
/// explain it. Stateless apart from the shared read-only graph, so one instance serves parallel requests.
/// </summary>
/// <param name="currentOverlay">The router's overlay now: a profile is kept across overlays that differ only in pending
/// reports (<see cref="BarrierOverlay.CostVersion"/>), so the pending reports a route warns of are read from here. Null:
/// those of the profile's own overlay (an assembler outside a router).</param>
/// <param name="streetsAlong">Names the streets unnamed ways run along in instructions; null: unnamed ways by their kind alone.</param>
internal sealed class RouteAssembler(RoutingGraph graph, Func<BarrierOverlay>? currentOverlay = null, StreetsAlong? streetsAlong = null)
{
    private static readonly UnknownFacts[] ReportedUnknowns =
        [UnknownFacts.Surface, UnknownFacts.Smoothness, UnknownFacts.Width, UnknownFacts.Incline, UnknownFacts.Kerb, UnknownFacts.Barrier];

    /// <summary>The overlay whose pending reports apply: the current one when the profile's prices the same, else the profile's own (a request's avoid areas).</summary>
    private BarrierOverlay PendingFrom(BarrierOverlay priced) =>
        currentOverlay?.Invoke() is { } current && current.CostVersion == priced.CostVersion ? current : priced;

    /// <param name="legs">Consecutive paths: each leg starts where the previous one ended (at a via point).</param>
    /// <param name="profile">The (strict) profile the legs were found with; it gives durations and unknown facts.</param>
    /// <param name="requested">The points as requested (from, via..., to): one more than there are legs.</param>
    /// <param name="language">"en" or "de".</param>
    /// <param name="instructions">Whether to write instructions (empty without).</param>
    public Route Assemble(IReadOnlyList<SearchPath> legs, CompiledProfile profile, IReadOnlyList<GeoPoint> requested, string language,
        bool instructions = true)
    {
        if (legs.Count == 0)
        {
            throw new ArgumentException("A route needs at least one leg.", nameof(legs));
        }
        if (requested.Count != legs.Count + 1)
        {
            throw new ArgumentException($"{legs.Count} legs need {legs.Count + 1} requested points, not {requested.Count}.", nameof(requested));
        }
        var lang = RouteTexts.LanguageOf(language);
        var geometry = new List<GeoPoint>(GeometryCapacity(legs));
        // The passes below read the pieces in place, as a span over the list's array.
        ReadOnlySpan<RoutePiece> pieces = CollectionsMarshal.AsSpan(BuildPieces(legs, profile, geometry, out double trailingVertexDurationS));
        var segments = BuildSegments(pieces, profile, geometry, trailingVertexDurationS);
        double distanceM = 0;
        foreach (ref readonly var piece in pieces)
        {
            distanceM += piece.LengthM;
        }
        var elevation = ElevationProfile.Of(graph, pieces, geometry, legs[0].From);
        // Sums in route order, as the LINQ sums before them added up.
        var routeSegments = new RouteSegment[segments.Count];
        double durationS = 0;
        for (int s = 0; s < routeSegments.Length; s++)
        {
            routeSegments[s] = segments[s].Segment;
            durationS += routeSegments[s].DurationS;
        }
        double costS = 0;
        var waypoints = new SnappedWaypoint[requested.Count];
        for (int i = 0; i < legs.Count; i++)
        {
            costS += legs[i].CostS;
            waypoints[i + 1] = Waypoint(requested[i + 1], legs[i].To);
        }
        waypoints[0] = Waypoint(requested[0], legs[0].From);

        return new Route
        {
            DistanceM = distanceM,
            DurationS = durationS + (segments.Count == 0 ? trailingVertexDurationS : 0),
            CostS = costS,
            Bbox = BoundsOf(geometry),
            Geometry = geometry,
            Elevation = elevation,
            Segments = routeSegments,
            Summary = Summarise(pieces, segments, distanceM, profile.Settings),
            Instructions = instructions ? new InstructionWriter(graph, geometry, lang, streetsAlong).Write(segments, pieces, distanceM) : [],
            Warnings = RouteWarnings.Collect(segments, geometry, profile.Settings, lang,
                BarrierWarnings.Collect(graph, profile.Overlay, PendingFrom(profile.Overlay), pieces, segments, geometry, lang)),
            Waypoints = waypoints,
        };
    }

    /// <summary>
    /// What blocks a request: walks the cheapest path of the relaxed profile (every block turned into a large penalty)
    /// and reports every limit each arc or vertex breaks for the strict profile, merging consecutive arcs of one way that
    /// break the same limit. Lifting every limit named lifts the refusal: none is hidden behind another.
    /// </summary>
    public IReadOnlyList<Blocker> Explain(SearchPath path, CompiledProfile strictProfile, string language)
    {
        var lang = RouteTexts.LanguageOf(language);
        var blockers = new List<Blocker>();
        // The way and the limits of the last edge that broke any, which the next arcs of that way may continue.
        long openWayId = -1;
        var open = default(BrokenLimits);
        foreach (var step in PathWalk.Steps(graph, path))
        {
            if (step.IsVertex)
            {
                var nodeBroken = strictProfile.VertexVerdict(graph, step.Vertex).Broken;
                foreach (var violation in nodeBroken.AsSpan())
                {
                    blockers.Add(NodeBlocker(step.Vertex, violation, strictProfile.Settings, lang));
                }
                if (nodeBroken.Any)
                {
                    open = default;
                }
                continue;
            }
            if (step.IsPartial && step.LengthM < CompiledProfile.NegligibleM)
            {
                continue;
            }
            var broken = strictProfile.EdgeVerdict(graph, step.Edge, step.Backward).Broken;
            long wayId = graph.EdgeOsmWayId[step.Edge];
            foreach (var violation in broken.AsSpan())
            {
                if (wayId != openWayId || !open.AsSpan().Contains(violation))
                {
                    blockers.Add(EdgeBlocker(step.Edge, violation, strictProfile.Settings, lang));
                }
            }
            (openWayId, open) = (wayId, broken);
        }
        return blockers;
    }

    /// <summary>
    /// The blocker of a route that climbs more than <paramref name="budgetM"/> in total (it has heights): placed where
    /// the climb passes the budget, on the way there.
    /// </summary>
    public static Blocker ClimbBlocker(Route route, double budgetM, string language)
    {
        var lang = RouteTexts.LanguageOf(language);
        var elevation = route.Elevation ?? throw new ArgumentException("a route without heights has no climb", nameof(route));
        int point = Effort.ClimbBudget.PointWhereSpent(elevation, budgetM);
        var segment = route.Segments.FirstOrDefault(s => s.LastPoint >= point) ?? route.Segments[^1];
        string place = RouteTexts.Format("place.way", lang, WayNames.Of(segment.Name, segment.Highway, lang, WayCase.On));
        // Up to the next metre, so that a budget lifted to the value named holds the route.
        var violation = new Violation(Constraint.Climb, Math.Ceiling(elevation.AscentM), budgetM, "m", Evidence: ViolationEvidence.Derived);
        return new Blocker(violation, BlockerMessage(violation, place, null, route.Summary.Profile, lang), route.Geometry[point], segment.OsmWayId, null);
    }

    /// <summary>
    /// The blocker when not even the relaxed profile finds a path: the points lie in separate parts of the network, so
    /// no limit is to blame. Placed at the destination, on its way.
    /// </summary>
    public Blocker NotConnected(in SnapPoint to, string language) =>
        new(new Violation(Constraint.NotConnected), RouteTexts.Get("blocker.not_connected", RouteTexts.LanguageOf(language)),
            to.Point, graph.EdgeOsmWayId[to.Edge], null);

    private List<RoutePiece> BuildPieces(IReadOnlyList<SearchPath> legs, CompiledProfile profile, List<GeoPoint> geometry,
        out double trailingVertexDurationS)
    {
        // Sized at once: a piece per arc, and a start and an end piece per leg.
        int pieceCount = 0;
        for (int leg = 0; leg < legs.Count; leg++)
        {
            pieceCount += legs[leg].Arcs.Count + 2;
        }
        var pieces = new List<RoutePiece>(pieceCount);
        var steps = EdgeStepLengths.Of(graph);
        var edgePoints = new List<(int LatE7, int LonE7)>();
        var points = new List<GeoPoint>();
        AddPoint(geometry, legs[0].From.Point);
        int pendingVertex = -1; // passed, and waiting for the piece it belongs to
        double distanceM = 0;
        for (int leg = 0; leg < legs.Count; leg++)
        {
            var path = legs[leg];
            bool afterVia = leg > 0;
            int legFirstPiece = pieces.Count;
            foreach (var step in PathWalk.Steps(graph, path))
            {
                if (step.IsVertex)
                {
                    // A via point on a vertex ends one leg and starts the next there: the vertex is passed once.
                    pendingVertex = step.Vertex;
                    continue;
                }
                if (step.IsPartial && step.LengthM < CompiledProfile.NegligibleM)
                {
                    continue;
                }
                EdgeShape.Part(graph, steps, step.Edge, step.FromOffsetM, step.ToOffsetM, edgePoints, points);
                if (pieces.Count == legFirstPiece)
                {
                    // The leg starts exactly at its snapped point, also where a start stretch of no length was skipped.
                    points[0] = path.From.Point;
                }
                int firstPoint = AddPoint(geometry, points[0]);
                for (int i = 1; i < points.Count; i++)
                {
                    AddPoint(geometry, points[i]);
                }
                pieces.Add(new RoutePiece(step.Edge, step.Backward, step.LengthM, step.FromOffsetM, pendingVertex, afterVia, leg, distanceM,
                    firstPoint, geometry.Count - 1, profile.EdgeVerdict(graph, step.Edge, step.Backward),
                    pendingVertex >= 0 ? profile.VertexVerdict(graph, pendingVertex) : default));
                distanceM += step.LengthM;
                pendingVertex = -1;
                afterVia = false;
            }
            if (pieces.Count > legFirstPiece && (geometry.Count < 2 || !SamePoint(geometry[^2], path.To.Point)))
            {
                // ... and ends exactly at its snapped point: the last piece's end is replaced, not followed, by it
                // (unless that would repeat the point before; then the two lie within a centimetre anyway).
                geometry[^1] = path.To.Point;
            }
            else
            {
                AddPoint(geometry, path.To.Point);
            }
        }
        // A route that ends exactly on a vertex still passes it (the search paid for it on arrival).
        trailingVertexDurationS = pendingVertex >= 0 ? profile.VertexVerdict(graph, pendingVertex).DurationS : 0;
        return pieces;
    }

    /// <summary>
    /// An upper bound on the route's points, so that the geometry is allocated once: every point of every edge the legs
    /// travel, a point to start with and each leg's end. (Two per arc fell short on shaped edges: a route of 80 arcs
    /// has about 200 points, and the list grew twice.)
    /// </summary>
    private int GeometryCapacity(IReadOnlyList<SearchPath> legs)
    {
        int points = 1;
        for (int leg = 0; leg < legs.Count; leg++)
        {
            var path = legs[leg];
            points += EdgePolylines.PointCount(graph, path.From.Edge) + EdgePolylines.PointCount(graph, path.To.Edge) + 1;
            var arcs = path.Arcs;
            for (int i = 0; i < arcs.Count; i++)
            {
                points += EdgePolylines.PointCount(graph, arcs[i] >> 1);
            }
        }
        return points;
    }

    /// <summary>Appends a point unless it repeats the last one (at the graph's 1e-7 degree precision); returns its index.</summary>
    private static int AddPoint(List<GeoPoint> geometry, GeoPoint point)
    {
        if (geometry.Count > 0 && SamePoint(geometry[^1], point))
        {
            return geometry.Count - 1;
        }
        geometry.Add(point);
        return geometry.Count - 1;
    }

    private static bool SamePoint(GeoPoint a, GeoPoint b) =>
        Coordinates.ToE7(a.Lat) == Coordinates.ToE7(b.Lat) && Coordinates.ToE7(a.Lon) == Coordinates.ToE7(b.Lon);

    private List<AssembledSegment> BuildSegments(ReadOnlySpan<RoutePiece> pieces, CompiledProfile profile, List<GeoPoint> geometry,
        double trailingVertexDurationS)
    {
        // At most a segment per piece; sized at once, not grown from empty.
        var segments = new List<AssembledSegment>(pieces.Length);
        int first = 0;
        for (int i = 1; i <= pieces.Length; i++)
        {
            if (i == pieces.Length || StartsSegment(pieces[i - 1], pieces[i]))
            {
                double extraDurationS = i == pieces.Length ? trailingVertexDurationS : 0;
                segments.Add(BuildSegment(pieces, first, i - 1, segments.Count > 0 ? segments[^1] : null, profile, geometry, extraDurationS));
                first = i;
            }
        }
        return segments;
    }

    /// <summary>
    /// A new segment starts after a via point, at a vertex with facts (kerb, barrier, elevator, crossing node), on
    /// another way or other facts, and where the direction of travel over a sloped way turns around.
    /// </summary>
    private bool StartsSegment(in RoutePiece previous, in RoutePiece next) =>
        next.AfterVia
        || next.StartVertex < 0
        || graph.VertexNodeClass[next.StartVertex] != 0
        || graph.EdgeOsmWayId[previous.Edge] != graph.EdgeOsmWayId[next.Edge]
        || graph.EdgeClassId[previous.Edge] != graph.EdgeClassId[next.Edge]
        || (previous.Backward != next.Backward && graph.ClassOfEdge(next.Edge).InclineKind != InclineKind.Unknown);

    private AssembledSegment BuildSegment(ReadOnlySpan<RoutePiece> pieces, int firstIndex, int lastIndex, AssembledSegment? previous,
        CompiledProfile profile, List<GeoPoint> geometry, double extraDurationS)
    {
        var settings = profile.Settings;
        ref readonly var first = ref pieces[firstIndex];
        var edgeClass = graph.ClassOfEdge(first.Edge);
        int vertex = first.StartVertex;
        var node = vertex >= 0 ? graph.ClassOfVertex(vertex) : default;
        double distanceM = 0, durationS = extraDurationS, costS = extraDurationS;
        var unknown = UnknownFacts.None;
        List<Violation>? violations = null;
        for (int i = firstIndex; i <= lastIndex; i++)
        {
            ref readonly var piece = ref pieces[i];
            distanceM += piece.LengthM;
            durationS += piece.DurationS;
            costS += piece.CostS;
            unknown |= piece.Unknown | piece.StartVertexUnknown;
            if (piece.HasViolation)
            {
                violations ??= [];
                AddOnce(violations, piece.StartVertex >= 0 ? profile.VertexVerdict(graph, piece.StartVertex).Broken : default);
                AddOnce(violations, profile.EdgeVerdict(graph, piece.Edge, piece.Backward).Broken);
            }
        }

        // Whether this segment carries on directly from the previous one (no via point, no gap).
        bool continues = previous is not null && !first.AfterVia && vertex >= 0;
        long wayId = graph.EdgeOsmWayId[first.Edge];
        bool edgeElevator = edgeClass.IsElevator;
        bool elevatorEvent = node.Has(NodeFlags.Elevator)
                             || (edgeElevator && !(continues && previous!.Class.IsElevator && previous.Segment.OsmWayId == wayId));
        var crossingEvent = CrossingKind.None;
        if (edgeClass.Crossing != CrossingKind.None)
        {
            bool sameCrossing = continues && previous!.Class.Crossing != CrossingKind.None && previous.Segment.OsmWayId == wayId;
            crossingEvent = sameCrossing ? CrossingKind.None : edgeClass.Crossing;
        }
        else if (node.Crossing != CrossingKind.None && continues && IsOffRoad(previous!.Class) && IsOffRoad(edgeClass))
        {
            // A footway that meets a road at a crossing node and goes on beyond it crosses the road there.
            crossingEvent = node.Crossing;
        }

        var (kerb, kerbOnVertex) = KerbAtStart(first, node, edgeClass, geometry);
        // Segments break where the class or the direction changes, so one slope serves the whole segment.
        var slope = SlopeFact.Of(edgeClass, first.Backward);
        double? chanceBeyondLimit = settings.MaxInclineUpPct is null && settings.MaxInclineDownPct is null
            ? null
            : slope?.ChanceBeyond(settings.MaxInclineUpPct, settings.MaxInclineDownPct);
        bool steps = edgeClass.Has(EdgeFlags.Steps);
        var segment = new RouteSegment
        {
            DistanceM = distanceM,
            DurationS = durationS,
            CostS = costS,
            FirstPoint = first.FirstPoint,
            LastPoint = pieces[lastIndex].LastPoint,
            OsmWayId = wayId,
            Name = graph.EdgeName(first.Edge),
            Highway = FactNames.Of(edgeClass.Highway),
            Surface = edgeClass.Surface == SurfaceKind.Unknown || edgeClass.SurfaceEvidence == Evidence.Unknown
                ? new(null, Evidence.Unknown)
                : new(FactNames.Of(edgeClass.Surface), edgeClass.SurfaceEvidence),
            Smoothness = edgeClass.Smoothness == Smoothness.Unknown || edgeClass.SmoothnessEvidence == Evidence.Unknown
                ? new(null, Evidence.Unknown)
                : new(FactNames.Of(edgeClass.Smoothness), edgeClass.SmoothnessEvidence),
            WidthCm = edgeClass.WidthCm == 0 || edgeClass.WidthEvidence == Evidence.Unknown
                ? new(null, Evidence.Unknown)
                : new(edgeClass.WidthCm, edgeClass.WidthEvidence),
            InclinePct = slope is { } s ? new(s.ValuePct, s.Evidence) : new(null, Evidence.Unknown),
            AverageInclinePct = slope?.AveragePct,
            InclineConfidence = edgeClass.InclineConfidence,
            ChanceBeyondLimit = chanceBeyondLimit,
            Steep = RouteWarnings.SteepDirection(steps, slope?.ValuePct, edgeClass.InclineConfidence, chanceBeyondLimit, settings),
            Violations = violations ?? [],
            InclineDirection = (edgeClass.InclineKind, first.Backward) switch
            {
                (InclineKind.UpNoValue, false) or (InclineKind.DownNoValue, true) => "up",
                (InclineKind.DownNoValue, false) or (InclineKind.UpNoValue, true) => "down",
                _ => null,
            },
            KerbAtStart = kerb,
            BarrierAtStart = node.Barrier is BarrierKind.None or BarrierKind.Kerb
                ? null
                : new BarrierPassage(FactNames.Of(node.Barrier), node.WidthCm == 0 ? null : node.WidthCm, graph.VertexOsmNodeId[vertex], VertexPoint(vertex)),
            Crossing = edgeClass.Crossing == CrossingKind.None ? null : FactNames.Of(edgeClass.Crossing),
            Elevator = edgeElevator || node.Has(NodeFlags.Elevator),
            Steps = steps,
            Ramp = HasUsableRamp(edgeClass, settings),
            Sidewalk = edgeClass.Sidewalk == SidewalkKind.Present || edgeClass.Highway == HighwayKind.Sidewalk,
            Unknown = unknown,
        };
        return new AssembledSegment(segment, firstIndex, lastIndex, first.StartDistanceM, first.AfterVia, vertex, edgeClass,
            kerbOnVertex, crossingEvent, elevatorEvent);
    }

    /// <summary>
    /// The kerb where a segment starts: on its start vertex, else tagged on its edge (<c>kerb:start</c>/<c>kerb:end</c> of a
    /// crossing way, which the importer keeps on the way's first or last edge). An edge kerb is placed at the end of the
    /// edge where its way ends, when exactly one end does; otherwise at the segment start, without a node.
    /// </summary>
    private (KerbCrossing? Kerb, bool OnVertex) KerbAtStart(in RoutePiece first, in NodeClass node, in EdgeClass edgeClass, List<GeoPoint> geometry)
    {
        if (node.Kerb != KerbKind.None)
        {
            int vertex = first.StartVertex;
            return (new KerbCrossing(FactNames.Of(node.Kerb), KerbHeight(node.KerbEvidence, node.KerbHeightCm),
                graph.VertexOsmNodeId[vertex], VertexPoint(vertex)), true);
        }
        if (edgeClass.Kerb == KerbKind.None)
        {
            return (null, false);
        }
        int wayEnd = WayEndOf(first.Edge);
        return (new KerbCrossing(FactNames.Of(edgeClass.Kerb), KerbHeight(edgeClass.KerbEvidence, edgeClass.KerbHeightCm),
            wayEnd >= 0 ? graph.VertexOsmNodeId[wayEnd] : null,
            wayEnd >= 0 ? VertexPoint(wayEnd) : geometry[first.FirstPoint]), false);
    }

    private static void AddOnce(List<Violation> violations, BrokenLimits broken)
    {
        foreach (var violation in broken.AsSpan())
        {
            if (!violations.Contains(violation))
            {
                violations.Add(violation);
            }
        }
    }

    private static Fact<int?> KerbHeight(Evidence evidence, byte heightCm) =>
        evidence == Evidence.Unknown ? new(null, Evidence.Unknown) : new(heightCm, evidence);

    /// <summary>The end vertex of an edge at which its OSM way ends (no other edge of the way there), or -1 unless exactly one end qualifies.</summary>
    private int WayEndOf(int edge)
    {
        bool fromIsEnd = IsWayEnd(edge, graph.EdgeFrom[edge]);
        bool toIsEnd = IsWayEnd(edge, graph.EdgeTo[edge]);
        return fromIsEnd == toIsEnd ? -1 : fromIsEnd ? graph.EdgeFrom[edge] : graph.EdgeTo[edge];
    }

    private bool IsWayEnd(int edge, int vertex)
    {
        long wayId = graph.EdgeOsmWayId[edge];
        for (int i = graph.FirstArc[vertex]; i < graph.FirstArc[vertex + 1]; i++)
        {
            int other = graph.Arcs[i] >> 1;
            if (other != edge && graph.EdgeOsmWayId[other] == wayId)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A way that is neither a road nor a crossing: footways, paths, sidewalks mapped on their own.</summary>
    private static bool IsOffRoad(in EdgeClass edgeClass) =>
        edgeClass.Sidewalk == SidewalkKind.NotARoad && edgeClass.Crossing == CrossingKind.None;

    /// <summary>Steps with a ramp this profile can use (the same reading as the profile rules).</summary>
    private static bool HasUsableRamp(in EdgeClass edgeClass, ProfileSettings settings) =>
        edgeClass.Has(EdgeFlags.Steps)
        && (settings.UsesWheelchair
            ? edgeClass.Has(EdgeFlags.WheelchairRamp)
            : (edgeClass.Flags & (EdgeFlags.WheelchairRamp | EdgeFlags.StrollerRamp)) != 0);

    private GeoPoint VertexPoint(int vertex) => GeoPoint.OfVertex(graph, vertex);

    /// <summary>
    /// Unknown shares are shares of distance, so they count the edges' unknown facts (an edge kerb of unknown height
    /// included); a node of unknown facts has no length and is reported on its segment and by a warning instead.
    /// </summary>
    private static RouteSummary Summarise(ReadOnlySpan<RoutePiece> pieces, List<AssembledSegment> segments, double distanceM, ProfileSettings settings)
    {
        // One pass over the pieces for all the facts, each summed in route order.
        double anyUnknownM = 0;
        Span<double> unknownM = stackalloc double[ReportedUnknowns.Length];
        foreach (ref readonly var piece in pieces)
        {
            var unknown = piece.Unknown;
            if (unknown == UnknownFacts.None)
            {
                continue;
            }
            anyUnknownM += piece.LengthM;
            for (int f = 0; f < ReportedUnknowns.Length; f++)
            {
                if ((unknown & ReportedUnknowns[f]) != 0)
                {
                    unknownM[f] += piece.LengthM;
                }
            }
        }
        var shareByFact = new Dictionary<string, double>(ReportedUnknowns.Length, StringComparer.Ordinal);
        for (int f = 0; f < ReportedUnknowns.Length; f++)
        {
            shareByFact[FactNames.Of(ReportedUnknowns[f])] = Share(unknownM[f], distanceM);
        }
        int kerbs = 0, crossings = 0, elevators = 0;
        foreach (var segment in segments)
        {
            kerbs += segment.Segment.KerbAtStart is null ? 0 : 1;
            crossings += segment.CrossingEvent == CrossingKind.None ? 0 : 1;
            elevators += segment.ElevatorEvent ? 1 : 0;
        }
        return new RouteSummary
        {
            UnknownShare = Share(anyUnknownM, distanceM),
            UnknownShareByFact = shareByFact,
            KerbsCrossed = kerbs,
            Crossings = crossings,
            Elevators = elevators,
            Profile = settings,
        };
    }

    private static double Share(double partM, double totalM) => totalM > 0 ? Math.Min(1, partM / totalM) : 0;

    private SnappedWaypoint Waypoint(GeoPoint requested, in SnapPoint snapped) =>
        new(requested, snapped.Point, snapped.DistanceM, graph.EdgeOsmWayId[snapped.Edge]);

    private static BoundingBox BoundsOf(List<GeoPoint> geometry)
    {
        if (geometry.Count == 0)
        {
            return default;
        }
        var bounds = GeoBounds.Of(geometry);
        return new BoundingBox(bounds.MinLat, bounds.MinLon, bounds.MaxLat, bounds.MaxLon);
    }

    private Blocker EdgeBlocker(int edge, Violation violation, ProfileSettings settings, TextLanguage language)
    {
        long wayId = graph.EdgeOsmWayId[edge];
        string place = EdgePlace(edge, kindSaid: violation.Constraint == Constraint.Steps, language);
        var edgeClass = graph.ClassOfEdge(edge);
        string? fact = violation.Constraint switch
        {
            Constraint.Surface => FactNames.Of(edgeClass.Surface),
            Constraint.Smoothness => FactNames.Of(edgeClass.Smoothness),
            _ => null,
        };
        var middle = EdgeShape.PointAt(graph, edge, graph.EdgeLengthCm[edge] / 200.0);
        return new Blocker(violation, BlockerMessage(violation, place, fact, settings, language), middle, wayId, null);
    }

    /// <summary>A live elevator out of service as a blocker: "elevator at … out of service since … (live status) at node …".</summary>
    internal Blocker LiveBlocker(PinnedBarrier pinned, ProfileSettings settings, string languageCode)
    {
        var language = RouteTexts.LanguageOf(languageCode);
        var violation = BarrierEffects.Reported(pinned.Report, null);
        long? nodeId = pinned.Vertices.Count > 0 ? graph.VertexOsmNodeId[pinned.Vertices[0]] : null;
        long? wayId = nodeId is null && pinned.Edges.Count > 0 ? graph.EdgeOsmWayId[pinned.Edges[0]] : null;
        string place = pinned.Vertices.Count > 0 ? NodePlace(pinned.Vertices[0], language)
            : pinned.Edges.Count > 0 ? RouteTexts.Format("place.way", language, WayOf(pinned.Edges[0], language))
            : "";
        return new Blocker(violation, BlockerMessage(violation, place, null, settings, language), pinned.Pin.PinnedPoint ?? default, wayId, nodeId);
    }

    private Blocker NodeBlocker(int vertex, Violation violation, ProfileSettings settings, TextLanguage language)
    {
        long nodeId = graph.VertexOsmNodeId[vertex];
        string place = NodePlace(vertex, language);
        string barrier = RouteTexts.Get("barrier." + FactNames.Of(graph.ClassOfVertex(vertex).Barrier), language);
        return new Blocker(violation, BlockerMessage(violation, place, barrier, settings, language), VertexPoint(vertex), null, nodeId);
    }

    /// <summary>
    /// A way as a blocker names it, by street ("Schloßberg", German "dem Schloßberg") or, unnamed, by kind ("the
    /// footway"): people do not read OSM ids; the blocker keeps <c>osm_way_id</c> for planners.
    /// </summary>
    private string WayOf(int edge, TextLanguage language) =>
        WayNames.Of(graph.EdgeName(edge), FactNames.Of(graph.ClassOfEdge(edge).Highway), language, WayCase.On);

    /// <summary>
    /// Where an edge is, for a blocker: its street ("on Schloßberg"), or for an unnamed way its kind and the named way
    /// it joins ("on the footway by Hauptstraße"), so that two flights of steps are told apart without OSM ids.
    /// </summary>
    /// <param name="kindSaid">The blocker names the way's kind itself (steps): only the named way is added ("steps by Hauptstraße").</param>
    private string EdgePlace(int edge, bool kindSaid, TextLanguage language)
    {
        if (graph.EdgeNameId[edge] != 0)
        {
            return RouteTexts.Format("place.way", language, WayOf(edge, language));
        }
        int named = NamedNeighbour(edge);
        return (named < 0, kindSaid) switch
        {
            (true, true) => "",
            (true, false) => RouteTexts.Format("place.way", language, WayOf(edge, language)),
            (false, true) => RouteTexts.Format("place.by", language, WayOf(named, language)),
            (false, false) => RouteTexts.Format("place.way_by", language, WayOf(edge, language), WayOf(named, language)),
        };
    }

    /// <summary>
    /// The nearest named edge to <paramref name="edge"/> in edges walked (breadth first, at most three edges away, as
    /// steps reach a street over a footway or two); -1 when none is that near.
    /// </summary>
    private int NamedNeighbour(int edge)
    {
        const int MaxHops = 3;
        var frontier = new List<int>(8) { graph.EdgeFrom[edge], graph.EdgeTo[edge] };
        var seen = new HashSet<int>(frontier);
        for (int hop = 0; hop < MaxHops && frontier.Count > 0; hop++)
        {
            var next = new List<int>(frontier.Count * 3);
            foreach (int vertex in frontier)
            {
                for (int i = graph.FirstArc[vertex]; i < graph.FirstArc[vertex + 1]; i++)
                {
                    int other = graph.Arcs[i] >> 1;
                    if (graph.EdgeNameId[other] != 0)
                    {
                        return other;
                    }
                    int far = graph.EdgeFrom[other] == vertex ? graph.EdgeTo[other] : graph.EdgeFrom[other];
                    if (seen.Add(far))
                    {
                        next.Add(far);
                    }
                }
            }
            frontier = next;
        }
        return -1;
    }

    /// <summary>
    /// A point named by the way it lies on, a named one when several meet there ("at a point on Hauptstraße"); the
    /// blocker keeps <c>osm_node_id</c> for planners.
    /// </summary>
    private string NodePlace(int vertex, TextLanguage language)
    {
        int chosen = -1;
        for (int i = graph.FirstArc[vertex]; i < graph.FirstArc[vertex + 1]; i++)
        {
            int edge = graph.Arcs[i] >> 1;
            if (chosen < 0 || (graph.EdgeNameId[chosen] == 0 && graph.EdgeNameId[edge] != 0))
            {
                chosen = edge;
            }
        }
        return chosen < 0 ? "" : RouteTexts.Format("place.node", language, WayOf(chosen, language));
    }

    /// <summary>One line naming constraint, place and magnitude: "kerb 12 cm at node 456, limit 3 cm".</summary>
    /// <param name="fact">The offending value where the violation does not carry it: surface, smoothness, barrier name.</param>
    private static string BlockerMessage(Violation violation, string place, string? fact, ProfileSettings settings, TextLanguage language)
    {
        if (violation.Live is { } live)
        {
            return RouteTexts.Format("blocker.live_elevator", language, place, live.Name, RouteTexts.Instant(live.Since));
        }
        string Measure(double? value, string format) => value is { } v ? RouteTexts.Number(v, format, language) : "?";
        var (value, limit) = violation.Constraint switch
        {
            Constraint.Surface => (RouteTexts.Surface(fact ?? violation.Detail ?? "unknown", language), ""),
            Constraint.Smoothness => (RouteTexts.Smoothness(fact ?? "unknown", language), RouteTexts.Smoothness(settings.MinSmoothness ?? "unknown", language)),
            Constraint.Barrier => (fact ?? violation.Detail ?? "?", ""),
            Constraint.InclineUp or Constraint.InclineDown => (Measure(violation.Actual, "0.0"), Measure(violation.Limit, "0.#")),
            Constraint.Kerb or Constraint.Width or Constraint.Climb => (Measure(violation.Actual, "0"), Measure(violation.Limit, "0")),
            Constraint.Reported => (violation.ReportKind is { } kind ? RouteTexts.Get("report." + FactNames.Of(kind), language) : "?",
                violation.ReportId?.ToString() ?? "?"),
            _ => ("", ""),
        };
        return RouteTexts.Format("blocker." + FactNames.Of(violation.Constraint), language, place, value, limit).Trim();
    }
}
