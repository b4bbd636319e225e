namespace EducationHub.Testing;

internal static class AssemblyMarker;
