using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using Google.Protobuf.WellKnownTypes;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Grpc;

/// <summary>Domain → protobuf messages for the hub API.</summary>
public static class ProtoMapper
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Pb.Movement ToProto(Movement m) => m switch
    {
        Movement.New => Pb.Movement.New,
        Movement.Up => Pb.Movement.Up,
        Movement.Down => Pb.Movement.Down,
        Movement.Unchanged => Pb.Movement.Unchanged,
        Movement.Left => Pb.Movement.Left,
        _ => Pb.Movement.Unspecified,
    };

    public static Movement? FromProto(Pb.Movement m) => m switch
    {
        Pb.Movement.New => Movement.New,
        Pb.Movement.Up => Movement.Up,
        Pb.Movement.Down => Movement.Down,
        Pb.Movement.Unchanged => Movement.Unchanged,
        _ => null,
    };

    public static Pb.DecisionKind ToProto(DecisionKind k) => (Pb.DecisionKind)(int)k;

    public static DecisionKind FromProto(Pb.DecisionKind k) => (DecisionKind)(int)k;

    public static Pb.RiskListSummary Summary(MonthlyRiskList list, IReadOnlyList<string> bandOrder)
    {
        var s = new Pb.RiskListSummary
        {
            Month = list.Month,
            Status = list.Published ? Pb.ListStatus.Published : Pb.ListStatus.Draft,
            SnapshotId = list.SnapshotId?.ToString("D") ?? "",
            PriorityModelVersion = list.PriorityModelVersion,
            InputsCutOff = Timestamp.FromDateTimeOffset(list.InputsCutOff),
            EvaluatedAsOf = Timestamp.FromDateTimeOffset(list.EvaluatedAsOf),
            PublishedBy = list.PublishedBy ?? "",
            Threshold = list.Threshold,
            SchoolCount = list.Entries.Count,
            LeftCount = list.Left.Count,
            PreviousMonth = list.PreviousMonth,
            PreviousMonthPublished = list.PreviousMonthPublished,
        };
        if (list.PublishedAt is { } at) s.PublishedAt = Timestamp.FromDateTimeOffset(at);
        s.RiskModelVersions.AddRange(list.RiskModelVersions);
        foreach (var (band, count) in list.BandCounts(bandOrder)) s.Bands.Add(new Pb.BandCount { Band = band, Count = count });
        foreach (var (movement, count) in list.MovementCounts()) s.Movements.Add(new Pb.MovementCount { Movement = ToProto(movement), Count = count });
        return s;
    }

    public static Pb.Reason Reason(PriorityReason r)
    {
        var p = new Pb.Reason { Code = r.Code, Text = r.Text, Points = r.Points };
        p.SourceRefs.AddRange(r.SourceRefs);
        return p;
    }

    public static Pb.RiskListEntry Entry(RiskListItem e)
    {
        var p = new Pb.RiskListEntry
        {
            Rank = e.Rank, Urn = e.Urn, SchoolName = e.SchoolName, LaCode = e.LaCode, LaName = e.LaName, Phase = e.Phase,
            EstablishmentType = e.EstablishmentType, TrustName = e.TrustName ?? "", Priority = e.Priority, Band = e.Band,
            HardScore = e.HardScore, HardBand = e.HardBand, SoftPoints = e.SoftPoints, Movement = ToProto(e.Movement),
            PreviousPriority = e.PreviousPriority, PreviousRank = e.PreviousRank, OwnerOrganisation = e.OwnerOrganisation,
        };
        p.Reasons.AddRange(e.Reasons.Select(Reason));
        p.CurrentSupport.AddRange(e.CurrentSupport);
        p.LastMonthActions.AddRange(e.LastMonthActions.Select(AgreedAction));
        if (e.Decision is { } d) p.Decision = Decision(d);
        return p;
    }

    public static Pb.AgreedAction AgreedAction(AgreedAction a) => new()
    {
        Month = a.Month, Decision = ToProto(a.Decision), OwnerOrganisation = a.OwnerOrganisation, DueOn = Iso(a.DueOn),
        Action = a.Action, Done = a.Done, DoneEvidence = a.DoneEvidence, Overdue = a.Overdue,
    };

    public static Pb.LeftEntry Left(LeftItem l) => new()
    {
        Urn = l.Urn, SchoolName = l.SchoolName, PreviousPriority = l.PreviousPriority, PreviousRank = l.PreviousRank,
        CurrentPriority = l.CurrentPriority, Reason = l.Reason,
    };

    public static Pb.Decision Decision(EigDecision d)
    {
        var p = new Pb.Decision
        {
            DecisionId = d.Id.ToString("D"), Month = d.Month.ToString(), Urn = d.Urn, Decision_ = ToProto(d.Kind),
            OwnerOrganisation = d.OwnerOrganisation, DueOn = Iso(d.DueOn), Action = d.Action, RecordedBy = d.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(d.RecordedAt), Done = d.Done, DoneNote = d.DoneNote ?? "", DoneRecordedBy = d.DoneRecordedBy ?? "",
        };
        if (d.DoneAt is { } at) p.DoneAt = Timestamp.FromDateTimeOffset(at);
        if (d.OutcomeRecordedAt is { } reported) p.OutcomeRecordedAt = Timestamp.FromDateTimeOffset(reported);
        return p;
    }

    public static Pb.DecisionChange ToProto(DecisionChange c) => c switch
    {
        DecisionChange.DecisionRecorded => Pb.DecisionChange.DecisionRecorded,
        DecisionChange.OutcomeRecorded => Pb.DecisionChange.OutcomeRecorded,
        _ => Pb.DecisionChange.Unspecified,
    };

    public static Pb.ReplacedDecision ReplacedDecision(ReplacedDecision r) => new()
    {
        Decision = Decision(r.Decision), ReplacedAt = Timestamp.FromDateTimeOffset(r.ReplacedAt), ReplacedBy = r.ReplacedBy,
        ReplacedByChange = ToProto(r.ReplacedByChange),
    };
}
