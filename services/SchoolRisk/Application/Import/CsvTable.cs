using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// A CSV extract read one row at a time (never the whole file in memory), with headers looked up
/// by name so column order and extra columns don't matter. Malformed rows (broken quoting, wrong
/// number of fields) are reported with their line number and skipped.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private bool _badData;

    private CsvTable(Stream stream, Encoding encoding, string name)
    {
        Name = name;
        Encoding = encoding;
        _reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => _badData = true,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
        };
        _csv = new CsvReader(_reader, config);
        if (_csv.Read())
        {
            _csv.ReadHeader();
            var headers = _csv.HeaderRecord ?? [];
            for (var i = 0; i < headers.Length; i++)
            {
                _columns.TryAdd(headers[i].Trim().TrimStart('\uFEFF'), i);
            }
            Headers = [.. headers.Select(h => h.Trim().TrimStart('\uFEFF'))];
        }
    }

    public string Name { get; }
    public Encoding Encoding { get; }
    public IReadOnlyList<string> Headers { get; } = [];

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
        while (_csv.Read())
        {
            var line = _csv.Parser.RawRow;
            var count = _csv.Parser.Count;
            if (_badData)
            {
                _badData = false;
                onMalformed(line, "malformed quoting");
                continue;
            }
            if (count == 1 && string.IsNullOrWhiteSpace(_csv.Parser[0]))
            {
                continue; // blank line
            }
            if (count != Headers.Count)
            {
                onMalformed(line, $"expected {Headers.Count} fields, found {count}");
                continue;
            }
            yield return new CsvLine(this, line);
        }
    }

    internal string? Field(string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= _csv.Parser.Count)
        {
            return null;
        }
        var value = _csv.Parser[index];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }
}
