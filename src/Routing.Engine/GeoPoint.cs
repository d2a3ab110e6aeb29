namespace Routing.Engine;

/// <summary>A WGS 84 position in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon);
