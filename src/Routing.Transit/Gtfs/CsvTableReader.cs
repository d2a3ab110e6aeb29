using System.Text;

namespace Routing.Transit.Gtfs;

/// <summary>
/// Streams one GTFS table (RFC 4180 CSV): a header, then one record at a time, never the whole file. Quoted fields
/// (with <c>""</c> inside and line breaks), a UTF-8 byte-order mark, CRLF or LF line ends. Fields are kept in one
/// reused buffer, so reading a large <c>stop_times.txt</c> allocates only the strings asked for.
/// </summary>
internal sealed class CsvTableReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly StringBuilder _buffer = new();
    private readonly List<int> _fieldEnds = [];
    private char[] _chars = new char[256];
    private long _nextLine = 1;

    public CsvTableReader(Stream stream, string fileName)
    {
        FileName = fileName;
        _reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (!ReadRecord())
        {
            throw new GtfsFormatException($"{fileName}, line 1: the file is empty; a GTFS table starts with a header line");
        }
        for (int i = 0; i < _fieldEnds.Count; i++)
        {
            _columns.TryAdd(FieldString(i).Trim(), i);
        }
    }

    public string FileName { get; }

    /// <summary>The line the current record starts on (the header is line 1).</summary>
    public long Line { get; private set; }

    /// <summary>The column's index, or -1 when the file has no such column.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out int index) ? index : -1;

    /// <summary>The column's index.</summary>
    /// <exception cref="GtfsFormatException">The header lacks it.</exception>
    public int RequiredColumn(string name) => Column(name) is var index and >= 0
        ? index
        : throw GtfsFormatException.At(FileName, 1, name, "the header has no such column, and GTFS requires it");

    /// <summary>Moves to the next record; false at the end. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (ReadRecord())
        {
            if (_fieldEnds.Count > 1 || _buffer.Length > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The field's text, trimmed; empty when the column is -1 or the record is short.</summary>
    public ReadOnlySpan<char> Span(int column)
    {
        if (column < 0 || column >= _fieldEnds.Count)
        {
            return [];
        }
        int start = column == 0 ? 0 : _fieldEnds[column - 1];
        int length = _fieldEnds[column] - start;
        if (_chars.Length < _buffer.Length)
        {
            _chars = new char[Math.Max(_buffer.Length, _chars.Length * 2)];
        }
        _buffer.CopyTo(start, _chars, 0, length);
        return _chars.AsSpan(0, length).Trim();
    }

    public string Field(int column) => Span(column).ToString();

    /// <summary>The field's text, which must not be empty.</summary>
    /// <exception cref="GtfsFormatException">It is empty.</exception>
    public string RequiredField(int column, string name)
    {
        var span = Span(column);
        return span.IsEmpty ? throw Fault(name, "is empty, and GTFS requires a value") : span.ToString();
    }

    /// <summary>An error at the current record naming the field.</summary>
    public GtfsFormatException Fault(string field, string problem) => GtfsFormatException.At(FileName, Line, field, problem);

    public void Dispose() => _reader.Dispose();

    private string FieldString(int column)
    {
        int start = column == 0 ? 0 : _fieldEnds[column - 1];
        return _buffer.ToString(start, _fieldEnds[column] - start);
    }

    private bool ReadRecord()
    {
        _buffer.Clear();
        _fieldEnds.Clear();
        Line = _nextLine;
        int c = _reader.Read();
        if (c < 0)
        {
            return false;
        }
        bool quoted = false;
        bool fieldStarted = false;
        while (true)
        {
            if (c < 0)
            {
                if (quoted)
                {
                    throw GtfsFormatException.At(FileName, Line, $"#{_fieldEnds.Count + 1}", "a quoted field is never closed (the file ends inside quotes)");
                }
                break;
            }
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _buffer.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _nextLine++;
                    }
                    _buffer.Append(ch);
                }
            }
            else if (ch == '"' && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (ch == ',')
            {
                _fieldEnds.Add(_buffer.Length);
                fieldStarted = false;
            }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && _reader.Peek() == '\n')
                {
                    _reader.Read();
                }
                _nextLine++;
                break;
            }
            else
            {
                _buffer.Append(ch);
                fieldStarted = true;
            }
            c = _reader.Read();
        }
        _fieldEnds.Add(_buffer.Length);
        return true;
    }
}
