using System.Runtime.InteropServices;

namespace Routing.Graph;

/// <summary>What kind of green area a <see cref="GreenArea"/> is: what a person sees around a path through it.</summary>
public enum GreenAreaKind : byte
{
    /// <summary><c>leisure=park</c>.</summary>
    Park,
    /// <summary><c>leisure=garden</c>: a botanical, palace or community garden.</summary>
    Garden,
    /// <summary><c>landuse=cemetery</c>, <c>amenity=grave_yard</c>.</summary>
    Cemetery,
    /// <summary><c>natural=wood</c>, <c>landuse=forest</c>.</summary>
    Wood,
}

/// <summary>
/// A park, garden, cemetery or wood that edges lie in (file section <c>AREA</c>; each edge's area in <c>EARE</c>), so
/// that an instruction can say "the path through the park" or "the path through Schlossgarten". Only areas some edge
/// lies in are kept. The layout is fixed; change it only together with <see cref="Format.GraphFormat.Version"/>.
/// </summary>
/// <param name="NameId">Index into the graph's name table (shared with streets and places); 0 for an unnamed area.</param>
/// <param name="Kind">What the area is.</param>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct GreenArea(int NameId, GreenAreaKind Kind)
{
    /// <summary>An edge that lies in no area has this area index.</summary>
    public const int None = -1;
}
