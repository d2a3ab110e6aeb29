using System.Runtime.InteropServices;

namespace Routing.Graph;

/// <summary>
/// One level an elevator node or way serves, from OSM <c>level</c> (file sections <c>VLVL</c> for vertices and <c>ELVL</c>
/// for edges): a lift tagged <c>level=-1;0</c> has two entries. Kept only for elevators, the one reader being the match of
/// live elevator feeds to the graph; most elements have none (level unknown). The layout is fixed; change it only together
/// with <see cref="Format.GraphFormat.Version"/>.
/// </summary>
/// <param name="Element">The vertex or edge.</param>
/// <param name="Level">The OSM level number: 0 the ground floor, negative below, fractions for split levels.</param>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct ElementLevel(int Element, float Level)
{
    /// <summary>
    /// The entries of <paramref name="element"/> in <paramref name="levels"/>, which are sorted by element and level (as
    /// <see cref="GraphArrays.Validate"/> demands): a binary search, the few entries of one element after it.
    /// </summary>
    public static ReadOnlySpan<ElementLevel> Of(ReadOnlySpan<ElementLevel> levels, int element)
    {
        int low = 0, high = levels.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (levels[middle].Element < element)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        int end = low;
        while (end < levels.Length && levels[end].Element == element)
        {
            end++;
        }
        return levels[low..end];
    }
}
