namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// The working collections of one priority calculation, cleared and reused for the next school
/// instead of allocated per school (a month's list scores 25,000 schools twice). One per thread of
/// work: a <see cref="RiskList.RiskListAssembly"/> keeps its own; nothing in it outlives a calculation.
/// </summary>
internal sealed class CalculationScratch(PriorityModel model)
{
    // Clearing a hash table costs its capacity, so one grown by a rare school with thousands of
    // records is replaced rather than cleared for every school after it.
    private const int LargestKept = 256;

    public Accumulator Accumulator { get; } = new(model);
    public Dictionary<Guid, NoticeState> Notices { get; private set; } = [];
    public Dictionary<Guid, InterventionState> Interventions { get; private set; } = [];
    public Dictionary<Guid, CaseState> Cases { get; private set; } = [];
    public Dictionary<Guid, TimelineEntry> Signals { get; private set; } = [];
    public HashSet<Guid> Superseded { get; private set; } = [];
    public List<TimelineEntry> Concerns { get; } = [];
    public ComplaintTally Complaints { get; } = new();

    // Each record kind's states or entries in the order they are worded.
    public List<NoticeState> NoticeOrder { get; } = [];
    public List<InterventionState> InterventionOrder { get; } = [];
    public List<CaseState> CaseOrder { get; } = [];
    public List<TimelineEntry> SignalOrder { get; } = [];

    // A capped group's points and, when explaining, each one's wording.
    public List<double> GroupPoints { get; } = [];
    public List<(string Text, IReadOnlyList<string> Refs)> GroupWording { get; } = [];
    public List<string> Parts { get; } = [];

    private (PriorityReason Reason, int Index)[] _reasonOrder = new (PriorityReason, int)[16];

    /// <summary>An array of at least <paramref name="count"/> slots for putting a school's reasons in order.</summary>
    public (PriorityReason Reason, int Index)[] ReasonOrder(int count)
    {
        if (_reasonOrder.Length < count) _reasonOrder = new (PriorityReason, int)[Math.Max(count, _reasonOrder.Length * 2)];
        return _reasonOrder;
    }

    public Accumulator Begin(DateTimeOffset asOf, PriorityDetail detail)
    {
        Notices = Emptied(Notices);
        Interventions = Emptied(Interventions);
        Cases = Emptied(Cases);
        Signals = Emptied(Signals);
        Superseded = Emptied(Superseded);
        Concerns.Clear();
        Complaints.Clear();
        Accumulator.Reset(asOf, detail);
        return Accumulator;
    }

    internal static Dictionary<TKey, TValue> Emptied<TKey, TValue>(Dictionary<TKey, TValue> d) where TKey : notnull
    {
        if (d.EnsureCapacity(0) > LargestKept) return [];
        d.Clear();
        return d;
    }

    private static HashSet<T> Emptied<T>(HashSet<T> set)
    {
        if (set.EnsureCapacity(0) > LargestKept) return [];
        set.Clear();
        return set;
    }
}
