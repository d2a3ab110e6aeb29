namespace Routing.Http;

/// <summary>
/// Finds a <c>\uD800</c>-style escape that is half of a surrogate pair without its other half. JSON's grammar allows
/// it, so the parser accepts the document, but no string can hold it: reading the value then throws, deep inside
/// whatever reads it (it answered 500 in 20 places). Checked once on the raw bytes, before anything reads a value.
/// </summary>
public static class JsonEscapes
{
    /// <summary>The byte offset of the first lone surrogate escape, or -1 when there is none.</summary>
    public static int LoneSurrogateAt(ReadOnlySpan<byte> json)
    {
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\' || i + 1 >= json.Length)
            {
                continue;
            }
            if (json[i + 1] != (byte)'u')
            {
                i++; // an escaped character such as \\ or \": the next byte starts nothing
                continue;
            }
            int unit = Hex4(json, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return i; // a low half with no high half before it (a pair's low half is skipped below)
            }
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                bool paired = i + 7 < json.Length && json[i + 6] == (byte)'\\' && json[i + 7] == (byte)'u'
                    && Hex4(json, i + 8) is >= 0xDC00 and <= 0xDFFF;
                if (!paired)
                {
                    return i;
                }
                i += 11; // past both halves
                continue;
            }
            i += unit >= 0 ? 5 : 1;
        }
        return -1;
    }

    /// <summary>The four hex digits at <paramref name="start"/> as a number, or -1 when they are not four hex digits.</summary>
    private static int Hex4(ReadOnlySpan<byte> json, int start)
    {
        if (start + 4 > json.Length)
        {
            return -1;
        }
        int value = 0;
        for (int k = start; k < start + 4; k++)
        {
            int digit = json[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => json[k] - '0',
                >= (byte)'a' and <= (byte)'f' => json[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => json[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }
            value = (value * 16) + digit;
        }
        return value;
    }
}
