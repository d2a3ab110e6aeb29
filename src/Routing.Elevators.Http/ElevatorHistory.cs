using Routing.Elevators.Store;

namespace Routing.Elevators.Http;

/// <summary>How long equipment was out of service, from its state changes.</summary>
internal static class ElevatorHistory
{
    /// <summary>
    /// Hours out of service between <paramref name="from"/> and <paramref name="to"/>, and the outages begun in it: each
    /// inactive state lasts until the next change (or <paramref name="to"/>).
    /// </summary>
    public static (double Hours, int Outages) OutOfService(IEnumerable<StateChange> changes, DateTimeOffset from, DateTimeOffset to)
    {
        double hours = 0;
        int outages = 0;
        StateChange? open = null;
        foreach (var change in changes.OrderBy(c => c.At))
        {
            if (open is not null)
            {
                hours += Overlap(open.At, change.At, from, to);
                open = null;
            }
            if (change.State == FeedState.Inactive)
            {
                open = change;
                outages += change.At >= from && change.At <= to ? 1 : 0;
            }
        }
        if (open is not null)
        {
            hours += Overlap(open.At, to, from, to);
        }
        return (hours, outages);
    }

    private static double Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var a = start > from ? start : from;
        var b = end < to ? end : to;
        return b > a ? (b - a).TotalHours : 0;
    }
}
