namespace EducationHub.Messaging;

internal static class AssemblyMarker;
