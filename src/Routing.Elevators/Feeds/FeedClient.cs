using System.Net;
using System.Net.Http.Headers;

namespace Routing.Elevators.Feeds;

/// <summary>What one request to a feed gave: new equipment, or "not modified" (the last answer still holds).</summary>
/// <param name="Equipment">Null when the feed answered 304 Not Modified.</param>
internal sealed record FeedAnswer(IReadOnlyList<Equipment>? Equipment, FeedValidators Validators);

/// <summary>What makes the next request conditional: the last answer's <c>ETag</c> and <c>Last-Modified</c>.</summary>
internal sealed record FeedValidators(EntityTagHeaderValue? ETag, DateTimeOffset? LastModified)
{
    public static FeedValidators None { get; } = new(null, null);
}

/// <summary>
/// One exchange with a feed, the same for every kind: a GET through the named client (whose resilience handler times
/// out and retries), conditional on the last answer's validators, with the key header when configured, its body read
/// up to <see cref="ElevatorOptions.MaxAnswerBytes"/> and within a whole-exchange deadline (the handler's timeouts end
/// at the headers), then parsed by the feed's kind.
/// </summary>
internal static class FeedClient
{
    /// <param name="poller">Who asks, sent in <c>User-Agent</c>: feed operators (DB among them) ask clients to say who they are.</param>
    public static async Task<FeedAnswer> ReadAsync(HttpClient client, FeedOptions feed, IElevatorFeedParser parser, FeedValidators validators,
        ElevatorOptions options, string poller, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TotalTimeout(options));
        using var request = new HttpRequestMessage(HttpMethod.Get, parser.RequestUri(feed.Url ?? throw new InvalidOperationException("the feed has no Url")));
        request.Headers.TryAddWithoutValidation("User-Agent", $"accessible-routing-elevators/1 ({poller})");
        if (validators.ETag is { } etag)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }
        if (validators.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }
        if (!string.IsNullOrEmpty(feed.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(feed.ApiKeyHeader, feed.ApiKey);
        }
        if (!string.IsNullOrEmpty(feed.ClientId))
        {
            request.Headers.TryAddWithoutValidation("DB-Client-Id", feed.ClientId);
        }
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedAnswer(null, validators);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the feed answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }
            if (response.Content.Headers.ContentLength > options.MaxAnswerBytes)
            {
                throw new FeedFormatException($"the answer is {response.Content.Headers.ContentLength} bytes, more than the {options.MaxAnswerBytes} read (Elevators:MaxAnswerBytes)");
            }
            var body = await ReadBoundedAsync(response.Content, options.MaxAnswerBytes, deadline.Token);
            var equipment = parser.Parse(body);
            return new FeedAnswer(equipment, new FeedValidators(response.Headers.ETag, response.Content.Headers.LastModified));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the feed did not answer within {TotalTimeout(options).TotalSeconds:0} s");
        }
    }

    /// <summary>Every attempt the resilience handler may make, with its backoffs: the most one exchange may take.</summary>
    public static TimeSpan TotalTimeout(ElevatorOptions options) => TimeSpan.FromSeconds((3 * Math.Max(1, options.AttemptTimeoutSeconds)) + 5);

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FeedFormatException($"the answer is longer than the {maxBytes} bytes read (Elevators:MaxAnswerBytes)");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
