namespace EducationHub.WhistleblowingPortal.Html;

/// <summary>Form field id → message, in the order the fields appear (the error summary follows it).</summary>
internal sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message)
    {
        if (!_errors.Any(e => e.Field == field))
        {
            _errors.Add((field, message));
        }
    }

    /// <summary>Replaces the field's message (or adds it), keeping its place in the summary.</summary>
    public void Replace(string field, string message)
    {
        var i = _errors.FindIndex(e => e.Field == field);
        if (i < 0)
        {
            _errors.Add((field, message));
        }
        else
        {
            _errors[i] = (field, message);
        }
    }

    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field).Message;

    public void SortBy(IReadOnlyList<string> fieldOrder) =>
        _errors.Sort((a, b) => Index(fieldOrder, a.Field).CompareTo(Index(fieldOrder, b.Field)));

    private static int Index(IReadOnlyList<string> order, string field)
    {
        var i = order.ToList().IndexOf(field);
        return i < 0 ? int.MaxValue : i;
    }
}
