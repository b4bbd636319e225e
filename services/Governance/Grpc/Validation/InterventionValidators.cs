using EducationHub.Calendar;
using EducationHub.Grpc;
using NodaTime;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc.Validation;

internal sealed class ProposeInterventionValidator(IClock clock) : IRequestValidator<Pb.ProposeInterventionRequest>
{
    public void Validate(Pb.ProposeInterventionRequest r, FieldErrors errors)
    {
        Fields.Urn(errors, r.Urn);
        Fields.Enum(errors, r.Kind, "kind");
        Fields.Text(errors, r.Rationale, "rationale");
        Fields.Text(errors, r.ResponsibleOfficer, "responsible_officer", Fields.MaxShortText);
        Fields.Text(errors, r.ResponsibleOrganisation, "responsible_organisation", Fields.MaxShortText, required: false);
        Fields.OptionalId(errors, r.NoticeId, "notice_id");
        Fields.OptionalDate(errors, r.NextReviewOn, "next_review_on", Fields.Ahead(clock.TodayInLondon()));
    }
}

internal sealed class TransitionInterventionValidator(IClock clock) : IRequestValidator<Pb.TransitionInterventionRequest>
{
    public void Validate(Pb.TransitionInterventionRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.InterventionId, "intervention_id");
        Fields.Enum(errors, r.Trigger, "trigger");
        Fields.OptionalDate(errors, r.OnDate, "on_date", clock.TodayInLondon());
        Fields.Text(errors, r.Note, "note", 2000, required: false);
        Fields.Text(errors, r.Outcome, "outcome", 2000, required: false);
    }
}

internal sealed class RecordInterventionReviewValidator(IClock clock) : IRequestValidator<Pb.RecordInterventionReviewRequest>
{
    public void Validate(Pb.RecordInterventionReviewRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.InterventionId, "intervention_id");
        Fields.Date(errors, r.ReviewedOn, "reviewed_on", clock.TodayInLondon());
        Fields.Text(errors, r.Note, "note");
        Fields.OptionalDate(errors, r.NextReviewOn, "next_review_on", Fields.Ahead(clock.TodayInLondon()));
    }
}

internal sealed class GetInterventionValidator : IRequestValidator<Pb.GetInterventionRequest>
{
    public void Validate(Pb.GetInterventionRequest r, FieldErrors errors) => Fields.Id(errors, r.InterventionId, "intervention_id");
}

internal sealed class ListInterventionsValidator : IRequestValidator<Pb.ListInterventionsRequest>
{
    public void Validate(Pb.ListInterventionsRequest r, FieldErrors errors)
    {
        Fields.OptionalUrn(errors, r.Urn);
        for (var i = 0; i < r.Statuses.Count; i++)
        {
            Fields.Enum(errors, r.Statuses[i], $"statuses[{i}]");
        }
    }
}

internal sealed class GetSchoolTimelineValidator : IRequestValidator<Pb.GetSchoolTimelineRequest>
{
    public void Validate(Pb.GetSchoolTimelineRequest r, FieldErrors errors) => Fields.Urn(errors, r.Urn);
}
