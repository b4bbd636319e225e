namespace EducationHub.ServiceDefaults;

internal static class AssemblyMarker;
