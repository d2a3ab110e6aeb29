using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Routing.Warmup;

public static class WarmupHosting
{
    /// <summary>
    /// Warms the requests <typeparamref name="TRequests"/> names before the check tagged <paramref name="readyTag"/>
    /// says ready (<c>Warmup:Enabled</c>, <c>:MaxRequests</c>, <c>:MaxSeconds</c>).
    /// </summary>
    public static IServiceCollection AddWarmup<TRequests>(this IServiceCollection services, IConfiguration configuration, string readyTag)
        where TRequests : class, IWarmupRequests
    {
        services.Configure<WarmupOptions>(configuration.GetSection(WarmupOptions.Section));
        services.AddSingleton<WarmupPipeline>();
        services.AddTransient<IStartupFilter>(sp => sp.GetRequiredService<WarmupPipeline>());
        services.AddSingleton<IWarmupRequests, TRequests>();
        services.AddSingleton<Warmer>();
        services.AddHostedService(sp => sp.GetRequiredService<Warmer>());
        services.AddHealthChecks().AddCheck<WarmupReadyCheck>("warm-up", tags: [readyTag]);
        return services;
    }
}
