namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>The file's headers match none of the layouts this import accepts.</summary>
public sealed class UnrecognisedFileException(string message) : Exception(message);
