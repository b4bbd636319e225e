namespace EducationHub.Complaints.Domain;

/// <summary>
/// A step dated before a date it must follow: the complaint's receipt, the current stage's
/// opening or its response. The message says which date (and what it was); the API maps it to
/// INVALID_ARGUMENT on the step's own date field.
/// </summary>
public sealed class StepDateException(string message) : Exception(message);
