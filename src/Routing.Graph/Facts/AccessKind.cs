namespace Routing.Graph.Facts;

/// <summary>Legal access for people on foot (<c>access</c>, overridden by <c>foot</c>). Ways with access "no" are not imported.</summary>
public enum AccessKind : byte
{
    Yes = 0,
    /// <summary><c>private</c> or <c>destination</c>-like: physically usable, legally restricted.</summary>
    Private,
    /// <summary><c>permissive</c>, <c>customers</c> and similar: usable, owner may revoke.</summary>
    Permissive,
}
