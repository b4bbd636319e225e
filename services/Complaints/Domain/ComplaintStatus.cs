namespace EducationHub.Complaints.Domain;

public enum ComplaintStatus
{
    /// <summary>Waiting for the school (or escalation body) to respond at the current stage.</summary>
    Open = 1,
    /// <summary>The stage has an outcome; the complainant may escalate or the case can be closed.</summary>
    Responded = 2,
    Closed = 3,
    /// <summary>Not a complaint for this procedure: sent to its own statutory process on intake.</summary>
    Routed = 4,
}
