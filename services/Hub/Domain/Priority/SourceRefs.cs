using System.Collections;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// A reason's references to its source records, kept as (kind, id) pairs and written out as
/// "kind/id" (<see cref="Wording.Ref"/>) only when read. A month's list holds about forty of them
/// per school for 25,000 schools, and most are never shown; a written reference is a 100-byte
/// string, a kept one 24 bytes, and the text is the same whenever it is read.
/// </summary>
internal sealed class SourceRefs : IReadOnlyList<string>
{
    private (string Kind, Guid Id)[] _refs;
    private int _count;

    public SourceRefs(int capacity = 2) => _refs = new (string, Guid)[Math.Max(1, capacity)];

    public int Count => _count;

    public string this[int index] =>
        (uint)index < (uint)_count ? Wording.Ref(_refs[index].Kind, _refs[index].Id) : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(string kind, Guid id)
    {
        if (_count == _refs.Length) Array.Resize(ref _refs, _count * 2);
        _refs[_count++] = (kind, id);
    }

    public void AddEvent(Guid eventId) => Add(Wording.EventKind, eventId);

    /// <summary>Adds the reference unless the same one is already there (as <c>Distinct</c> on the written text would).</summary>
    public void AddOnce(string kind, Guid id)
    {
        for (var i = 0; i < _count; i++)
            if (_refs[i].Id == id && string.Equals(_refs[i].Kind, kind, StringComparison.Ordinal)) return;
        Add(kind, id);
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _count; i++) yield return Wording.Ref(_refs[i].Kind, _refs[i].Id);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
