using Routing.Graph;

namespace Routing.Engine.Profiles;

/// <summary>What a profile makes of a way or node, in the four words a map shows.</summary>
public enum EdgeJudgement
{
    /// <summary>Fine for this profile, as far as the map knows.</summary>
    Usable,
    /// <summary>Usable, but beyond the comfort limit: a slope or kerb in the comfort zone, rough ground, a penalty.</summary>
    AboveComfort,
    /// <summary>Breaks a hard limit (or a verified barrier report blocks it).</summary>
    Blocked,
    /// <summary>Not blocked, but rests on facts the profile cares about that the map does not know.</summary>
    Unknown,
}

/// <summary>
/// Judges ways and nodes for one compiled profile with the very verdicts the search prices (overlay included), so a
/// map coloured by it agrees with the routes. Build one per request; it is cheap, and not for the search loop.
/// </summary>
public sealed class EdgeJudge
{
    /// <summary>
    /// An effort factor above this is beyond comfort. Ordinary streets (1.1) and intermediate smoothness (1.1) stay
    /// usable; a slope halfway into its comfort zone, bad smoothness, rough surfaces, unmarked crossings and roads
    /// whose sidewalk is mapped apart are above comfort.
    /// </summary>
    private const double ComfortFactor = 1.2;

    private readonly CompiledProfile _profile;
    private readonly RoutingGraph _graph;
    private readonly ProfileRules _rules;

    public EdgeJudge(CompiledProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _graph = profile.Graph;
        _rules = new ProfileRules(profile.Settings);
    }

    /// <summary>The judgement of travelling an edge in one direction.</summary>
    public EdgeJudgement Edge(int edge, bool backward)
    {
        var verdict = _profile.EdgeVerdict(_graph, edge, backward);
        if (verdict.Violation is not null)
        {
            return EdgeJudgement.Blocked;
        }
        // The unknown-data factor is the request's policy, not the way's effort: it shows as "unknown" instead.
        double effort = verdict.CostFactor / _rules.UnknownFactor(verdict.Unknown);
        return effort > ComfortFactor || verdict.PenaltyS > 0 ? EdgeJudgement.AboveComfort
            : verdict.Unknown != UnknownFacts.None ? EdgeJudgement.Unknown
            : EdgeJudgement.Usable;
    }

    /// <summary>The worse of the two directions: a street too steep to climb is shown blocked even though it can be descended.</summary>
    public EdgeJudgement Edge(int edge) => Worse(Edge(edge, backward: false), Edge(edge, backward: true));

    /// <summary>The judgement of passing a vertex (kerb, barrier, elevator, crossing).</summary>
    public EdgeJudgement Vertex(int vertex)
    {
        var verdict = _profile.VertexVerdict(_graph, vertex);
        return verdict.Violation is not null ? EdgeJudgement.Blocked
            : verdict.PenaltyS > 0 && verdict.Unknown == UnknownFacts.None ? EdgeJudgement.AboveComfort
            : verdict.Unknown != UnknownFacts.None ? EdgeJudgement.Unknown
            : EdgeJudgement.Usable;
    }

    /// <summary>Blocked, then above comfort, then unknown, then usable.</summary>
    public static EdgeJudgement Worse(EdgeJudgement a, EdgeJudgement b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(EdgeJudgement judgement) => judgement switch
    {
        EdgeJudgement.Blocked => 3,
        EdgeJudgement.AboveComfort => 2,
        EdgeJudgement.Unknown => 1,
        _ => 0,
    };
}
