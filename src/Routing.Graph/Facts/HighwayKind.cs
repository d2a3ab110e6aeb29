namespace Routing.Graph.Facts;

/// <summary>What kind of way an edge comes from, reduced to the kinds that matter for walking and rolling.</summary>
public enum HighwayKind : byte
{
    Other = 0,
    Footway,
    Sidewalk,
    Crossing,
    Pedestrian,
    PedestrianArea,
    Path,
    Cycleway,
    Bridleway,
    LivingStreet,
    Residential,
    Service,
    Track,
    Unclassified,
    Tertiary,
    Secondary,
    Primary,
    Trunk,
    Steps,
    Elevator,
    Corridor,
    Platform,
    Construction,
}
