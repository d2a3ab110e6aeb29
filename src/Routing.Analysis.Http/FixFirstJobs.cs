using System.Collections.Concurrent;
using System.ComponentModel;

namespace Routing.Analysis.Http;

/// <summary>
/// Fix-first rankings running in the background, for planners who rather poll than wait: each job reports its
/// progress and keeps its answer. One job computes at a time; at most <see cref="MaxPending"/> are queued or running,
/// so no caller can pile up work. Only the last <see cref="Kept"/> jobs are kept, in memory (a restart forgets them);
/// a job pushed out of that list is cancelled, as is every job when the service stops.
/// </summary>
internal sealed class FixFirstJobs(IHostApplicationLifetime lifetime) : IDisposable
{
    public const int Kept = 50;

    /// <summary>Jobs queued or running at most; one more is refused with 429.</summary>
    public const int MaxPending = 4;

    /// <summary>What a refused caller is told to wait: about what one Heidelberg-wide job at 30 minutes takes.</summary>
    public const int RetryAfterS = 30;

    private readonly ConcurrentDictionary<string, FixFirstJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly SemaphoreSlim _computing = new(1, 1);
    private int _pending;

    /// <summary>Queues the ranking; null when <see cref="MaxPending"/> jobs are queued or running already.</summary>
    public FixFirstJob? TryStart(Func<IProgress<double>, CancellationToken, FixFirstResponse> rank)
    {
        if (Interlocked.Increment(ref _pending) > MaxPending)
        {
            Interlocked.Decrement(ref _pending);
            return null;
        }
        var job = new FixFirstJob(Guid.NewGuid().ToString("N"), lifetime.ApplicationStopping);
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > Kept && _order.TryDequeue(out string? oldest))
        {
            if (_jobs.TryRemove(oldest, out var pushedOut))
            {
                pushedOut.Cancel(); // nobody can ask for it any more: its work would be wasted
            }
        }
        _ = Task.Run(() => job.RunAsync(_computing, rank, () => Interlocked.Decrement(ref _pending)));
        return job;
    }

    public FixFirstJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public void Dispose() => _computing.Dispose();
}

/// <summary>One background ranking: queued, then running until its answer, its failure or its cancellation is set.</summary>
internal sealed class FixFirstJob(string id, CancellationToken stopping) : IProgress<double>
{
    private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    private double _progress;
    private FixFirstResponse? _result;
    private string _status = "queued";

    public string Id { get; } = id;

    public void Report(double value) => Volatile.Write(ref _progress, value);

    /// <summary>Stops the job if it has not finished: the search looks at the token every thousand vertices.</summary>
    public FixFirstJob Cancel()
    {
        if (Volatile.Read(ref _status) is "queued" or "running")
        {
            _cancel.Cancel();
        }
        return this;
    }

    /// <param name="computing">Held while the ranking computes: one job at a time.</param>
    /// <param name="finished">Called when the job ends, before its end can be seen, so a caller who saw it end finds room in the queue.</param>
    public async Task RunAsync(SemaphoreSlim computing, Func<IProgress<double>, CancellationToken, FixFirstResponse> rank, Action finished)
    {
        var token = _cancel.Token;
        FixFirstResponse? result = null;
        string status;
        try
        {
            await computing.WaitAsync(token);
            try
            {
                Volatile.Write(ref _status, "running");
                result = rank(this, token);
                status = "done";
            }
            finally
            {
                computing.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            status = "cancelled";
        }
        catch (Exception)
        {
            // The job's answer is its status; the ranking has no expected failures, and a bug must not end the service.
            status = "failed";
        }
        finished();
        Volatile.Write(ref _result, result);
        Volatile.Write(ref _status, status);
    }

    public FixFirstJobDto ToDto() => new(Id, Volatile.Read(ref _status), Math.Round(Volatile.Read(ref _progress), 3), Volatile.Read(ref _result));
}

internal sealed record FixFirstJobDto(
    string Id,
    [property: Description("queued, running, done, failed or cancelled.")] string Status,
    [property: Description("Share of candidates looked at, 0..1.")] double Progress,
    [property: Description("The ranking, once done.")] FixFirstResponse? Result);
