using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>
/// One stretch of one edge as the route travels it, with what the profile makes of it. Built once by the assembler and
/// read by the segment, instruction and warning passes, so that none of them re-derives the path.
/// <para>
/// A struct the passes read in place from one list (a route has a piece per edge), and without the two verdicts: they
/// made a piece some 300 bytes, mostly their two violations, which a found path hardly ever has (a strict profile
/// blocks them). A piece keeps the sums and flags the passes read, and whether it has a violation; the segment pass
/// asks the profile again for those few.
/// </para>
/// </summary>
internal readonly record struct RoutePiece
{
    /// <param name="verdict">The profile's verdict on the stretch's edge in its direction.</param>
    /// <param name="startVertexVerdict">The verdict on <paramref name="startVertex"/> (default when there is none).</param>
    public RoutePiece(int edge, bool backward, double lengthM, double fromOffsetM, int startVertex, bool afterVia, int leg, double startDistanceM,
        int firstPoint, int lastPoint, in ArcVerdict verdict, in NodeVerdict startVertexVerdict)
    {
        Edge = edge;
        Backward = backward;
        LengthM = lengthM;
        FromOffsetM = fromOffsetM;
        StartVertex = startVertex;
        AfterVia = afterVia;
        Leg = leg;
        StartDistanceM = startDistanceM;
        FirstPoint = firstPoint;
        LastPoint = lastPoint;
        DurationS = (lengthM * verdict.DurationSecondsPerMetre) + verdict.FixedDurationS + startVertexVerdict.DurationS;
        CostS = (lengthM * verdict.DurationSecondsPerMetre * verdict.CostFactor) + verdict.FixedDurationS + verdict.PenaltyS
                + startVertexVerdict.DurationS + startVertexVerdict.PenaltyS;
        Unknown = verdict.Unknown;
        StartVertexUnknown = startVertexVerdict.Unknown;
        HasViolation = verdict.Violation is not null || startVertexVerdict.Violation is not null;
    }

    public int Edge { get; }
    public bool Backward { get; }
    public double LengthM { get; }
    /// <summary>Where the stretch starts on its edge: metres from the edge's <c>EdgeFrom</c> (it runs towards lower offsets when <see cref="Backward"/>).</summary>
    public double FromOffsetM { get; }
    /// <summary>The vertex passed just before this piece, or -1 when the piece starts at a snapped point.</summary>
    public int StartVertex { get; }
    /// <summary>The piece starts a leg after a via point.</summary>
    public bool AfterVia { get; }
    public int Leg { get; }
    /// <summary>Route distance at the start of the piece.</summary>
    public double StartDistanceM { get; }
    public int FirstPoint { get; }
    public int LastPoint { get; }

    /// <summary>Physical time: travelling the stretch plus passing the vertex before it (no cost factors or penalties).</summary>
    public double DurationS { get; }

    /// <summary>What the profile charges for it: the duration with cost factor and penalties of the stretch and the vertex.</summary>
    public double CostS { get; }

    /// <summary>The facts of the stretch the profile cares about but the map does not know.</summary>
    public UnknownFacts Unknown { get; }
    /// <summary>The same of <see cref="StartVertex"/>.</summary>
    public UnknownFacts StartVertexUnknown { get; }
    /// <summary>The verdict on the stretch or on <see cref="StartVertex"/> names a broken limit.</summary>
    public bool HasViolation { get; }
}

/// <summary>A finished segment with what the instruction and warning passes need to know beyond the public record.</summary>
/// <param name="FirstPiece">Index of its first piece; pieces <c>FirstPiece..LastPiece</c> make it up.</param>
/// <param name="Class">The facts of its edges (all equal by construction).</param>
/// <param name="KerbOnVertex">The kerb at its start sits on the start vertex (not on the edge).</param>
/// <param name="CrossingEvent">The street crossing that starts here, or <see cref="CrossingKind.None"/>.</param>
/// <param name="ElevatorEvent">An elevator ride starts here.</param>
internal sealed record AssembledSegment(
    RouteSegment Segment,
    int FirstPiece,
    int LastPiece,
    double StartDistanceM,
    bool AfterVia,
    int StartVertex,
    EdgeClass Class,
    bool KerbOnVertex,
    CrossingKind CrossingEvent,
    bool ElevatorEvent)
{
    /// <summary>Two segments are on the same street for instructions when their names (or, unnamed, their kinds) agree.</summary>
    public bool SameStreetAs(AssembledSegment other) =>
        Segment.Name == other.Segment.Name && (Segment.Name.Length > 0 || Segment.Highway == other.Segment.Highway);
}
