namespace Routing.Http;

/// <summary>
/// The stable <c>type</c> URIs of every problem the API answers with (RFC 9457). Clients branch on these, never on
/// titles or details, which may change wording.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://routing.example/problems/";

    /// <summary>400: malformed JSON, wrong types, missing or out-of-range values; <c>errors</c> lists field → messages.</summary>
    public const string InvalidRequest = Base + "invalid-request";

    /// <summary>400 on <c>/v1/routes</c>, 404 on <c>/v1/profiles/{name}</c>; <c>known_profiles</c> lists the presets.</summary>
    public const string UnknownProfile = Base + "unknown-profile";

    /// <summary>422: a requested point lies outside the area the graph covers.</summary>
    public const string PointOutsideArea = Base + "point-outside-area";

    /// <summary>422: no way the profile may use within the snap radius of a requested point.</summary>
    public const string PointNotOnNetwork = Base + "point-not-on-network";

    /// <summary>422: every path breaks a limit of the profile; <c>blockers</c> says what, where and by how much.</summary>
    public const string NoRoute = Base + "no-route";

    /// <summary>
    /// 422 on <c>/v1/trips</c>: no itinerary keeps the profile's limits and the transit accessibility rules;
    /// <c>blockers</c> says what in words, <c>least_violating_itinerary</c> is the earliest one with the rules lifted.
    /// </summary>
    public const string NoTrip = Base + "no-trip";

    /// <summary>404: no such endpoint.</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>405: the endpoint exists but not with this HTTP method.</summary>
    public const string MethodNotAllowed = Base + "method-not-allowed";

    /// <summary>415: a request body that is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";

    /// <summary>413: a request body longer than the endpoint takes; <c>limit_bytes</c> says how long it may be.</summary>
    public const string BodyTooLarge = Base + "body-too-large";

    /// <summary>
    /// 422: a request within every single limit whose work together is more than one request may ask for (isochrone
    /// reach, fix-first origins and minutes); <c>limit</c>, <c>requested</c> and <c>unit</c> say by how much.
    /// </summary>
    public const string WorkBudgetExceeded = Base + "work-budget-exceeded";

    /// <summary>
    /// 429: too many requests from this client, or too many expensive ones running at once; the Retry-After header and
    /// <c>retry_after_s</c> say when to try again, <c>quota</c> which quota it was.
    /// </summary>
    public const string TooManyRequests = Base + "too-many-requests";

    /// <summary>500: an unexpected error; logged with the trace id, no internals in the answer.</summary>
    public const string Internal = Base + "internal";

    /// <summary>401: a barrier write (or key management) without an <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyRequired = Base + "api-key-required";

    /// <summary>401: the <c>X-Api-Key</c> header holds an unknown or revoked key (on any barrier endpoint, reads too).</summary>
    public const string ApiKeyInvalid = Base + "api-key-invalid";

    /// <summary>403: a valid key whose role may not do this; <c>required_roles</c> and <c>role</c> say which.</summary>
    public const string Forbidden = Base + "forbidden";

    /// <summary>
    /// 429: a reporter created too many reports in the last minute (<c>quota</c> <c>reports_per_minute</c>;
    /// <c>retry_after_s</c> and the Retry-After header say when to retry), or too many of theirs wait for a planner
    /// (<c>pending_reports</c>; retry when some are verified or rejected).
    /// </summary>
    public const string RateLimited = Base + "rate-limited";

    /// <summary>404: no barrier report with this id (or none the caller may see).</summary>
    public const string BarrierNotFound = Base + "barrier-not-found";

    /// <summary>409: the report's status does not allow this (verify a resolved report ...); <c>report_status</c>, <c>allowed_actions</c>.</summary>
    public const string InvalidTransition = Base + "invalid-transition";

    /// <summary>422: a report's location lies on no way or node of the network (nothing near enough to pin it to).</summary>
    public const string LocationNotOnNetwork = Base + "location-not-on-network";

    /// <summary>422: a graph reload refused the file (corrupt, another format, no route on it); the old graph keeps serving.</summary>
    public const string GraphRejected = Base + "graph-rejected";

    /// <summary>404: no API key with this id.</summary>
    public const string ApiKeyNotFound = Base + "api-key-not-found";

    /// <summary>409: revoking the last active admin key would leave nobody able to manage keys.</summary>
    public const string LastAdminKey = Base + "last-admin-key";

    /// <summary>
    /// 503: the barrier store (the shared database) cannot be reached; nothing was written. Routes keep answering with
    /// the last overlay; <c>retry_after_s</c> (and Retry-After) say when to try again.
    /// </summary>
    public const string BarrierStoreUnavailable = Base + "barrier-store-unavailable";
}
