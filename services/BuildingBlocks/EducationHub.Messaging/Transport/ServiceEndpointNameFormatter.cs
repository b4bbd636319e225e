using MassTransit;

namespace EducationHub.Messaging.Transport;

/// <summary>
/// Kebab-case endpoint names prefixed by the consumer's service, so Hub's and Governance's
/// consumers of the same event get separate queues (each receives its own copy).
/// </summary>
internal sealed class ServiceEndpointNameFormatter(string? fixedPrefix) : IEndpointNameFormatter
{
    private static readonly KebabCaseEndpointNameFormatter Kebab = new(includeNamespace: false);

    public string Separator => Kebab.Separator;

    public string TemporaryEndpoint(string tag) => Kebab.TemporaryEndpoint(tag);

    public string Consumer<T>() where T : class, IConsumer => Prefixed(typeof(T), Kebab.Consumer<T>());

    public string Message<T>() where T : class => Kebab.Message<T>();

    public string Saga<T>() where T : class, ISaga => Prefixed(typeof(T), Kebab.Saga<T>());

    public string ExecuteActivity<T, TArguments>()
        where T : class, IExecuteActivity<TArguments>
        where TArguments : class => Prefixed(typeof(T), Kebab.ExecuteActivity<T, TArguments>());

    public string CompensateActivity<T, TLog>()
        where T : class, ICompensateActivity<TLog>
        where TLog : class => Prefixed(typeof(T), Kebab.CompensateActivity<T, TLog>());

    public string SanitizeName(string name) => Kebab.SanitizeName(name);

    private string Prefixed(Type type, string name) => $"{PrefixFor(type)}-{name}";

    private string PrefixFor(Type type)
    {
        if (!string.IsNullOrWhiteSpace(fixedPrefix))
            return Kebab.SanitizeName(fixedPrefix);
        var assembly = type.Assembly.GetName().Name ?? "service";
        const string Root = "EducationHub.";
        if (assembly.StartsWith(Root, StringComparison.Ordinal) && assembly.Length > Root.Length)
            assembly = assembly[Root.Length..];
        return Kebab.SanitizeName(assembly.Replace('.', '-'));
    }
}
