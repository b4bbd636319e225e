using System.Globalization;
using System.Text.Json;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = EducationHub.Protos.SchoolRisk.V1;

namespace EducationHub.SchoolRisk.Grpc;

/// <summary>Domain → wire messages. Dates go out as yyyy-mm-dd; absent values as empty strings / zero.</summary>
internal static class ProtoMapping
{
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string StatusCode(SchoolStatus status) => status switch
    {
        SchoolStatus.Open => "open",
        SchoolStatus.Closed => "closed",
        SchoolStatus.Proposed => "proposed",
        SchoolStatus.OpenProposedToClose => "open-proposed-to-close",
        _ => "unknown",
    };

    public static SchoolStatus? ParseStatus(string code) => code.Trim().ToLowerInvariant() switch
    {
        "open" => SchoolStatus.Open,
        "closed" => SchoolStatus.Closed,
        "proposed" => SchoolStatus.Proposed,
        "open-proposed-to-close" => SchoolStatus.OpenProposedToClose,
        _ => null,
    };

    public static Proto.School ToProto(this School s) => new()
    {
        Urn = s.Urn,
        Name = s.Name,
        LaCode = s.LaCode,
        LaName = s.LaName,
        EstablishmentType = s.EstablishmentType,
        TypeGroup = s.TypeGroup,
        Phase = s.Phase,
        Status = StatusCode(s.Status),
        OpenedOn = Iso(s.OpenedOn),
        ClosedOn = Iso(s.ClosedOn),
        TrustName = s.TrustName ?? "",
        FederationName = s.FederationName ?? "",
        Town = s.Town ?? "",
        Postcode = s.Postcode ?? "",
        NumberOfPupils = s.NumberOfPupils ?? 0,
        RscRegion = s.RscRegion ?? "",
    };

    public static Proto.Assessment ToProto(this RiskAssessment a, School? school)
    {
        var message = new Proto.Assessment
        {
            Urn = a.Urn,
            SchoolName = school?.Name ?? "",
            LaCode = school?.LaCode ?? "",
            AsOf = Iso(a.AsOf),
            Score = a.Score,
            Band = a.Band.Label(),
            ModelVersion = a.ModelVersion,
        };
        message.Reasons.AddRange(a.Reasons.Select(r => new Proto.Reason { Code = r.Code, Description = r.Description, Contribution = r.Contribution }));
        return message;
    }

    public static Proto.Assessment ToProto(this StoredAssessment a, School school)
    {
        var message = new Proto.Assessment
        {
            Urn = a.Urn,
            SchoolName = school.Name,
            LaCode = school.LaCode,
            AsOf = Iso(a.AsOf),
            Score = a.Score,
            Band = a.Band.Label(),
            ModelVersion = a.ModelVersion,
        };
        var reasons = JsonSerializer.Deserialize<List<Contracts.V1.RiskReason>>(a.ReasonsJson) ?? [];
        message.Reasons.AddRange(reasons.Select(r => new Proto.Reason { Code = r.Code, Description = r.Description, Contribution = r.Contribution }));
        return message;
    }

    public static Proto.InspectionRecord ToProto(this Inspection i) => new()
    {
        Urn = i.Urn,
        InspectedOn = Iso(i.InspectedOn),
        Grade = i.Grade.Label(),
        Safeguarding = i.SafeguardingMet switch { true => "met", false => "not met", null => "" },
    };

    public static Proto.Signal ToProto(this PartnerSignal s) => new()
    {
        SignalId = s.Id.ToString(),
        Urn = s.Urn,
        Kind = (Proto.SignalKind)(int)s.Kind,
        ConcernLevel = (Proto.ConcernLevel)(int)s.ConcernLevel,
        ObservedOn = Iso(s.ObservedOn),
        Summary = s.Summary,
        Outcome = s.Outcome ?? "",
        Organisation = s.Organisation,
        Author = s.Author,
        RecordedAt = Timestamp.FromDateTimeOffset(s.RecordedAt),
        SupersedesSignalId = s.SupersedesId?.ToString() ?? "",
        SupersededBySignalId = s.SupersededById?.ToString() ?? "",
        CorrectionReason = s.CorrectionReason ?? "",
    };

    public static IEnumerable<Proto.IndicatorValue> Indicators(SchoolEvidence e) =>
        e.Ks2.Where(r => r.AverageProgress is not null).Select(r => Value(r.Urn, "ks2.average_progress", r.Year, r.AverageProgress!.Value, r.PublishedOn))
            .Concat(e.Ks4.Where(r => r.Progress8 is not null).Select(r => Value(r.Urn, "ks4.progress8", r.Year, r.Progress8!.Value, r.PublishedOn)))
            .Concat(e.Ks4.Where(r => r.Progress8Band is not null).Select(r => Value(r.Urn, "ks4.progress8_band", r.Year, 0, r.PublishedOn, r.Progress8Band!)))
            .Concat(e.Finance.Select(r => Value(r.Urn, "finance.balance", r.Year, (double)r.Balance, r.PublishedOn)))
            .Concat(e.Finance.Select(r => Value(r.Urn, "finance.income", r.Year, (double)r.Income, r.PublishedOn)));

    public static Proto.IndicatorValue Value(int urn, string indicator, int year, double value, DateOnly published, string text = "") =>
        new() { Urn = urn, Indicator = indicator, Year = year, Value = value, Text = text, PublishedOn = Iso(published) };

    public static Proto.ImportResult ToProto(this ImportReport r, Guid runId)
    {
        var result = new Proto.ImportResult
        {
            ImportId = runId.ToString(),
            Dataset = r.Dataset,
            FileName = r.FileName,
            Encoding = r.Encoding,
            RowsRead = r.RowsRead,
            Inserted = r.Inserted,
            Updated = r.Updated,
            Unchanged = r.Unchanged,
            Rejected = r.Rejected,
            FilteredOut = r.FilteredOut,
        };
        result.Issues.AddRange(r.Issues.Select(i => new Proto.ImportIssue { LineNumber = i.LineNumber, Message = i.Message }));
        return result;
    }
}
