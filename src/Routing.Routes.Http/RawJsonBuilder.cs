using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Routing.Routes.Http;

/// <summary>
/// JSON text appended to a byte buffer the thread reuses, for a part of an answer whose shape is fixed and written by
/// hand (<see cref="SegmentListConverter"/>, <see cref="RouteLine"/>'s positions): every call is a copy into the buffer, where each of
/// <see cref="Utf8JsonWriter"/>'s calls checks its state, its indentation and its room first. The caller writes the
/// punctuation and the pre-encoded names itself; strings are escaped as the writer they go to would escape them.
/// </summary>
internal ref struct RawJsonBuilder
{
    /// <summary>A buffer that grew beyond this (a very long route) is let go after the answer instead of kept by the thread.</summary>
    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static byte[]? t_buffer;

    private readonly JavaScriptEncoder? _encoder;
    private byte[] _buffer;
    private int _length;

    /// <param name="encoder">The encoder of the writer the text goes to (null: the writer's default).</param>
    public RawJsonBuilder(JavaScriptEncoder? encoder)
    {
        _encoder = encoder;
        _buffer = t_buffer ?? new byte[64 * 1024];
        t_buffer = null; // a converter that writes again while this one writes (it does not) gets a buffer of its own
        _length = 0;
    }

    /// <summary>Hands the text to <paramref name="writer"/> as one value and gives the buffer back to the thread.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteRawValue(_buffer.AsSpan(0, _length), skipInputValidation: true);
        if (_buffer.Length <= KeptBufferBytes)
        {
            t_buffer = _buffer;
        }
    }

    /// <summary>Punctuation and pre-encoded names, e.g. <c>",\"name\":"u8</c>.</summary>
    public void Raw(ReadOnlySpan<byte> text)
    {
        text.CopyTo(Room(text.Length));
        _length += text.Length;
    }

    public void Raw(byte character)
    {
        Room(1)[0] = character;
        _length++;
    }

    public void Number(long value)
    {
        Utf8Formatter.TryFormat(value, Room(20), out int written);
        _length += written;
    }

    public void Number(long? value)
    {
        if (value is { } number)
        {
            Number(number);
        }
        else
        {
            Null();
        }
    }

    /// <summary>A double as the writer writes it: the shortest text that reads back as the same value.</summary>
    public void Number(double? value)
    {
        if (value is not { } number)
        {
            Null();
            return;
        }
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"{number} is not a JSON number.", nameof(value));
        }
        Utf8Formatter.TryFormat(number, Room(FixedDecimals.MaxLength), out int written);
        _length += written;
    }

    public void Number(DecimalNumber? value)
    {
        if (value is { } number)
        {
            Decimal(number.Value, number.Decimals);
        }
        else
        {
            Null();
        }
    }

    /// <summary>A number rounded to <paramref name="decimals"/> (0 to 7), as <see cref="FixedDecimals.Write"/> writes it.</summary>
    public void Decimal(double value, int decimals)
    {
        if (FixedDecimals.TryFormat(Room(FixedDecimals.MaxLength), value, decimals, out int written))
        {
            _length += written;
        }
        else
        {
            Number(Math.Round(value, decimals)); // NaN, infinities and huge values, as FixedDecimals.Write leaves them to the writer
        }
    }

    public void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Null() => Raw("null"u8);

    /// <summary>A string in quotes, escaped as the target writer escapes it; null as <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        int most = Encoding.UTF8.GetMaxByteCount(value.Length);
        var text = Room(most + 2);
        int length = Encoding.UTF8.GetBytes(value, text[1..]);
        var utf8 = text.Slice(1, length);
        if ((_encoder ?? JavaScriptEncoder.Default).FindFirstCharacterToEncodeUtf8(utf8) < 0)
        {
            text[0] = (byte)'"';
            text[length + 1] = (byte)'"';
            _length += length + 2;
            return;
        }
        // Rare in answers (a quote or a control character, or any non-ASCII letter for the default encoder): the
        // writer's own escaping, by the same code it uses for a string value.
        var escaped = JsonEncodedText.Encode(utf8, _encoder).EncodedUtf8Bytes;
        Raw((byte)'"');
        Raw(escaped);
        Raw((byte)'"');
    }

    /// <summary>At least <paramref name="bytes"/> bytes to write into at the end of the text.</summary>
    private Span<byte> Room(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
        return _buffer.AsSpan(_length);
    }
}
