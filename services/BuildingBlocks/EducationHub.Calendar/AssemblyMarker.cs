namespace EducationHub.Calendar;

internal static class AssemblyMarker;
