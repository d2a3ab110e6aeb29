using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Routing.Http;
using Routing.Routes.Http;

namespace Routing.Api.Tests;

/// <summary>
/// <see cref="JsonAnswer{T}"/> writes into a buffer its thread reuses and starts the response before the body goes
/// out. Kestrel starts at once; when a start has to wait (an OnStarting callback that awaits), the answer must not
/// depend on that buffer any more, because the next request on the thread overwrites it.
/// </summary>
public sealed class JsonAnswerTests
{
    [Fact]
    public async Task An_answer_whose_start_waits_is_not_overwritten_by_the_next_answer_on_the_thread()
    {
        using var waiting = new BodyFeature(startsAtOnce: false);
        var first = new JsonAnswer<LatLonDto>(new LatLonDto(49.4, 8.7), RouteJsonContext.Default.LatLonDto, "application/json");
        var written = first.ExecuteAsync(Context(waiting));

        using var atOnce = new BodyFeature(startsAtOnce: true);
        var second = new JsonAnswer<LatLonDto>(new LatLonDto(-33.9, 151.2), RouteJsonContext.Default.LatLonDto, "application/json");
        await second.ExecuteAsync(Context(atOnce));
        Assert.False(written.IsCompleted);
        waiting.Start.SetResult();
        await written;

        Assert.Equal("""{"lat":49.4,"lon":8.7}""", waiting.Body);
        Assert.Equal("""{"lat":-33.9,"lon":151.2}""", atOnce.Body);
    }

    private static DefaultHttpContext Context(BodyFeature body)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(body);
        return context;
    }

    /// <summary>A response body in memory whose start completes at once or when the test says so.</summary>
    private sealed class BodyFeature(bool startsAtOnce) : IHttpResponseBodyFeature, IDisposable
    {
        private readonly MemoryStream _stream = new();

        public TaskCompletionSource Start { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Body => Encoding.UTF8.GetString(_stream.ToArray());

        public Stream Stream => _stream;

        public PipeWriter Writer => field ??= PipeWriter.Create(_stream);

        public Task StartAsync(CancellationToken cancellationToken = default) => startsAtOnce ? Task.CompletedTask : Start.Task;

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Writer.CompleteAsync().AsTask();

        public void Dispose() => _stream.Dispose();
    }
}
