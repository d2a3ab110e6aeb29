using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Routing.Api.Problems;

/// <summary>
/// Every error is <c>application/problem+json</c> with a stable type: answers written by the endpoints, unknown paths
/// and methods (status code pages), and unexpected exceptions (<see cref="UnhandledExceptionHandler"/>).
/// </summary>
internal static class ApiProblems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = problem.Status switch
                {
                    StatusCodes.Status400BadRequest => ProblemTypes.InvalidRequest,
                    StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                    StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
                    StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
                    >= 500 => ProblemTypes.Internal,
                    _ => problem.Type,
                };
            }
            // Title and generic detail in the request's language; the problem's own detail was written in it by its maker.
            var language = RequestLanguage.OfProblem(context.HttpContext);
            problem.Title = ProblemTexts.Title(problem.Type, language) ?? problem.Title;
            problem.Detail ??= ProblemTexts.GenericDetail(problem.Type, language, context.HttpContext.Request.Path);
            // One naming style in every answer: snake_case, also for the trace id the framework adds.
            if (problem.Extensions.Remove("traceId", out object? traceId))
            {
                problem.Extensions["trace_id"] = traceId;
            }
            else if (!problem.Extensions.ContainsKey("trace_id"))
            {
                problem.Extensions["trace_id"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            }
        });
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }
}

/// <summary>
/// The last line of defence: any exception becomes a problem+json answer without internals (500 <c>internal</c>,
/// logged at Error with its trace id). A client's fault is no error of the service and is logged at Debug: a body
/// too large (413 <c>body-too-large</c>), a request the server cannot read (400 <c>invalid-request</c>), a client that
/// left (no answer).
/// </summary>
internal sealed partial class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left (while sending its body, or while we searched): nobody reads an answer, and nothing is wrong here.
            LogClientLeft(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }
        ProblemDetails problem;
        var language = RequestLanguage.OfProblem(httpContext);
        if (exception is BodyTooLargeException tooLarge)
        {
            LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, tooLarge.Message);
            problem = HttpProblems.Create(ProblemTypes.BodyTooLarge, StatusCodes.Status413PayloadTooLarge,
                language.Format("problem.body_too_large", tooLarge.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            problem.Extensions["limit_bytes"] = tooLarge.MaxBytes;
        }
        else if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, bad.Message);
            problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? HttpProblems.Create(ProblemTypes.BodyTooLarge, bad.StatusCode, language.Get("problem.body_too_long"))
                : HttpProblems.Create(ProblemTypes.InvalidRequest, bad.StatusCode, language.Get("problem.unreadable"));
        }
        else
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
            problem = HttpProblems.Create(ProblemTypes.Internal, StatusCodes.Status500InternalServerError, language.Get("problem.internal"));
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path} (trace id {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path, string traceId);

    // Debug: a request the client got wrong is answered with a 400 that says why; the operator needs no line per request.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Bad request {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client left {Method} {Path} before its answer")]
    private static partial void LogClientLeft(ILogger logger, Exception exception, string method, PathString path);
}
