namespace Routing.Graph.Facts;

/// <summary>
/// OSM <c>surface=*</c> values. Kept as the tagged value (not a quality grade) so that a request can name the
/// surfaces it wants to avoid; the grade lives in <see cref="SurfaceGrades"/>.
/// </summary>
public enum SurfaceKind : byte
{
    Unknown = 0,
    Asphalt,
    Concrete,
    ConcretePlates,
    PavingStones,
    Paved,
    Sett,
    Compacted,
    FineGravel,
    Metal,
    Wood,
    Rubber,
    Tartan,
    Cobblestone,
    UnhewnCobblestone,
    Gravel,
    Pebblestone,
    GrassPaver,
    Unpaved,
    Grass,
    Dirt,
    Earth,
    Mud,
    Sand,
    Ground,
    Woodchips,
    Rock,
    Snow,
    Ice,
    Other,
}

/// <summary>How well a surface carries small wheels (ACCESSIBILITY.md, "surface").</summary>
public enum SurfaceGrade : byte
{
    Unknown = 0,
    Good,
    Tolerable,
    BadForWheels,
    ImpassableForWheelchairs,
}

public static class SurfaceGrades
{
    public static SurfaceGrade Of(SurfaceKind surface) => surface switch
    {
        SurfaceKind.Unknown or SurfaceKind.Other => SurfaceGrade.Unknown,
        SurfaceKind.Asphalt or SurfaceKind.Concrete or SurfaceKind.ConcretePlates or SurfaceKind.PavingStones
            or SurfaceKind.Paved or SurfaceKind.Rubber or SurfaceKind.Tartan => SurfaceGrade.Good,
        SurfaceKind.Sett or SurfaceKind.Compacted or SurfaceKind.FineGravel or SurfaceKind.Metal
            or SurfaceKind.Wood => SurfaceGrade.Tolerable,
        SurfaceKind.Cobblestone or SurfaceKind.UnhewnCobblestone or SurfaceKind.Gravel or SurfaceKind.Pebblestone
            or SurfaceKind.GrassPaver or SurfaceKind.Unpaved => SurfaceGrade.BadForWheels,
        _ => SurfaceGrade.ImpassableForWheelchairs,
    };
}
