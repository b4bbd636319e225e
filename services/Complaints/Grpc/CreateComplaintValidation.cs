using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;
using EducationHub.Grpc;
using Proto = EducationHub.Protos.Complaints.V1;

namespace EducationHub.Complaints.Grpc;

/// <summary>Checks every field of a new complaint and turns it into the domain's intake record.</summary>
internal static class CreateComplaintValidation
{
    public static NewComplaint ToNewComplaint(this Proto.CreateComplaintRequest r, DateOnly today, Actor actor)
    {
        var errors = new FieldErrors();
        errors.Require(r.Urn is >= 100000 and <= 999999, "urn", "must be a 6-digit unique reference number");
        var category = ComplaintEnumMapping.ToDomain<ComplaintCategory>((int)r.Category);
        errors.Require(category is not null, "category", "must be one of the listed categories");
        var complainantType = ComplaintEnumMapping.ToDomain<ComplainantType>((int)r.ComplainantType);
        errors.Require(complainantType is not null, "complainant_type", "must be parent, staff, pupil, public or councillor");
        var channel = ComplaintEnumMapping.ToDomain<IntakeChannel>((int)r.Channel);
        errors.Require(channel is not null, "channel", "must be web form, email, phone, letter or partner");
        errors.RequireNotEmpty(r.Summary, "summary");
        errors.Require(r.Summary.Length <= ComplaintLimits.SummaryMaxLength, "summary", $"must be at most {ComplaintLimits.SummaryMaxLength} characters");
        // Nullable rather than ProtoDates.Required's default(DateOnly), which is 0001-01-01 itself and would slip past the bound.
        errors.RequireNotEmpty(r.IncidentOn, "incident_on");
        var incidentOn = ProtoDates.Optional(r.IncidentOn, "incident_on", errors);
        var receivedOn = ProtoDates.Optional(r.ReceivedOn, "received_on", errors) ?? today;
        errors.Require(receivedOn <= today, "received_on", "cannot be in the future");
        // The same lower bound as every other date: before it the school calendar has no term dates to
        // count in, and a year-1 date is a mistake, not history.
        errors.Require(receivedOn >= ProtoDates.Earliest, "received_on", $"must be {ProtoDates.Format(ProtoDates.Earliest)} or later");
        errors.Require(incidentOn is not { } earliestIncident || earliestIncident >= ProtoDates.Earliest, "incident_on", $"must be {ProtoDates.Format(ProtoDates.Earliest)} or later");
        errors.Require(incidentOn is not { } incident || incident <= receivedOn, "incident_on", "cannot be after the date the complaint was received");
        var startStage = r.StartStage == Proto.Stage.Unspecified ? ComplaintStage.Concern : ComplaintEnumMapping.ToDomain<ComplaintStage>((int)r.StartStage);
        errors.Require(startStage is ComplaintStage.Concern or ComplaintStage.Stage1, "start_stage", "must be STAGE_CONCERN or STAGE_STAGE_1");
        var matter = Enum.IsDefined((OutOfScopeMatter)(int)r.OutOfScopeMatter) ? (OutOfScopeMatter)(int)r.OutOfScopeMatter : (OutOfScopeMatter?)null;
        errors.Require(matter is not null, "out_of_scope_matter", "is not a known matter");
        errors.Require(r.LateAcceptanceReason.Length <= ComplaintLimits.ReasonMaxLength, "late_acceptance_reason", $"must be at most {ComplaintLimits.ReasonMaxLength} characters");
        errors.Require(r.ComplainantName.Length <= ComplaintLimits.NameMaxLength, "complainant_name", $"must be at most {ComplaintLimits.NameMaxLength} characters");
        errors.Require(r.ComplainantContact.Length <= ComplaintLimits.ContactMaxLength, "complainant_contact", $"must be at most {ComplaintLimits.ContactMaxLength} characters");
        errors.ThrowIfAny();

        return new NewComplaint(
            Guid.CreateVersion7(), r.Urn, r.SchoolIsAcademy, category!.Value, complainantType!.Value, channel!.Value,
            r.Summary, incidentOn!.Value, receivedOn, startStage!.Value, matter!.Value,
            string.IsNullOrWhiteSpace(r.LateAcceptanceReason) ? null : r.LateAcceptanceReason,
            r.ComplainantName, r.ComplainantContact, actor.Organisation);
    }
}
