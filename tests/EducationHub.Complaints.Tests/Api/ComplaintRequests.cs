using EducationHub.Protos.Complaints.V1;

namespace EducationHub.Complaints.Tests.Api;

internal static class ComplaintRequests
{
    public static CreateComplaintRequest Bullying(string receivedOn, string incidentOn, int urn = 123456, Stage start = Stage.Stage1) => new()
    {
        Urn = urn,
        Category = Category.Bullying,
        ComplainantType = ComplainantType.Parent,
        Channel = Channel.Email,
        Summary = "My son has been bullied at break time for weeks and nothing has been done",
        IncidentOn = incidentOn,
        ReceivedOn = receivedOn,
        StartStage = start,
        ComplainantName = "Jane Parent",
        ComplainantContact = "jane.parent@example.org",
    };
}
