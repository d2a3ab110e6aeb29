namespace Routing.Preprocess;

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The input cannot be used (missing, not OSM, corrupt, nothing walkable) or the output cannot be written.</summary>
    public const int BadInput = 1;
}
