using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Routing.Elevators;
using Routing.Elevators.Store;

namespace Routing.Elevators.Http;

public static class ElevatorHosting
{
    /// <summary>The elevator room (<see cref="ElevatorServices.AddElevators"/>) with its poller running in the background.</summary>
    public static IServiceCollection AddElevatorStatus(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IElevatorStore> openStore)
    {
        services.AddElevators(configuration, openStore);
        services.AddHostedService<ElevatorPolling>();
        return services;
    }
}

/// <summary>Runs the poller for the service's lifetime; without configured feeds it ends at once.</summary>
internal sealed class ElevatorPolling(ElevatorPoller poller) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => poller.RunAsync(stoppingToken);
}
