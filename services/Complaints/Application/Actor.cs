namespace EducationHub.Complaints.Application;

/// <summary>Who is making a change: the calling organisation (recorded on every write) and the user or system within it.</summary>
public sealed record Actor(string Organisation, string Subject);
