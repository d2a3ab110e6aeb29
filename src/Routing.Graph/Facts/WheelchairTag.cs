namespace Routing.Graph.Facts;

/// <summary>An explicit <c>wheelchair=*</c> statement; it beats every inference.</summary>
public enum WheelchairTag : byte
{
    Unknown = 0,
    Yes,
    Designated,
    Limited,
    No,
}
