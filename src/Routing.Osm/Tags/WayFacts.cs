using Routing.Graph;

namespace Routing.Osm.Tags;

/// <summary>
/// What a walkable way contributes to the graph. <see cref="Class"/> holds the facts shared by every edge of the way
/// and no kerb: kerbs tagged on the way belong to its ends, so the importer puts <see cref="KerbAtStart"/> on the
/// first edge and <see cref="KerbAtEnd"/> on the last.
/// </summary>
/// <param name="IsPedestrianArea"><c>highway=pedestrian</c> with <c>area=yes</c>: the outline of a square, which the
/// importer crosses with straight links rather than walking around.</param>
public sealed record WayFacts(EdgeClass Class, bool IsPedestrianArea, KerbFacts? KerbAtStart, KerbFacts? KerbAtEnd);
