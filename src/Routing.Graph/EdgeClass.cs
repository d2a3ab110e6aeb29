using System.Runtime.InteropServices;
using Routing.Graph.Facts;

namespace Routing.Graph;

/// <summary>Boolean facts of an edge.</summary>
[Flags]
public enum EdgeFlags : ushort
{
    None = 0,
    Steps = 1 << 0,
    /// <summary>Steps with a usable wheelchair ramp (<c>ramp:wheelchair=yes</c>, or <c>wheelchair=yes</c> on steps).</summary>
    WheelchairRamp = 1 << 1,
    /// <summary>Steps with a pushchair ramp (<c>ramp:stroller=yes</c>).</summary>
    StrollerRamp = 1 << 2,
    /// <summary>Escalator or moving walkway (<c>conveying=*</c>): never for wheelchairs.</summary>
    Conveying = 1 << 3,
    Elevator = 1 << 4,
    Construction = 1 << 5,
    /// <summary>A straight link across a pedestrian area, made by the importer between two of its entry nodes.</summary>
    AreaCrossing = 1 << 6,
    Bridge = 1 << 7,
    Tunnel = 1 << 8,
    Covered = 1 << 9,
    TactilePaving = 1 << 10,
    AcousticSignals = 1 << 11,
    /// <summary><c>sac_scale</c> beyond <c>hiking</c>: a mountain trail, not for wheels.</summary>
    DifficultTrail = 1 << 12,
    /// <summary>Passable only forwards (escalators, <c>oneway:foot=yes</c>).</summary>
    ForwardOnly = 1 << 13,
    /// <summary>Passable only backwards (<c>conveying=backward</c>, <c>oneway:foot=-1</c>).</summary>
    BackwardOnly = 1 << 14,
}

/// <summary>
/// The accessibility facts of an edge, stored once per distinct combination. No cost is baked in: a profile turns
/// each class into a cost factor per request. Incline values are signed in the edge's forward direction.
/// The layout is fixed (file section <c>ECLS</c>); change it only together with <see cref="Format.GraphFormat.Version"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public record struct EdgeClass
{
    public HighwayKind Highway;
    public SurfaceKind Surface;
    public Evidence SurfaceEvidence;
    public Smoothness Smoothness;
    public Evidence SmoothnessEvidence;
    /// <summary><c>tracktype=gradeN</c> as N, 0 when untagged.</summary>
    public byte TrackGrade;
    /// <summary>Usable width in cm, 0 when unknown.</summary>
    public ushort WidthCm;
    public Evidence WidthEvidence;
    public InclineKind InclineKind;
    public Evidence InclineEvidence;
    /// <summary>Average incline in the forward direction, per mille (80 = 8 % up).</summary>
    public short InclinePermille;
    /// <summary>
    /// Steepest sustained incline (over 30 m) in the forward direction, per mille: for a tag, the tagged value; for a
    /// terrain model, the mean of the true incline given its reading (<see cref="Facts.SlopeChance"/>). Every answer
    /// shows this value, and every limit is checked against it.
    /// </summary>
    public short SteepestInclinePermille;
    /// <summary>How far a derived incline can be trusted; <see cref="InclineConfidence.Measured"/> for a tagged one.</summary>
    public InclineConfidence InclineConfidence;
    /// <summary>
    /// The standard deviation of the true incline around <see cref="SteepestInclinePermille"/>, per mille: 0 for a tag
    /// (a fact), whole percent for a terrain model. With the mean it gives the chance that a limit is broken.
    /// </summary>
    public short InclineSpreadPermille;
    /// <summary>A kerb on the edge itself (<c>kerb:start</c>/<c>kerb:end</c> on crossing ways, <c>sidewalk:*:kerb</c>).</summary>
    public KerbKind Kerb;
    public Evidence KerbEvidence;
    /// <summary>Kerb height in cm, meaningful when <see cref="KerbEvidence"/> is not unknown.</summary>
    public byte KerbHeightCm;
    public WheelchairTag Wheelchair;
    public AccessKind Access;
    public SidewalkKind Sidewalk;
    public CrossingKind Crossing;
    public EdgeFlags Flags;

    public readonly bool Has(EdgeFlags flag) => (Flags & flag) == flag;

    /// <summary>A lift: <c>highway=elevator</c> or a way flagged as one.</summary>
    public readonly bool IsElevator => Has(EdgeFlags.Elevator) || Highway == HighwayKind.Elevator;
}
