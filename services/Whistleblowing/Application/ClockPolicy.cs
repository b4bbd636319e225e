using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

/// <summary>Where a running clock stands at a given moment: fine, due soon (inside the warning window) or overdue.</summary>
public static class ClockPolicy
{
    public static ReminderState StateAt(ClockKind kind, DateTimeOffset dueAt, DateTimeOffset now, ClockOptions options)
    {
        if (now >= dueAt)
        {
            return ReminderState.Overdue;
        }

        var window = TimeSpan.FromDays(kind == ClockKind.Acknowledgement ? options.AcknowledgementDueSoonDays : options.FeedbackDueSoonDays);
        return now >= dueAt - window ? ReminderState.DueSoon : ReminderState.None;
    }
}
