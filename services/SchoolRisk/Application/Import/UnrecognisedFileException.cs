namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// The file as a whole cannot be imported: it is empty, its header row matches none of the layouts
/// this import accepts (the message names the columns a nearly matching file lacks), or it has no data rows.
/// </summary>
public sealed class UnrecognisedFileException(string message) : Exception(message);
