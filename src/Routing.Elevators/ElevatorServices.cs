using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Elevators.Feeds;
using Routing.Elevators.Store;

namespace Routing.Elevators;

public static class ElevatorServices
{
    /// <summary>
    /// The elevator room's services: options from <c>Elevators</c>, the store (opened by <paramref name="openStore"/>, on
    /// the barrier store's database), the board as a live source of the barrier overlay, the poller, and the feeds'
    /// HTTP client with the standard resilience handler (a timeout per attempt, two retries with exponential backoff and
    /// jitter, a circuit breaker).
    /// </summary>
    public static IServiceCollection AddElevators(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IElevatorStore> openStore)
    {
        services.AddOptions<ElevatorOptions>().Bind(configuration.GetSection(ElevatorOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(openStore);
        services.AddSingleton<ElevatorBoard>();
        services.AddSingleton<ILiveBarrierSource>(sp => sp.GetRequiredService<ElevatorBoard>());
        services.AddSingleton<ElevatorPoller>();
        services.AddHttpClient(ElevatorPoller.HttpClientName).AddStandardResilienceHandler().Configure((o, sp) =>
        {
            var elevators = sp.GetRequiredService<IOptions<ElevatorOptions>>().Value;
            var attempt = TimeSpan.FromSeconds(Math.Max(1, elevators.AttemptTimeoutSeconds));
            o.AttemptTimeout.Timeout = attempt;
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.TotalRequestTimeout.Timeout = FeedClient.TotalTimeout(elevators);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, (2 * attempt.TotalSeconds) + 1)); // at least twice an attempt, as the handler requires
        });
        return services;
    }
}
