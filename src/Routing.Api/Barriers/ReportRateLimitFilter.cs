using System.Globalization;
using Microsoft.Extensions.Options;
using Routing.Api.Problems;
using Routing.Barriers.Operations;

namespace Routing.Api.Barriers;

/// <summary>
/// At most <see cref="BarrierOptions.ReportsPerMinute"/> report creations per API key and clock minute, counted by the
/// store's counter: in the database for PostgreSQL, so the budget holds across replicas. Runs after authentication
/// and role checks, so refused requests (401, 403) use no budget. Over the limit: 429 <c>rate-limited</c>.
/// </summary>
internal sealed class ReportRateLimitFilter(ReportRateLimit limit, IOptions<BarrierOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiKeyAuthentication.ActorOf(http.User) is not { } actor)
        {
            return await next(context);
        }
        int perMinute = Math.Max(1, options.Value.ReportsPerMinute);
        var decision = await limit.TryAcquireAsync(actor.KeyId, perMinute, http.RequestAborted);
        if (decision.Allowed)
        {
            return await next(context);
        }
        int retryAfterS = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = retryAfterS.ToString(CultureInfo.InvariantCulture);
        var problem = ApiProblems.Create(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests, "Too many reports",
            $"This API key may create {perMinute} reports per minute; try again in {retryAfterS} s.");
        problem.Extensions["limit_per_minute"] = perMinute;
        problem.Extensions["retry_after_s"] = retryAfterS;
        return TypedResults.Problem(problem);
    }
}
