using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>
/// One stretch of one edge as the route travels it, with what the profile makes of it. Built once by the assembler and
/// read by the segment, instruction and warning passes, so that none of them re-derives the path.
/// </summary>
internal sealed record RoutePiece
{
    public required int Edge { get; init; }
    public required bool Backward { get; init; }
    public required double LengthM { get; init; }
    /// <summary>Where the stretch starts on its edge: metres from the edge's <c>EdgeFrom</c> (it runs towards lower offsets when <see cref="Backward"/>).</summary>
    public required double FromOffsetM { get; init; }
    /// <summary>The vertex passed just before this piece, or -1 when the piece starts at a snapped point.</summary>
    public required int StartVertex { get; init; }
    /// <summary>The piece starts a leg after a via point.</summary>
    public required bool AfterVia { get; init; }
    public required int Leg { get; init; }
    /// <summary>Route distance at the start of the piece.</summary>
    public required double StartDistanceM { get; init; }
    public required int FirstPoint { get; init; }
    public required int LastPoint { get; init; }
    public required ArcVerdict Verdict { get; init; }
    /// <summary>The verdict on <see cref="StartVertex"/> (default when there is none).</summary>
    public required NodeVerdict StartVertexVerdict { get; init; }

    /// <summary>Physical time: travelling the stretch plus passing the vertex before it (no cost factors or penalties).</summary>
    public double DurationS => (LengthM * Verdict.DurationSecondsPerMetre) + Verdict.FixedDurationS + StartVertexVerdict.DurationS;

    /// <summary>What the profile charges for it: the duration with cost factor and penalties of the stretch and the vertex.</summary>
    public double CostS => (LengthM * Verdict.DurationSecondsPerMetre * Verdict.CostFactor) + Verdict.FixedDurationS + Verdict.PenaltyS
                           + StartVertexVerdict.DurationS + StartVertexVerdict.PenaltyS;
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
    /// <summary>What the segment is called in instructions: its street name, else a description of its kind.</summary>
    public string Label(TextLanguage language) =>
        Segment.Name.Length > 0 ? Segment.Name : RouteTexts.Get("way." + Segment.Highway, language);

    /// <summary>Two segments are on the same street for instructions when their names (or, unnamed, their kinds) agree.</summary>
    public bool SameStreetAs(AssembledSegment other) =>
        Segment.Name == other.Segment.Name && (Segment.Name.Length > 0 || Segment.Highway == other.Segment.Highway);
}
