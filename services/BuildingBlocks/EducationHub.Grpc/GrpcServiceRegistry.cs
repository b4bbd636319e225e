using Google.Protobuf.Reflection;

namespace EducationHub.Grpc;

/// <summary>The gRPC services mapped in this process (used by reflection, health and the unknown-method route).</summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, ServiceDescriptor> _services = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock)
            {
                return [.. _services.Values];
            }
        }
    }

    public bool Contains(string serviceName)
    {
        lock (_lock)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    internal bool UnimplementedRouteMapped { get; set; }

    internal void Add(ServiceDescriptor descriptor, Type implementation)
    {
        lock (_lock)
        {
            if (!_services.TryAdd(descriptor.FullName, descriptor))
            {
                throw new InvalidOperationException($"gRPC service {descriptor.FullName} is mapped twice (second time by {implementation.FullName}); each service name can be bound once per process.");
            }
        }
    }
}
