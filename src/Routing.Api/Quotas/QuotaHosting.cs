using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Routing.Barriers.Http;
using Routing.Api.Problems;
using Routing.Http;
using Routing.Warmup;

namespace Routing.Api.Quotas;

/// <summary>
/// Quotas with ASP.NET Core's rate limiter: expensive endpoints share <see cref="QuotaOptions.ExpensiveConcurrent"/>
/// slots (a short queue, then refused) and each client has a token bucket per quota. A refusal is 429
/// <c>too-many-requests</c> with Retry-After. Behind a reverse proxy the client's address comes from
/// X-Forwarded-For only when the proxy is configured (<c>ForwardedHeaders:KnownProxies</c> or
/// <c>ForwardedHeaders:KnownNetworks</c>); otherwise the header is ignored, so no client can pick its own address.
/// </summary>
internal static class QuotaHosting
{
    public static IServiceCollection AddQuotas(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(QuotaOptions.Section).Get<QuotaOptions>() ?? new QuotaOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(AllClients(options), PerClient(options));
            limiter.OnRejected = (context, cancellationToken) => Reject(context, options, cancellationToken);
        });
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (string proxy in proxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (string network in networks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSingleton(new ForwardingConfigured(proxies.Length + networks.Length > 0));
        return services;
    }

    /// <summary>Trusts X-Forwarded-For only from configured proxies; first in the pipeline, so every later step sees the client.</summary>
    public static WebApplication UseConfiguredForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardingConfigured>().Value)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>After authentication, so that a client with a key is counted by its key.</summary>
    public static WebApplication UseQuotas(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Who a request counts against: its valid API key, else its address.</summary>
    public static string ClientOf(HttpContext context) =>
        ApiKeyAuthentication.ActorOf(context.User) is { } actor
            ? "key:" + actor.KeyId
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static Quota? QuotaOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<QuotaMetadata>()?.Quota;

    /// <summary>The service's own warm-up requests count against no client and take no slot.</summary>
    private static readonly RateLimitPartition<string> WarmupPartition = RateLimitPartition.GetNoLimiter("warm-up");

    private static PartitionedRateLimiter<HttpContext> AllClients(QuotaOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => WarmupRequest.InProgress ? WarmupPartition
            : QuotaOf(context) == Quota.Expensive && options.ExpensiveConcurrent > 0
            ? RateLimitPartition.GetConcurrencyLimiter("expensive", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.ExpensiveConcurrent),
                QueueLimit = Math.Max(0, options.ExpensiveQueue),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("none"));

    private static PartitionedRateLimiter<HttpContext> PerClient(QuotaOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => WarmupRequest.InProgress ? WarmupPartition : QuotaOf(context) switch
        {
            Quota.Expensive when options.ExpensivePerMinute > 0 => RateLimitPartition.GetTokenBucketLimiter("expensive|" + ClientOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.ExpensivePerMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / options.ExpensivePerMinute),
                    QueueLimit = 0,
                }),
            Quota.Routes when options.RoutesPerSecond > 0 => RateLimitPartition.GetTokenBucketLimiter("routes|" + ClientOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 2 * options.RoutesPerSecond,
                    TokensPerPeriod = options.RoutesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }),
            _ => RateLimitPartition.GetNoLimiter("none"),
        });

    /// <summary>429 <c>too-many-requests</c> with Retry-After: the bucket's own wait, or a second when all slots are busy.</summary>
    private static async ValueTask Reject(OnRejectedContext context, QuotaOptions options, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var quota = QuotaOf(http);
        bool slotsBusy = !context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter);
        int retryAfterS = slotsBusy ? 1 : Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        string detail = (quota, slotsBusy) switch
        {
            (Quota.Expensive, true) => $"All {options.ExpensiveConcurrent} slots for expensive requests are busy and {options.ExpensiveQueue} requests wait; try again in {retryAfterS} s.",
            (Quota.Expensive, false) => $"One client may start {options.ExpensivePerMinute} expensive requests per minute; try again in {retryAfterS} s.",
            _ => $"One client may ask for {options.RoutesPerSecond} routes per second; try again in {retryAfterS} s.",
        };
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterS.ToString(CultureInfo.InvariantCulture);
        var problem = HttpProblems.Create(ProblemTypes.TooManyRequests, StatusCodes.Status429TooManyRequests, detail);
        problem.Extensions["quota"] = quota == Quota.Expensive ? (slotsBusy ? "expensive_concurrent" : "expensive_per_minute") : "routes_per_second";
        problem.Extensions["retry_after_s"] = retryAfterS;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private sealed record ForwardingConfigured(bool Value);
}
