using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Elevators.Feeds;
using Routing.Elevators.Store;

namespace Routing.Elevators;

/// <summary>
/// Polls the configured feeds every <see cref="ElevatorOptions.PollSeconds"/>, on one replica at a time: each round
/// first takes or renews the store's poll lease (three rounds long, so another replica takes over within three rounds
/// when the holder dies). What a feed answers is saved in one transaction and wakes every replica's overlay refresher;
/// an answer that cannot be used (malformed, empty, too long, too slow, an error) changes nothing, and its failure is
/// logged once, at warning, until the feed answers again. Without feeds it does nothing at all.
/// </summary>
public sealed partial class ElevatorPoller(IElevatorStore store, IHttpClientFactory clients, BarrierService barriers,
    IOptions<ElevatorOptions> options, TimeProvider time, ILogger<ElevatorPoller> logger)
{
    public const string HttpClientName = "elevator-feeds";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, FeedValidators> _validators = [];
    private readonly Dictionary<string, IReadOnlyList<Equipment>> _lastAnswers = [];
    private readonly HashSet<string> _failing = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Feeds.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds)), time);
        try
        {
            do
            {
                try
                {
                    await PollOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store is lost (or similar): routes keep the states they have, which go stale by themselves.
                    LogRoundFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>One round: every feed once, when this replica holds the lease; false when another one does.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lease = TimeSpan.FromSeconds(3 * Math.Max(1, o.PollSeconds));
        if (!await store.TryHoldPollLeaseAsync(_holder, time.GetUtcNow(), lease, cancellationToken))
        {
            return false;
        }
        foreach (var feed in o.Feeds)
        {
            await PollFeedAsync(feed, o, cancellationToken);
        }
        return true;
    }

    private async Task PollFeedAsync(FeedOptions feed, ElevatorOptions o, CancellationToken cancellationToken)
    {
        string name = feed.FeedName;
        if (!IElevatorFeedParser.All.TryGetValue(feed.Kind, out var parser) || feed.Url is null)
        {
            Failed(name, $"Elevators feed '{name}' has kind '{feed.Kind}' and url '{feed.Url}'; the kind must be one of {string.Join(", ", IElevatorFeedParser.All.Keys)} and the url absolute", null);
            return;
        }
        IReadOnlyList<Equipment> equipment;
        try
        {
            var answer = await FeedClient.ReadAsync(clients.CreateClient(HttpClientName), feed, parser,
                _validators.GetValueOrDefault(name, FeedValidators.None), o, _holder, cancellationToken);
            if (answer.Equipment is null && _lastAnswers.TryGetValue(name, out var last))
            {
                equipment = last; // 304: the last answer still holds, and is confirmed now
            }
            else if (answer.Equipment is { Count: > 0 } fresh)
            {
                equipment = fresh;
                _validators[name] = answer.Validators;
            }
            else
            {
                // An empty list is no news that every elevator vanished: take nothing, let the states age.
                throw new FeedFormatException(answer.Equipment is null ? "304 Not Modified without an earlier answer" : "the answer lists no elevator");
            }
        }
        catch (Exception ex) when (ex is FeedFormatException or HttpRequestException or TimeoutException
                                       or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            _validators.Remove(name);
            Failed(name, ex.Message, ex);
            return;
        }
        int changed = await store.SaveAsync(name, equipment, time.GetUtcNow(), cancellationToken);
        _lastAnswers[name] = equipment;
        barriers.Changes.Advance(); // this replica's refresher at once; others through the store's notification
        if (_failing.Remove(name))
        {
            LogFeedBack(logger, name, equipment.Count);
        }
        LogPolled(logger, name, equipment.Count, changed);
    }

    private void Failed(string feed, string reason, Exception? exception)
    {
        if (_failing.Add(feed))
        {
            LogFeedFailed(logger, feed, reason, exception);
        }
        else
        {
            LogFeedStillFailing(logger, feed, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elevator feed {Feed} gave no usable answer, nothing changed: {Reason}. Said once until it answers again; its states turn unknown when stale.")]
    private static partial void LogFeedFailed(ILogger logger, string feed, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Elevator feed {Feed} still gives no usable answer: {Reason}")]
    private static partial void LogFeedStillFailing(ILogger logger, string feed, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Elevator feed {Feed} answers again: {Count} elevators")]
    private static partial void LogFeedBack(ILogger logger, string feed, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Elevator feed {Feed} polled: {Count} elevators, {Changed} states changed")]
    private static partial void LogPolled(ILogger logger, string feed, int count, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling the elevator feeds failed; routes keep the states they have until these go stale")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
