using EducationHub.Complaints.Domain;

namespace EducationHub.Complaints.Tests.Domain;

internal static class ComplaintBuilder
{
    public static readonly DateOnly Received = new(2026, 11, 2); // a Monday
    public static readonly ComplaintTimescales Timescales = new();
    public static readonly WeekdayCalendar SchoolDays = new();

    public static NewComplaint Intake(
        ComplaintCategory category = ComplaintCategory.Bullying,
        ComplaintStage start = ComplaintStage.Stage1,
        DateOnly? incidentOn = null,
        DateOnly? receivedOn = null,
        OutOfScopeMatter matter = OutOfScopeMatter.None,
        string? lateReason = null,
        bool academy = false,
        int urn = 123456,
        string summary = "My child has been bullied in the playground every day and staff did nothing") =>
        new(Guid.NewGuid(), urn, academy, category, ComplainantType.Parent, IntakeChannel.Email, summary,
            incidentOn ?? Received.AddDays(-10), receivedOn ?? Received, start, matter, lateReason,
            "A Parent", "parent@example.org", "council");

    public static Complaint Receive(NewComplaint? intake = null) => Complaint.Receive(intake ?? Intake(), Timescales, SchoolDays);
}
