using Microsoft.AspNetCore.Mvc;
using Routing.Barriers;
using Routing.Engine.Barriers;
using Routing.Texts;

namespace Routing.Barriers.Http;

/// <summary>The problems only the barrier endpoints answer with.</summary>
internal static class BarrierProblems
{
    public static ProblemDetails NotFound(string id, TextLanguage language)
    {
        var problem = HttpProblems.Create(ProblemTypes.BarrierNotFound, StatusCodes.Status404NotFound, language.Format("problem.barrier_not_found", id));
        problem.Extensions["id"] = id;
        return problem;
    }

    public static ProblemDetails InvalidTransition(BarrierReport report, Phrase message, TextLanguage language)
    {
        var problem = HttpProblems.Create(ProblemTypes.InvalidTransition, StatusCodes.Status409Conflict, message.In(language));
        problem.Extensions["id"] = report.Id;
        problem.Extensions["report_status"] = BarrierNames.Name(report.Status);
        problem.Extensions["allowed_actions"] = BarrierLifecycle.AllowedActions(report.Status).Select(BarrierMapper.ActionVerb).ToArray();
        return problem;
    }

    public static ProblemDetails NotOnNetwork(BarrierGeometry geometry, TextLanguage language)
    {
        var problem = HttpProblems.Create(ProblemTypes.LocationNotOnNetwork, StatusCodes.Status422UnprocessableEntity,
            geometry.Type == BarrierGeometryType.Point
                ? language.Get("problem.barrier_point_not_on_network")
                : language.Format("problem.barrier_shape_not_on_network", geometry.Type.ToString()));
        problem.Extensions["location"] = BarrierGeoJson.ToGeometry(geometry);
        return problem;
    }

    public static ProblemDetails QuotaExceeded(ReportQuotaRefusal refusal, HttpResponse response, TextLanguage language)
    {
        string limit = refusal.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = HttpProblems.Create(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests, refusal.RetryAfter is { } wait
            ? language.Format("problem.report_quota_rate", limit, RetryAfterS(wait).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : language.Format("problem.report_quota_pending", limit));
        problem.Extensions["quota"] = refusal.Quota;
        problem.Extensions["limit"] = refusal.Limit;
        if (refusal.RetryAfter is { } retry)
        {
            response.Headers.RetryAfter = RetryAfterS(retry).ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem.Extensions["retry_after_s"] = RetryAfterS(retry);
        }
        return problem;
    }

    private static int RetryAfterS(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static ProblemDetails ApiKeyNotFound(string keyId, TextLanguage language)
    {
        var problem = HttpProblems.Create(ProblemTypes.ApiKeyNotFound, StatusCodes.Status404NotFound, language.Format("problem.api_key_not_found", keyId));
        problem.Extensions["key_id"] = keyId;
        return problem;
    }

    public static ProblemDetails LastAdminKey(string keyId, TextLanguage language)
    {
        var problem = HttpProblems.Create(ProblemTypes.LastAdminKey, StatusCodes.Status409Conflict, language.Format("problem.last_admin_key", keyId));
        problem.Extensions["key_id"] = keyId;
        return problem;
    }
}
