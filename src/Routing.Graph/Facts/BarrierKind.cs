namespace Routing.Graph.Facts;

/// <summary><c>barrier=*</c> on a node. The profile decides what blocks; <see cref="BarrierKinds"/> gives the usual reading.</summary>
public enum BarrierKind : byte
{
    None = 0,
    Kerb,
    Stile,
    KissingGate,
    Turnstile,
    FullHeightTurnstile,
    Block,
    Step,
    CycleBarrier,
    SwingGate,
    Bollard,
    Gate,
    LiftGate,
    Chain,
    Entrance,
    Door,
    Log,
    MotorcycleBarrier,
    Other,
}

/// <summary>How a barrier usually affects a wheelchair (ACCESSIBILITY.md, "Facts per node").</summary>
public enum BarrierImpact : byte
{
    Passable = 0,
    /// <summary>Often too narrow: passable only where width or <c>wheelchair=yes</c> says so.</summary>
    Narrowing,
    /// <summary>Not passable on wheels unless <c>wheelchair=yes</c> says otherwise.</summary>
    Blocking,
}

public static class BarrierKinds
{
    public static BarrierImpact ImpactOnWheels(BarrierKind barrier) => barrier switch
    {
        BarrierKind.Stile or BarrierKind.KissingGate or BarrierKind.Turnstile or BarrierKind.FullHeightTurnstile
            or BarrierKind.Step or BarrierKind.Log or BarrierKind.MotorcycleBarrier => BarrierImpact.Blocking,
        BarrierKind.Block or BarrierKind.CycleBarrier or BarrierKind.SwingGate => BarrierImpact.Narrowing,
        _ => BarrierImpact.Passable,
    };
}
