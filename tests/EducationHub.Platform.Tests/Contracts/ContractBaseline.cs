using System.Reflection;
using EducationHub.Contracts.V1;

namespace EducationHub.Platform.Tests.Contracts;

/// <summary>
/// Describes every public type of <c>EducationHub.Contracts.V1</c> as one line per member:
/// "Type.Member: MemberType". Lines only ever get added inside V1; a changed or missing line is
/// a breaking change for consumers that already deserialize the old shape.
/// </summary>
public static class ContractBaseline
{
    public const string FileName = "contracts-v1.baseline.txt";

    public static IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        var types = typeof(IIntegrationEvent).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(IIntegrationEvent).Namespace);
        foreach (var type in types)
        {
            lines.Add($"{type.Name}: {Kind(type)}{Interfaces(type)}");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // The compiler's EqualityContract is not part of the wire shape.
                if (property.Name == "EqualityContract")
                    continue;
                lines.Add($"{type.Name}.{property.Name}: {TypeName(property.PropertyType, NullabilityOf(property))}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.GetMethod("<Clone>$") is not null ? "record" : type.IsValueType ? "struct" : "class";

    private static string Interfaces(Type type)
    {
        var names = type.GetInterfaces().Where(i => i.Namespace == type.Namespace).Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "" : " : " + string.Join(", ", names);
    }

    private static NullabilityInfo NullabilityOf(PropertyInfo property) => new NullabilityInfoContext().Create(property);

    private static string TypeName(Type type, NullabilityInfo? nullability)
    {
        var nullable = nullability?.ReadState == NullabilityState.Nullable && !type.IsValueType ? "?" : "";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return TypeName(underlying, null) + "?";
        if (type.IsArray)
            return TypeName(type.GetElementType()!, nullability?.ElementType) + "[]" + nullable;
        if (!type.IsGenericType)
            return (type.FullName ?? type.Name) + nullable;
        var name = type.GetGenericTypeDefinition().FullName!;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        var args = type.GetGenericArguments()
            .Select((a, i) => TypeName(a, nullability is not null && i < nullability.GenericTypeArguments.Length ? nullability.GenericTypeArguments[i] : null));
        return $"{name}<{string.Join(", ", args)}>{nullable}";
    }
}
