using Routing.Engine;
using Routing.Engine.Profiles;

namespace Routing.Transit.Trips;

/// <summary>What a trip does with a trip or stop whose accessibility nobody recorded (GTFS 0 or empty).</summary>
public enum UnknownAccessibility
{
    /// <summary>Used, at <see cref="TripPlanner.UnknownPenaltyS"/> each, and named in the leg.</summary>
    Penalize,
    /// <summary>Never boarded.</summary>
    Strict,
}

/// <summary>A trip with public transport: from, to, when, for whom.</summary>
/// <param name="Time">Departure, or with <paramref name="ArriveBy"/> the latest arrival.</param>
/// <param name="RouteTypes">GTFS route types allowed (0 tram, 3 bus ...); empty: all.</param>
public sealed record TripRequest(GeoPoint From, GeoPoint To, DateTimeOffset Time, bool ArriveBy, ProfileSettings Profile,
    UnknownAccessibility Accessibility, int MaxTransfers, IReadOnlySet<int> RouteTypes, string Language = "en");
