namespace Routing.Graph.Facts;

/// <summary>OSM <c>smoothness=*</c>, ordered from best to worst so that limits compare with &lt;=.</summary>
public enum Smoothness : byte
{
    Unknown = 0,
    Excellent,
    Good,
    Intermediate,
    Bad,
    VeryBad,
    Horrible,
    VeryHorrible,
    Impassable,
}
