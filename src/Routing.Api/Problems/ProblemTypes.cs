namespace Routing.Api.Problems;

/// <summary>
/// The stable <c>type</c> URIs of every problem the API answers with (RFC 9457). Clients branch on these, never on
/// titles or details, which may change wording.
/// </summary>
internal static class ProblemTypes
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

    /// <summary>404: no such endpoint.</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>405: the endpoint exists but not with this HTTP method.</summary>
    public const string MethodNotAllowed = Base + "method-not-allowed";

    /// <summary>415: a request body that is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";

    /// <summary>500: an unexpected error; logged with the trace id, no internals in the answer.</summary>
    public const string Internal = Base + "internal";
}
