using Microsoft.AspNetCore.Mvc;
using Routing.Barriers;
using Routing.Engine.Barriers;

namespace Routing.Barriers.Http;

/// <summary>The problems only the barrier endpoints answer with.</summary>
internal static class BarrierProblems
{
    public static ProblemDetails NotFound(string id)
    {
        var problem = HttpProblems.Create(ProblemTypes.BarrierNotFound, StatusCodes.Status404NotFound,
            $"There is no barrier report {id} that this caller may see.");
        problem.Extensions["id"] = id;
        return problem;
    }

    public static ProblemDetails InvalidTransition(BarrierReport report, string message)
    {
        var problem = HttpProblems.Create(ProblemTypes.InvalidTransition, StatusCodes.Status409Conflict, message);
        problem.Extensions["id"] = report.Id;
        problem.Extensions["report_status"] = BarrierNames.Name(report.Status);
        problem.Extensions["allowed_actions"] = BarrierLifecycle.AllowedActions(report.Status).Select(BarrierMapper.ActionVerb).ToArray();
        return problem;
    }

    public static ProblemDetails NotOnNetwork(BarrierGeometry geometry)
    {
        var problem = HttpProblems.Create(ProblemTypes.LocationNotOnNetwork, StatusCodes.Status422UnprocessableEntity,
            geometry.Type == BarrierGeometryType.Point
                ? "No way or node of the routing network lies near enough to the reported point to pin the report to (about 30 m, less for nodes). Report where the barrier is on the footway or street."
                : $"No way of the routing network runs along or inside the reported {geometry.Type}; draw it along the footway or street that is blocked.");
        problem.Extensions["location"] = BarrierGeoJson.ToGeometry(geometry);
        return problem;
    }

    public static ProblemDetails QuotaExceeded(ReportQuotaRefusal refusal, HttpResponse response)
    {
        var problem = refusal.RetryAfter is { } wait
            ? HttpProblems.Create(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests,
                $"A reporter may create {refusal.Limit} reports per minute; try again in {RetryAfterS(wait)} s.")
            : HttpProblems.Create(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests,
                $"{refusal.Limit} of this reporter's reports wait for a planner; report more when some have been verified or rejected.");
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

    public static ProblemDetails ApiKeyNotFound(string keyId)
    {
        var problem = HttpProblems.Create(ProblemTypes.ApiKeyNotFound, StatusCodes.Status404NotFound,
            $"There is no active API key with id {keyId}.");
        problem.Extensions["key_id"] = keyId;
        return problem;
    }

    public static ProblemDetails LastAdminKey(string keyId)
    {
        var problem = HttpProblems.Create(ProblemTypes.LastAdminKey, StatusCodes.Status409Conflict,
            $"The key {keyId} is the last active admin key; create another admin key before revoking it.");
        problem.Extensions["key_id"] = keyId;
        return problem;
    }
}
