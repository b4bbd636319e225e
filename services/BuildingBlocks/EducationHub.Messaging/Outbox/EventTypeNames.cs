using System.Collections.Concurrent;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Names event types as "Namespace.Type, Assembly" (no version, so an upgrade of the
/// contracts assembly still reads older rows) and resolves them back, cached.
/// </summary>
public static class EventTypeNames
{
    private static readonly ConcurrentDictionary<string, Type?> Resolved = new();

    // Every event written asks for its type's name, and Assembly.GetName() builds a new AssemblyName each time.
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string NameOf(Type type) =>
        Names.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type? Resolve(string name) =>
        Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
