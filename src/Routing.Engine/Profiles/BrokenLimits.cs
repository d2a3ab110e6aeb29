namespace Routing.Engine.Profiles;

/// <summary>
/// Every limit an arc or a vertex breaks, in the order the rules check them; <c>default</c> is none. A least-violating
/// route must name all of them: lifting only the first left users refused again for the next limit on the same way.
/// Immutable; appending copies, which happens only while a profile is compiled, never in a search.
/// </summary>
public readonly struct BrokenLimits : IEquatable<BrokenLimits>
{
    private readonly Violation[]? _violations;

    private BrokenLimits(Violation[] violations) => _violations = violations;

    public int Count => _violations?.Length ?? 0;

    public bool Any => Count > 0;

    /// <summary>The first limit broken, the one a one-line explanation names; null when none.</summary>
    public Violation? First => Count > 0 ? _violations![0] : null;

    public ReadOnlySpan<Violation> AsSpan() => _violations;

    /// <summary>These limits and <paramref name="violation"/>, unless it is listed already.</summary>
    public BrokenLimits With(Violation violation) =>
        AsSpan().Contains(violation) ? this : new([.. AsSpan(), violation]);

    /// <summary>These limits and those of <paramref name="other"/> not listed yet.</summary>
    public BrokenLimits WithAll(BrokenLimits other)
    {
        var all = this;
        foreach (var violation in other.AsSpan())
        {
            all = all.With(violation);
        }
        return all;
    }

    public bool Equals(BrokenLimits other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is BrokenLimits other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var violation in AsSpan())
        {
            hash.Add(violation);
        }
        return hash.ToHashCode();
    }

    public static bool operator ==(BrokenLimits left, BrokenLimits right) => left.Equals(right);

    public static bool operator !=(BrokenLimits left, BrokenLimits right) => !left.Equals(right);
}
