namespace Routing.Graph.Facts;

/// <summary><c>kerb=*</c>. Heights when <c>kerb:height</c> is missing come from <see cref="KerbKinds.TypicalHeightCm"/>.</summary>
public enum KerbKind : byte
{
    None = 0,
    /// <summary>A kerb whose kind is not tagged (<c>barrier=kerb</c> alone, <c>kerb=yes</c>).</summary>
    Unknown,
    Flush,
    Lowered,
    Rolled,
    Raised,
}

public static class KerbKinds
{
    /// <summary>Typical heights (ACCESSIBILITY.md): flush 0, lowered 3, rolled about 6, raised 10 to 15 (we take 12).</summary>
    public static int? TypicalHeightCm(KerbKind kerb) => kerb switch
    {
        KerbKind.None or KerbKind.Flush => 0,
        KerbKind.Lowered => 3,
        KerbKind.Rolled => 6,
        KerbKind.Raised => 12,
        _ => null,
    };
}
