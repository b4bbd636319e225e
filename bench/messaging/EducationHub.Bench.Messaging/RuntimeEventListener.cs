using System.Diagnostics.Tracing;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// An in-process listener to the .NET runtime's own events (JIT, tiering, GC) at one level and set
/// of keywords. The runtime announces its event source from EventListener's constructor, before a
/// derived class's constructor has run, so the level and keywords are fixed here, as constructor
/// arguments, not read from the derived class.
/// </summary>
public abstract class RuntimeEventListener(EventLevel level, EventKeywords keywords) : EventListener
{
    public const EventKeywords GcKeyword = (EventKeywords)0x1;
    public const EventKeywords JitKeyword = (EventKeywords)0x10;
    public const EventKeywords TieredCompilationKeyword = (EventKeywords)0x1000000000;

    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeProvider)
            EnableEvents(eventSource, level, keywords);
    }
}
