using EducationHub.Calendar;
using EducationHub.Governance.Application;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc;

/// <summary>Domain → proto. Enum values are cast: the domain enums mirror the proto enums (pinned by a test).</summary>
internal static class Mapping
{
    public static Timestamp ToTimestamp(this Instant instant) => Timestamp.FromDateTime(instant.ToDateTimeUtc());

    public static Pb.Notice ToProto(WarningNotice n, LocalDate today, WorkingDayCalendar calendar)
    {
        var proto = new Pb.Notice
        {
            NoticeId = n.Id.ToString(),
            Urn = n.Urn,
            Type = (Pb.NoticeType)n.Type,
            Issuer = (Pb.Issuer)n.Issuer,
            IssuingOffice = n.IssuingOffice,
            Status = (Pb.NoticeStatus)n.Status,
            Summary = n.Summary,
            ComplianceWorkingDays = n.ComplianceWorkingDays,
            IssuedOn = Fields.Format(n.IssuedOn),
            ComplianceDeadline = Fields.Format(n.ComplianceDeadline),
            DeadlinePassed = n.DeadlinePassedOn(today),
            SupersededByNoticeId = n.SupersededByNoticeId?.ToString() ?? "",
            InterventionId = n.InterventionId?.ToString() ?? "",
            DraftedByOrganisation = n.DraftedByOrganisation,
            UpdatedAt = n.UpdatedAt.ToTimestamp(),
        };
        proto.Grounds.AddRange(n.Grounds.Select(g => (Pb.NoticeGround)g));
        proto.RequiredActions.AddRange(n.RequiredActions);
        if (n.ComplianceDeadline is { } deadline && n.AwaitingCompliance && deadline >= today)
        {
            // Working days still available, counting today when it is a working day.
            proto.WorkingDaysRemaining = SafeWorkingDays(calendar, today.PlusDays(-1), deadline);
        }

        if (n.DeadlinePassedNotifiedAt is { } notified)
        {
            proto.DeadlinePassedNotifiedAt = notified.ToTimestamp();
        }

        proto.AllowedTriggers.AddRange(n.AllowedTransitions().Select(t => (Pb.NoticeTrigger)t.Trigger).Distinct());
        proto.History.AddRange(n.History.OrderBy(h => h.RecordedAt).Select(h => new Pb.NoticeHistoryEntry
        {
            From = (Pb.NoticeStatus)h.From,
            Trigger = (Pb.NoticeTrigger)h.Trigger,
            To = (Pb.NoticeStatus)h.To,
            OnDate = Fields.Format(h.OnDate),
            Note = h.Note,
            Organisation = h.Organisation,
            RecordedAt = h.RecordedAt.ToTimestamp(),
        }));
        proto.Documents.AddRange(n.Documents.OrderBy(d => d.UploadedAt).Select(ToProto));
        return proto;
    }

    public static Pb.NoticeDocument ToProto(NoticeDocument d) => new()
    {
        DocumentId = d.Id.ToString(),
        NoticeId = d.NoticeId.ToString(),
        FileName = d.FileName,
        ContentType = d.ContentType,
        SizeBytes = d.SizeBytes,
        Sha256 = d.Sha256,
        UploadedByOrganisation = d.UploadedByOrganisation,
        UploadedAt = d.UploadedAt.ToTimestamp(),
    };

    public static Pb.NoticeDocumentContent ToProto(NoticeDocument d, byte[] content) => new()
    {
        Document = ToProto(d),
        Content = ByteString.CopyFrom(content),
    };

    public static Pb.Intervention ToProto(Intervention i)
    {
        var proto = new Pb.Intervention
        {
            InterventionId = i.Id.ToString(),
            Urn = i.Urn,
            Kind = (Pb.InterventionKind)i.Kind,
            Status = (Pb.InterventionStatus)i.Status,
            Rationale = i.Rationale,
            ResponsibleOfficer = i.ResponsibleOfficer,
            ResponsibleOrganisation = i.ResponsibleOrganisation,
            NoticeId = i.NoticeId?.ToString() ?? "",
            ApprovedOn = Fields.Format(i.ApprovedOn),
            StartedOn = Fields.Format(i.StartedOn),
            EndedOn = Fields.Format(i.EndedOn),
            Outcome = i.Outcome,
            NextReviewOn = Fields.Format(i.NextReviewOn),
            ProposedByOrganisation = i.ProposedByOrganisation,
            UpdatedAt = i.UpdatedAt.ToTimestamp(),
        };
        proto.Reviews.AddRange(i.Reviews.OrderBy(r => r.ReviewedOn).Select(r => new Pb.InterventionReview
        {
            ReviewedOn = Fields.Format(r.ReviewedOn),
            Note = r.Note,
            Organisation = r.Organisation,
        }));
        proto.AllowedTriggers.AddRange(i.AllowedTransitions().Select(t => (Pb.InterventionTrigger)t.Trigger).Distinct());
        proto.History.AddRange(i.History.OrderBy(h => h.RecordedAt).Select(h => new Pb.InterventionHistoryEntry
        {
            From = (Pb.InterventionStatus)h.From,
            Trigger = (Pb.InterventionTrigger)h.Trigger,
            To = (Pb.InterventionStatus)h.To,
            OnDate = Fields.Format(h.OnDate),
            Note = h.Note,
            Organisation = h.Organisation,
            RecordedAt = h.RecordedAt.ToTimestamp(),
        }));
        return proto;
    }

    public static Pb.GoverningBody ToProto(GoverningBodyView view)
    {
        var b = view.Body;
        var proto = new Pb.GoverningBody
        {
            Urn = b.Urn,
            Name = b.Name,
            Kind = (Pb.GoverningBodyKind)b.Kind,
            Clerk = new Pb.Clerk { Name = b.ClerkName, Email = b.ClerkEmail },
            ChairGovernorId = view.Governors.FirstOrDefault(g => g.Role == GoverningRole.Chair && g.IsCurrentOn(view.Today))?.Id.ToString() ?? "",
            CreatedByOrganisation = b.CreatedByOrganisation,
            UpdatedAt = b.UpdatedAt.ToTimestamp(),
        };
        proto.Constitution.AddRange(b.Constitution.Select(c => new Pb.ConstitutionPlaces { Category = (Pb.GovernorCategory)c.Category, Places = c.Places }));
        proto.Governors.AddRange(view.Governors.Select(g => ToProto(g, view.Today)));
        proto.Vacancies.AddRange(b.Vacancies(view.Governors, view.Today).Select(v => new Pb.Vacancy { Category = (Pb.GovernorCategory)v.Category, Vacant = v.Vacant }));
        proto.SkillsGaps.AddRange(b.SkillsGaps);
        proto.TrainingGaps.AddRange(b.TrainingGaps);
        return proto;
    }

    public static Pb.Governor ToProto(Governor g, LocalDate today) => new()
    {
        GovernorId = g.Id.ToString(),
        Urn = g.Urn,
        FullName = g.FullName,
        Category = (Pb.GovernorCategory)g.Category,
        Role = (Pb.GoverningRole)g.Role,
        AppointedBy = g.AppointedBy,
        AppointedOn = Fields.Format(g.AppointedOn),
        TermEndsOn = Fields.Format(g.TermEndsOn),
        LeftOn = Fields.Format(g.LeftOn),
        LeftReason = g.LeftReason,
        Current = g.IsCurrentOn(today),
    };

    public static Pb.GovernanceReview ToProto(GovernanceReview r)
    {
        var proto = new Pb.GovernanceReview
        {
            ReviewId = r.Id.ToString(),
            Urn = r.Urn,
            Kind = (Pb.ReviewKind)r.Kind,
            ReviewedOn = Fields.Format(r.ReviewedOn),
            Reviewer = r.Reviewer,
            Outcome = (Pb.ReviewOutcome)r.Outcome,
            Summary = r.Summary,
            RecordedByOrganisation = r.RecordedByOrganisation,
        };
        proto.Recommendations.AddRange(r.Recommendations);
        return proto;
    }

    public static Pb.GovernanceConcern ToProto(GovernanceConcern c) => new()
    {
        ConcernId = c.Id.ToString(),
        Urn = c.Urn,
        Severity = (Pb.ConcernSeverity)c.Severity,
        Source = (Pb.ConcernSource)c.Source,
        Summary = c.Summary,
        RaisedOn = Fields.Format(c.RaisedOn),
        RaisedByOrganisation = c.RaisedByOrganisation,
        Open = c.IsOpen,
        ClosedOn = Fields.Format(c.ClosedOn),
        Resolution = c.Resolution,
    };

    public static Pb.TimelineEntry ToProto(TimelineEntry t) => new()
    {
        RecordedAt = t.RecordedAt.ToTimestamp(),
        OccurredOn = Fields.Format(t.OccurredOn),
        Kind = t.Kind,
        Summary = t.Summary,
        EntityId = t.EntityId == Guid.Empty ? "" : t.EntityId.ToString(),
        Organisation = t.Organisation,
    };

    public static Pb.Lifecycle NoticeLifecycleProto()
    {
        var proto = new Pb.Lifecycle();
        proto.Transitions.AddRange(NoticeLifecycle.Transitions.Select(t => new Pb.LifecycleTransition
        {
            From = ProtoNames.Of(t.From),
            Trigger = ProtoNames.Of(t.Trigger),
            To = ProtoNames.Of(t.To),
            Guard = t.Guard == NoticeGuard.None ? "" : "requires " + WarningNotice.GuardText(t.Guard),
        }));
        return proto;
    }

    public static Pb.Lifecycle InterventionLifecycleProto()
    {
        var proto = new Pb.Lifecycle();
        proto.Transitions.AddRange(InterventionLifecycle.Transitions.Select(t => new Pb.LifecycleTransition
        {
            From = ProtoNames.Of(t.From),
            Trigger = ProtoNames.Of(t.Trigger),
            To = ProtoNames.Of(t.To),
            Guard = t.Guard switch
            {
                InterventionGuard.NeedsApproval => "only for kinds that need the Secretary of State's approval (IEB, s65)",
                InterventionGuard.NoApprovalNeeded => "only for kinds that need no approval",
                InterventionGuard.OutcomeGiven => "requires an outcome",
                _ => "",
            },
        }));
        return proto;
    }

    private static int SafeWorkingDays(WorkingDayCalendar calendar, LocalDate from, LocalDate to)
    {
        try
        {
            return calendar.WorkingDaysBetween(from, to);
        }
        catch (CalendarOutOfRangeException)
        {
            return 0;
        }
    }
}
