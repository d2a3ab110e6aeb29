using System.Collections.Concurrent;
using System.ComponentModel;

namespace Routing.Api.Analysis;

/// <summary>
/// Fix-first rankings running in the background, for clients that rather poll than wait: each job reports its
/// progress and keeps its answer. Only the last <see cref="Kept"/> jobs are kept, in memory: a restart forgets them.
/// </summary>
internal sealed class FixFirstJobs
{
    public const int Kept = 50;

    private readonly ConcurrentDictionary<string, FixFirstJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public FixFirstJob Start(Func<IProgress<double>, FixFirstResponse> rank)
    {
        var job = new FixFirstJob(Guid.NewGuid().ToString("N"));
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > Kept && _order.TryDequeue(out string? oldest))
        {
            _jobs.TryRemove(oldest, out _);
        }
        _ = Task.Run(() => job.Run(rank));
        return job;
    }

    public FixFirstJob? Find(string id) => _jobs.GetValueOrDefault(id);
}

/// <summary>One background ranking: running until its answer or its failure is set.</summary>
internal sealed class FixFirstJob(string id) : IProgress<double>
{
    private double _progress;
    private FixFirstResponse? _result;
    private string _status = "running";

    public string Id { get; } = id;

    public void Report(double value) => Volatile.Write(ref _progress, value);

    public void Run(Func<IProgress<double>, FixFirstResponse> rank)
    {
        try
        {
            Volatile.Write(ref _result, rank(this));
            Volatile.Write(ref _status, "done");
        }
        catch (Exception)
        {
            // The job's answer is its status; the ranking has no expected failures, and a bug must not end the service.
            Volatile.Write(ref _status, "failed");
        }
    }

    public FixFirstJobDto ToDto() => new(Id, Volatile.Read(ref _status), Math.Round(Volatile.Read(ref _progress), 3), Volatile.Read(ref _result));
}

internal sealed record FixFirstJobDto(
    string Id,
    [property: Description("running, done or failed.")] string Status,
    [property: Description("Share of candidates looked at, 0..1.")] double Progress,
    [property: Description("The ranking, once done.")] FixFirstResponse? Result);
