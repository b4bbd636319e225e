namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>A row that cannot be understood; the import reports it with its line number and carries on.</summary>
public sealed class RowFormatException(string message) : Exception(message);
