using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Routing.Warmup;

/// <summary>
/// The host's whole request pipeline (every middleware, routing, the endpoints), captured when the server builds it,
/// so that warm-up requests take the path a client's request takes, in memory.
/// </summary>
internal sealed class WarmupPipeline : IStartupFilter
{
    private RequestDelegate? _pipeline;

    public RequestDelegate? Pipeline => Volatile.Read(ref _pipeline);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest =>
        {
            Volatile.Write(ref _pipeline, rest);
            return rest;
        });
        next(app);
    };
}
