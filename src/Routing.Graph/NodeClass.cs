using System.Runtime.InteropServices;
using Routing.Graph.Facts;

namespace Routing.Graph;

[Flags]
public enum NodeFlags : byte
{
    None = 0,
    Elevator = 1 << 0,
    Entrance = 1 << 1,
    AutomaticDoor = 1 << 2,
    TrafficSignals = 1 << 3,
    TactilePaving = 1 << 4,
    /// <summary>The node closes the way for pedestrians (<c>access=no</c> or <c>foot=no</c> on a barrier).</summary>
    NoAccess = 1 << 5,
    /// <summary>Crossing signals that sound for blind people (<c>traffic_signals:sound=yes</c>).</summary>
    AcousticSignals = 1 << 6,
}

/// <summary>
/// The accessibility facts of a vertex: kerbs, barriers, elevators, doors, crossings. Class 0 is always the plain
/// node with no facts. Fixed layout (file section <c>NCLS</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public record struct NodeClass
{
    public BarrierKind Barrier;
    public KerbKind Kerb;
    public Evidence KerbEvidence;
    /// <summary>Kerb height in cm, meaningful when <see cref="KerbEvidence"/> is not unknown.</summary>
    public byte KerbHeightCm;
    public WheelchairTag Wheelchair;
    /// <summary>Clear width in cm (barrier opening, door), 0 when unknown.</summary>
    public ushort WidthCm;
    public CrossingKind Crossing;
    public NodeFlags Flags;

    public readonly bool Has(NodeFlags flag) => (Flags & flag) == flag;

    public readonly bool IsPlain => this == default;
}
