using System.Text;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// A CSV extract read one row at a time (never the whole file in memory), with headers looked up
/// by name so column order and extra columns don't matter. Malformed rows (broken quoting, wrong
/// number of fields) are reported with their line number and skipped.
/// </summary>
/// <remarks>
/// RFC 4180 quoting: fields may be quoted, <c>""</c> is a quote inside a quoted field, spaces around
/// fields are trimmed. A quoted field may span physical lines, but only when the record it forms is
/// well-formed (closed within <see cref="MaxLinesPerRecord"/> lines, nothing but a comma after the
/// closing quote, the header's number of fields). Otherwise the quote is taken to be unbalanced: the
/// line it starts on is reported and reading resumes on the very next physical line, so one stray
/// quote never swallows the rest of the file. None of the DfE/Ofsted/GIAS open-data files has a line
/// break inside a quoted field; the rule keeps such files readable if one ever does.
/// </remarks>
public sealed class CsvTable : IDisposable
{
    /// <summary>The most physical lines one record may span (a quoted field with line breaks).</summary>
    public const int MaxLinesPerRecord = 20;

    private readonly StreamReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stack<(long Number, string Text)> _pushedBack = new();
    private readonly List<string> _fields = [];
    private long _linesRead;

    private CsvTable(Stream stream, Encoding encoding, string name)
    {
        Name = name;
        Encoding = encoding;
        _reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        // The header is the first non-blank record; none at all means the file is empty.
        while (TryReadRecord(null, expectedFields: null, out _))
        {
            if (!IsBlankRecord())
            {
                Headers = [.. _fields.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];
                for (var i = 0; i < Headers.Count; i++)
                {
                    _columns.TryAdd(Headers[i], i);
                }
                break;
            }
        }
        _fields.Clear();
        HasDataRows = Headers.Count > 0 && PeekNonBlankLine();
    }

    public string Name { get; }
    public Encoding Encoding { get; }
    public IReadOnlyList<string> Headers { get; } = [];

    /// <summary>No header row: the file is empty (or holds only blank lines or a byte-order mark).</summary>
    public bool IsEmpty => Headers.Count == 0;

    /// <summary>Whether anything but blank lines follows the header row.</summary>
    public bool HasDataRows { get; }

    public static CsvTable Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        try
        {
            return new CsvTable(stream, TextEncodingDetector.Detect(stream), Path.GetFileName(path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a seekable stream (e.g. an uploaded file spooled to disk), detecting its encoding.</summary>
    public static CsvTable Open(Stream stream, string name) => new(stream, TextEncodingDetector.Detect(stream), name);

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    public bool HasColumns(params string[] columns) => columns.All(HasColumn);

    /// <summary>Streams the data rows; <paramref name="onMalformed"/> receives lines that could not be split into fields.</summary>
    public IEnumerable<CsvLine> Rows(Action<long, string> onMalformed)
    {
        while (TryReadRecord(onMalformed, Headers.Count, out var line))
        {
            if (IsBlankRecord())
            {
                continue;
            }
            if (_fields.Count != Headers.Count)
            {
                onMalformed(line, $"expected {Headers.Count} fields, found {_fields.Count}");
                continue;
            }
            yield return new CsvLine(this, line);
        }
    }

    internal string? Field(string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= _fields.Count)
        {
            return null;
        }
        var value = _fields[index];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public void Dispose() => _reader.Dispose();

    private bool IsBlankRecord() => _fields.Count == 1 && string.IsNullOrWhiteSpace(_fields[0]);

    /// <summary>
    /// Reads the next record into <see cref="_fields"/>, reporting (and skipping) lines whose quoting is
    /// broken. A record continued over several lines is accepted only when it is well-formed and, if
    /// <paramref name="expectedFields"/> is given, has that many fields.
    /// </summary>
    private bool TryReadRecord(Action<long, string>? onMalformed, int? expectedFields, out long lineNumber)
    {
        while (TryReadLine(out var first))
        {
            lineNumber = first.Number;
            var result = Split(first.Text, out var problem);
            if (result == SplitResult.Complete)
            {
                return true;
            }
            if (result == SplitResult.Malformed)
            {
                onMalformed?.Invoke(first.Number, $"malformed quoting: {problem}");
                continue;
            }
            // A quoted field is still open at the end of the line: it may legitimately hold a line break.
            var continuation = new List<(long Number, string Text)>();
            var text = new StringBuilder(first.Text);
            while (result == SplitResult.QuoteOpen && continuation.Count < MaxLinesPerRecord - 1 && TryReadLine(out var next))
            {
                continuation.Add(next);
                text.Append('\n').Append(next.Text);
                result = Split(text.ToString(), out problem);
            }
            if (result == SplitResult.Complete && (expectedFields is null || _fields.Count == expectedFields))
            {
                return true;
            }
            onMalformed?.Invoke(first.Number,
                "malformed quoting: a quoted field opened on this line is never properly closed (unbalanced quote); the line is skipped and reading resumes on the next line");
            for (var i = continuation.Count - 1; i >= 0; i--)
            {
                _pushedBack.Push(continuation[i]);
            }
        }
        lineNumber = 0;
        _fields.Clear();
        return false;
    }

    private bool TryReadLine(out (long Number, string Text) line)
    {
        if (_pushedBack.TryPop(out line))
        {
            return true;
        }
        var text = _reader.ReadLine();
        if (text is null)
        {
            line = default;
            return false;
        }
        line = (++_linesRead, text);
        return true;
    }

    private bool PeekNonBlankLine()
    {
        while (TryReadLine(out var line))
        {
            if (!string.IsNullOrWhiteSpace(line.Text))
            {
                _pushedBack.Push(line);
                return true;
            }
        }
        return false;
    }

    private enum SplitResult
    {
        Complete,
        QuoteOpen,
        Malformed,
    }

    /// <summary>Splits one record's text into <see cref="_fields"/> (trimmed outside quotes).</summary>
    private SplitResult Split(string text, out string? problem)
    {
        _fields.Clear();
        problem = null;
        var value = new StringBuilder();
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < text.Length && IsBlank(text[i]))
            {
                i++;
            }
            if (i < text.Length && text[i] == '"')
            {
                var opened = i++;
                value.Clear();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return SplitResult.QuoteOpen;
                    }
                    var c = text[i++];
                    if (c != '"')
                    {
                        value.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        value.Append('"');
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }
                while (i < text.Length && IsBlank(text[i]))
                {
                    i++;
                }
                _fields.Add(value.ToString());
                if (i >= text.Length)
                {
                    return SplitResult.Complete;
                }
                if (text[i] != ',')
                {
                    problem = $"text after the closing quote of field {_fields.Count} (the quote at column {opened + 1})";
                    return SplitResult.Malformed;
                }
                i++;
            }
            else
            {
                var end = text.IndexOf(',', start);
                if (end < 0)
                {
                    end = text.Length;
                }
                var field = text[start..end];
                if (field.Contains('"', StringComparison.Ordinal))
                {
                    problem = $"a quote inside unquoted field {_fields.Count + 1}";
                    return SplitResult.Malformed;
                }
                _fields.Add(field.Trim());
                if (end >= text.Length)
                {
                    return SplitResult.Complete;
                }
                i = end + 1;
            }
        }
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
