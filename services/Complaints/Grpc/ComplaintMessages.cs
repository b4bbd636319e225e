using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;
using Proto = EducationHub.Protos.Complaints.V1;

namespace EducationHub.Complaints.Grpc;

/// <summary>Domain → wire. Overdue flags are computed for the given Europe/London date.</summary>
internal static class ComplaintMessages
{
    public static Proto.Complaint ToMessage(this Complaint c, DateOnly today)
    {
        var message = new Proto.Complaint
        {
            ComplaintId = c.Id.ToString(),
            Urn = c.Urn,
            SchoolIsAcademy = c.SchoolIsAcademy,
            Category = c.Category.ToProto(),
            ComplainantType = c.ComplainantType.ToProto(),
            Channel = c.Channel.ToProto(),
            Summary = c.Summary,
            IncidentOn = ProtoDates.Format(c.IncidentOn),
            ReceivedOn = ProtoDates.Format(c.ReceivedOn),
            LateAcceptanceReason = c.LateAcceptanceReason ?? "",
            AcknowledgeBy = ProtoDates.Format(c.AcknowledgeBy),
            AcknowledgedOn = ProtoDates.Format(c.AcknowledgedOn),
            Status = c.Status.ToProto(),
            Stage = c.Stage.ToProto(),
            SafeguardingFlag = c.SafeguardingFlag,
            RoutedMatter = c.RoutedMatter.ToProto(),
            RoutedTo = c.RoutedTo ?? "",
            CampaignId = c.CampaignId?.ToString() ?? "",
            ClosedOn = ProtoDates.Format(c.ClosedOn),
            RecordedByOrganisation = c.RecordedByOrganisation,
            ComplainantName = c.Complainant.Name ?? "",
            ComplainantContact = c.Complainant.Contact ?? "",
        };
        message.AllowedActions.AddRange(c.AllowedActions());
        foreach (var stage in c.Stages.OrderBy(s => s.Stage))
        {
            var record = new Proto.StageRecord
            {
                Stage = stage.Stage.ToProto(),
                OpenedOn = ProtoDates.Format(stage.OpenedOn),
                DueOn = ProtoDates.Format(stage.DueOn),
                ExtensionReason = stage.ExtensionReason ?? "",
                RespondedOn = ProtoDates.Format(stage.RespondedOn),
                Outcome = stage.Outcome.ToProto(),
                EscalatedTo = stage.EscalatedTo.ToProto(),
                Overdue = c.Status == ComplaintStatus.Open && stage == c.CurrentStage && stage.DueOn is { } due && today > due,
            };
            record.Remedies.AddRange(stage.Remedies.Select(r => new Proto.Remedy
            {
                RemedyId = r.Id,
                Description = r.Description,
                CarriedOutOn = ProtoDates.Format(r.CarriedOutOn),
            }));
            message.Stages.Add(record);
        }
        return message;
    }

    public static Proto.ThemeSummary ToMessage(int urn, DateOnly endingOn, IEnumerable<ThemeCounter.ThemeCount> counts)
    {
        var summary = new Proto.ThemeSummary { Urn = urn, EndingOn = ProtoDates.Format(endingOn) };
        summary.Themes.AddRange(counts.Select(t => new Proto.ThemeCount
        {
            Category = t.Category.ToProto(),
            WindowDays = t.WindowDays,
            Complaints = t.Complaints,
            CountedForRisk = t.CountedForRisk,
        }));
        return summary;
    }

    public static Proto.Campaign ToMessage(Campaign campaign, IReadOnlyList<Complaint> members)
    {
        var message = new Proto.Campaign
        {
            CampaignId = campaign.Id.ToString(),
            Urn = campaign.Urn,
            Category = campaign.Category.ToProto(),
            FirstReceivedOn = ProtoDates.Format(members.Count > 0 ? members.Min(m => m.ReceivedOn) : null),
            LastReceivedOn = ProtoDates.Format(members.Count > 0 ? members.Max(m => m.ReceivedOn) : null),
        };
        message.ComplaintIds.AddRange(members.Select(m => m.Id.ToString()));
        return message;
    }
}
