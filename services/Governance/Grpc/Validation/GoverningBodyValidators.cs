using System.Net.Mail;
using EducationHub.Calendar;
using EducationHub.Grpc;
using Google.Protobuf.Collections;
using NodaTime;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc.Validation;

internal static class GoverningBodyFields
{
    public static void Validate(FieldErrors errors, string name, Pb.Clerk? clerk, RepeatedField<Pb.ConstitutionPlaces> constitution,
        RepeatedField<string> skillsGaps, RepeatedField<string> trainingGaps)
    {
        Fields.Text(errors, name, "name", Fields.MaxShortText);
        if (clerk is not null)
        {
            Fields.Text(errors, clerk.Name, "clerk.name", Fields.MaxShortText, required: false);
            // 254 characters: the longest address SMTP can carry (RFC 5321 path limit less the angle brackets).
            errors.Require(clerk.Email.Length <= Fields.MaxEmail, "clerk.email", $"must be at most {Fields.MaxEmail} characters");
            errors.Require(clerk.Email.Length == 0 || clerk.Email.Length > Fields.MaxEmail || MailAddress.TryCreate(clerk.Email, out _), "clerk.email", "must be an email address");
        }

        for (var i = 0; i < constitution.Count; i++)
        {
            Fields.Enum(errors, constitution[i].Category, $"constitution[{i}].category");
            errors.Require(constitution[i].Places is >= 1 and <= 30, $"constitution[{i}].places", "must be between 1 and 30");
        }

        errors.Require(constitution.Select(c => c.Category).Distinct().Count() == constitution.Count, "constitution", "must list each category once");
        Fields.TextList(errors, skillsGaps, "skills_gaps");
        Fields.TextList(errors, trainingGaps, "training_gaps");
    }
}

internal sealed class CreateGoverningBodyValidator : IRequestValidator<Pb.CreateGoverningBodyRequest>
{
    public void Validate(Pb.CreateGoverningBodyRequest r, FieldErrors errors)
    {
        Fields.Urn(errors, r.Urn);
        Fields.Enum(errors, r.Kind, "kind");
        GoverningBodyFields.Validate(errors, r.Name, r.Clerk, r.Constitution, r.SkillsGaps, r.TrainingGaps);
    }
}

internal sealed class UpdateGoverningBodyValidator : IRequestValidator<Pb.UpdateGoverningBodyRequest>
{
    public void Validate(Pb.UpdateGoverningBodyRequest r, FieldErrors errors)
    {
        Fields.Urn(errors, r.Urn);
        GoverningBodyFields.Validate(errors, r.Name, r.Clerk, r.Constitution, r.SkillsGaps, r.TrainingGaps);
    }
}

internal sealed class GetGoverningBodyValidator : IRequestValidator<Pb.GetGoverningBodyRequest>
{
    public void Validate(Pb.GetGoverningBodyRequest r, FieldErrors errors) => Fields.Urn(errors, r.Urn);
}

internal sealed class ListGoverningBodiesValidator : IRequestValidator<Pb.ListGoverningBodiesRequest>
{
    public void Validate(Pb.ListGoverningBodiesRequest r, FieldErrors errors) => Fields.Paging(errors, r.PageSize, r.PageToken);
}

internal sealed class AppointGovernorValidator(IClock clock) : IRequestValidator<Pb.AppointGovernorRequest>
{
    public void Validate(Pb.AppointGovernorRequest r, FieldErrors errors)
    {
        var ahead = Fields.Ahead(clock.TodayInLondon());
        Fields.Urn(errors, r.Urn);
        Fields.Text(errors, r.FullName, "full_name", Fields.MaxShortText);
        Fields.Enum(errors, r.Category, "category");
        Fields.OptionalEnum(errors, r.Role, "role");
        Fields.Text(errors, r.AppointedBy, "appointed_by", Fields.MaxShortText);
        // An appointment may be recorded before it takes effect.
        var appointedOn = Fields.Date(errors, r.AppointedOn, "appointed_on", ahead);
        var termEndsOn = Fields.Date(errors, r.TermEndsOn, "term_ends_on", ahead);
        if (appointedOn is { } from && termEndsOn is { } to)
        {
            errors.Require(to > from, "term_ends_on", "must be after appointed_on");
            // School Governance (Constitution) (England) Regulations 2012: terms of office are at most four years
            // (the headteacher is a governor ex officio, without a fixed term).
            errors.Require(r.Category == Pb.GovernorCategory.Headteacher || to <= from.PlusYears(4), "term_ends_on", "a term of office is at most four years");
        }
    }
}

internal sealed class RemoveGovernorValidator(IClock clock) : IRequestValidator<Pb.RemoveGovernorRequest>
{
    public void Validate(Pb.RemoveGovernorRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.GovernorId, "governor_id");
        Fields.OptionalDate(errors, r.LeftOn, "left_on", clock.TodayInLondon());
        Fields.Text(errors, r.Reason, "reason", 1000);
    }
}

internal sealed class RecordGovernanceReviewValidator(IClock clock) : IRequestValidator<Pb.RecordGovernanceReviewRequest>
{
    public void Validate(Pb.RecordGovernanceReviewRequest r, FieldErrors errors)
    {
        Fields.Urn(errors, r.Urn);
        Fields.Enum(errors, r.Kind, "kind");
        Fields.Date(errors, r.ReviewedOn, "reviewed_on", clock.TodayInLondon());
        Fields.Text(errors, r.Reviewer, "reviewer", Fields.MaxShortText);
        Fields.Enum(errors, r.Outcome, "outcome");
        Fields.Text(errors, r.Summary, "summary");
        Fields.TextList(errors, r.Recommendations, "recommendations", 50, 1000);
    }
}

internal sealed class ListGovernanceReviewsValidator : IRequestValidator<Pb.ListGovernanceReviewsRequest>
{
    public void Validate(Pb.ListGovernanceReviewsRequest r, FieldErrors errors) => Fields.Urn(errors, r.Urn);
}

internal sealed class RaiseGovernanceConcernValidator(IClock clock) : IRequestValidator<Pb.RaiseGovernanceConcernRequest>
{
    public void Validate(Pb.RaiseGovernanceConcernRequest r, FieldErrors errors)
    {
        Fields.Urn(errors, r.Urn);
        Fields.Enum(errors, r.Severity, "severity");
        Fields.Enum(errors, r.Source, "source");
        Fields.Text(errors, r.Summary, "summary");
        Fields.OptionalDate(errors, r.RaisedOn, "raised_on", clock.TodayInLondon());
    }
}

internal sealed class CloseGovernanceConcernValidator(IClock clock) : IRequestValidator<Pb.CloseGovernanceConcernRequest>
{
    public void Validate(Pb.CloseGovernanceConcernRequest r, FieldErrors errors)
    {
        Fields.Id(errors, r.ConcernId, "concern_id");
        Fields.Text(errors, r.Resolution, "resolution");
        Fields.OptionalDate(errors, r.ClosedOn, "closed_on", clock.TodayInLondon());
    }
}

internal sealed class ListGovernanceConcernsValidator : IRequestValidator<Pb.ListGovernanceConcernsRequest>
{
    public void Validate(Pb.ListGovernanceConcernsRequest r, FieldErrors errors) => Fields.OptionalUrn(errors, r.Urn);
}
