namespace Routing.Http;

/// <summary>A WGS 84 position in degrees (7 decimals).</summary>
public sealed record LatLonDto(DecimalNumber Lat, DecimalNumber Lon)
{
    public LatLonDto(double lat, double lon)
        : this(DecimalNumber.Degrees(lat), DecimalNumber.Degrees(lon))
    {
    }
}
