using Microsoft.AspNetCore.Http;
using System.Text.Json.Serialization;

namespace Routing.Ors;

/// <summary>ORS's routing error codes (its documentation, "Error Codes", Routing API) that this service answers.</summary>
internal static class OrsErrorCodes
{
    public const int InvalidJson = 2000;
    public const int MissingParameter = 2001;
    public const int InvalidFormat = 2002;
    public const int InvalidValue = 2003;
    public const int LimitExceeded = 2004;
    public const int UnsupportedExportFormat = 2007;
    public const int RouteNotFound = 2009;
    public const int PointNotFound = 2010;
    public const int IncompatibleParameters = 2011;
    public const int UnknownParameter = 2012;
    public const int Internal = 2099;

    /// <summary>
    /// The same fault in another ORS service's numbering (isochrones 30xx, matrix 60xx; their "unknown parameter" is
    /// xx11, and isochrones have no "point not found": an origin that cannot be placed is an invalid value there).
    /// Errors are raised in the directions numbering and translated when answered.
    /// </summary>
    public static int For(OrsService service, int directionsCode) => service switch
    {
        OrsService.Directions => directionsCode,
        _ when directionsCode == Internal => Base(service) + 99,
        _ when directionsCode == UnknownParameter => Base(service) + 11,
        OrsService.Matrix when directionsCode == PointNotFound => 6010,
        _ when directionsCode <= LimitExceeded => Base(service) + (directionsCode - InvalidJson),
        _ => Base(service) + 3,
    };

    private static int Base(OrsService service) => service == OrsService.Isochrones ? 3000 : 6000;

    /// <summary>ORS's HTTP status for each code: no route and no point are 404 ("found no results"), the rest of the request's faults 400.</summary>
    public static int StatusOf(int code) => code switch
    {
        RouteNotFound or PointNotFound => StatusCodes.Status404NotFound,
        Internal => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}

internal enum OrsService
{
    Directions,
    Isochrones,
    Matrix,
}

/// <summary>A request ORS would refuse, with ORS's code and a message that says what to change.</summary>
/// <param name="status">The HTTP status when it is not the code's own (<see cref="OrsErrorCodes.StatusOf"/>): 413, 415.</param>
internal sealed class OrsRequestException(int code, string message, int? status = null) : Exception(message)
{
    public int Code { get; } = code;

    public int Status { get; } = status ?? OrsErrorCodes.StatusOf(code);
}

/// <summary>
/// ORS's error answer, <c>{"error": {"code", "message"}, "info": {"engine", "timestamp"}}</c>; for no route also our
/// explanation (<c>blockers</c>, <c>least_violating_route</c>), which ORS clients ignore and other callers can show.
/// </summary>
internal sealed record OrsErrorResponse(
    OrsError Error,
    OrsErrorInfo Info,
    IReadOnlyList<OrsBlocker>? Blockers = null,
    OrsRoute? LeastViolatingRoute = null);

internal sealed record OrsError(int Code, string Message);

internal sealed record OrsErrorInfo(OrsEngine Engine, long Timestamp);

/// <summary>One broken limit, in the words of our own API (see src/Routing.Api/README.md, "no-route").</summary>
/// <param name="AvoidPolygon">For a way inside <c>options.avoid_polygons</c>: which polygon (0-based, MultiPolygon parts counted on).</param>
internal sealed record OrsBlocker(
    string Constraint,
    string Message,
    double? Actual,
    double? Limit,
    string? Unit,
    [property: JsonPropertyName("location")] double[] LonLat,
    long? OsmWayId,
    long? OsmNodeId,
    string Evidence,
    string? RequestParameter,
    int? AvoidPolygon);
