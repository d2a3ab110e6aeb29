using Microsoft.AspNetCore.Diagnostics;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Http;

/// <summary>
/// A request that needed the barrier store while it is lost (a write, a read of reports, a key check): 503
/// <c>barrier-store-unavailable</c> with Retry-After, instead of a 500. Nothing was written.
/// </summary>
internal sealed class BarrierStoreUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterS = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BarrierStoreUnavailableException)
        {
            return false;
        }
        var problem = HttpProblems.Create(ProblemTypes.BarrierStoreUnavailable, StatusCodes.Status503ServiceUnavailable,
            RequestLanguage.OfProblem(httpContext).Format("problem.store_unavailable", RetryAfterS.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        problem.Extensions["retry_after_s"] = RetryAfterS;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterS.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
