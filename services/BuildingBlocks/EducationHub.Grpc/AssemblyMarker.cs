namespace EducationHub.Grpc;

internal static class AssemblyMarker;
