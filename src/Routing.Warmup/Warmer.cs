using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Routing.Warmup;

/// <summary>
/// Once the server has started, sends the host's warm-up requests through its own pipeline, round after round, until
/// a round compiles no method (the runtime has tiered up what the requests run) or a cap is reached. Right after a
/// start every method runs first as quickly compiled code, then instrumented, and only after enough calls and a pause
/// as optimised code: the first users' answers took four times as long as later ones (benchmarks/README.md, "The first
/// answers"). Until the warm-up is done the readiness check says not ready.
/// </summary>
internal sealed partial class Warmer(WarmupPipeline pipeline, IWarmupRequests requests, IHttpContextFactory contexts,
    IHostApplicationLifetime lifetime, IOptions<WarmupOptions> options, ILogger<Warmer> logger) : BackgroundService
{
    /// <summary>
    /// Longer than the runtime's call-counting delay (100 ms without new quickly compiled methods), so that after each
    /// round the methods called often enough are queued for their next tier and compiled on a background thread.
    /// </summary>
    private const int RoundPauseMs = 150;

    /// <summary>Rounds in a row without a method compiled: one could fall between two compilations queued late.</summary>
    private const int QuietRoundsToStop = 2;

    private WarmupReport _report = WarmupReport.Waiting;

    public WarmupReport Report => Volatile.Read(ref _report);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Publish(WarmupReport.Off);
            return;
        }
        try
        {
            await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
            WarmupRequest.MarkFlow();
            var round = await requests.PrepareAsync(stoppingToken).ConfigureAwait(false);
            var app = pipeline.Pipeline ?? throw new InvalidOperationException("the server started without building the request pipeline");
            await WarmAsync(app, round, settings, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service stops while warming: nothing to report.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Publish(Report with { Stage = WarmupStage.Failed, Failure = ex.Message });
            LogFailed(logger, ex);
        }
    }

    private async Task WarmAsync(RequestDelegate app, IReadOnlyList<string> round, WarmupOptions settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var statuses = new SortedDictionary<int, int>();
        int sent = 0, quietRounds = 0;
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        Publish(new WarmupReport(WarmupStage.Warming, 0, statuses, TimeSpan.Zero, null, false));
        while (round.Count > 0 && sent < settings.MaxRequests && clock.Elapsed.TotalSeconds < settings.MaxSeconds)
        {
            for (int i = 0; i < round.Count && sent < settings.MaxRequests; i++)
            {
                int status = await SendAsync(app, round[i], cancellationToken).ConfigureAwait(false);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                sent++;
            }
            Publish(new WarmupReport(WarmupStage.Warming, sent, new SortedDictionary<int, int>(statuses), clock.Elapsed, null, false));
            await Task.Delay(RoundPauseMs, cancellationToken).ConfigureAwait(false);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quietRounds = now == compiled ? quietRounds + 1 : 0;
            compiled = now;
            if (quietRounds >= QuietRoundsToStop)
            {
                break;
            }
        }
        var done = new WarmupReport(WarmupStage.Done, sent, statuses, clock.Elapsed, null, quietRounds >= QuietRoundsToStop);
        Publish(done);
        LogWarmed(logger, done.Requests, done.Elapsed.TotalSeconds, done.CompilerQuiet ? "the compiler went quiet" : "a cap was reached");
    }

    /// <summary>One GET through the whole pipeline, in memory; the answer is written (to nowhere) as for a client.</summary>
    private async Task<int> SendAsync(RequestDelegate app, string pathAndQuery, CancellationToken cancellationToken)
    {
        int query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            Path = query < 0 ? pathAndQuery : pathAndQuery[..query],
            QueryString = query < 0 ? "" : pathAndQuery[query..],
            RawTarget = pathAndQuery,
        };
        request.Headers.Host = "localhost";
        var body = new StreamResponseBodyFeature(Stream.Null);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(body);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        var context = contexts.Create(features);
        try
        {
            await app(context).ConfigureAwait(false);
            await body.CompleteAsync().ConfigureAwait(false);
            return context.Response.StatusCode;
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    /// <summary>The pipeline is built when the server starts, and the host's parts (its graph, its stores) are in place by then.</summary>
    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Publish(WarmupReport report) => Volatile.Write(ref _report, report);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up by {Requests} requests in {Seconds:F1} s, until {Why}; ready")]
    private static partial void LogWarmed(ILogger logger, int requests, double seconds, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Warm-up failed; the service says ready without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
