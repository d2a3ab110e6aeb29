namespace Routing.Transit.Search;

/// <summary>The walks from one stop: it reaches <c>To[k]</c> in <c>DurationS[k]</c> at <c>CostS[k]</c> for k in <c>Start .. End</c>.</summary>
public readonly record struct TransferRow(int[] To, int[] DurationS, double[] CostS, int Start, int End)
{
    public static TransferRow Empty { get; } = new([], [], [], 0, 0);
}

/// <summary>
/// The walks between stops a search may take: computed ahead for every stop (<see cref="TransferGraph"/>), or row by
/// row as a search reaches stops (a request whose limits or reports differ from what was computed ahead). A row once
/// given stays the same for the whole search, so a journey's walk is read back by its stop and index.
/// </summary>
public interface ITransfers
{
    TransferRow From(int stop);
}

/// <summary>Walks between stops in compressed rows: stop s reaches <c>To[k]</c> in <c>DurationS[k]</c> for k in <c>Start[s] .. Start[s + 1]</c>.</summary>
public sealed class TransferGraph : ITransfers
{
    public TransferGraph(int[] start, int[] to, int[] durationS, double[] costS)
    {
        Start = start;
        To = to;
        DurationS = durationS;
        CostS = costS;
    }

    public int[] Start { get; }
    public int[] To { get; }
    public int[] DurationS { get; }
    /// <summary>The walk's cost by the profile (duration plus what rough or unknown ground costs): its effort.</summary>
    public double[] CostS { get; }

    public TransferRow From(int stop) => new(To, DurationS, CostS, Start[stop], Start[stop + 1]);

    /// <summary>How many walks there are.</summary>
    public int Count => To.Length;

    public static TransferGraph Empty(int stopCount) => new(new int[stopCount + 1], [], [], []);

    /// <summary>From walks given as (from, to, duration, cost), in any order.</summary>
    public static TransferGraph From(int stopCount, IReadOnlyList<(int From, int To, int DurationS, double CostS)> walks)
    {
        int[] start = new int[stopCount + 1];
        foreach (var walk in walks)
        {
            start[walk.From + 1]++;
        }
        for (int s = 0; s < stopCount; s++)
        {
            start[s + 1] += start[s];
        }
        int[] fill = start[..^1];
        int[] to = new int[walks.Count];
        int[] duration = new int[walks.Count];
        double[] cost = new double[walks.Count];
        foreach (var walk in walks)
        {
            int k = fill[walk.From]++;
            (to[k], duration[k], cost[k]) = (walk.To, walk.DurationS, walk.CostS);
        }
        return new TransferGraph(start, to, duration, cost);
    }

    /// <summary>Every walk turned round: what a search backwards in time walks.</summary>
    public TransferGraph Reversed()
    {
        var walks = new List<(int, int, int, double)>(To.Length);
        for (int s = 0; s + 1 < Start.Length; s++)
        {
            for (int k = Start[s]; k < Start[s + 1]; k++)
            {
                walks.Add((To[k], s, DurationS[k], CostS[k]));
            }
        }
        return From(Start.Length - 1, walks);
    }
}
