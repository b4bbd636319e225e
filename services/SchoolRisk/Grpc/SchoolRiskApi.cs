using EducationHub.Grpc;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Application.Signals;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Auth;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.EntityFrameworkCore;
using DomainSchool = EducationHub.SchoolRisk.Domain.School;

namespace EducationHub.SchoolRisk.Grpc;

/// <summary>The read side of the SchoolRisk gRPC API: register, assessments, explanations. Writes live in the partial files.</summary>
public sealed partial class SchoolRiskApi(
    SchoolRiskDbContext db,
    RiskAssessor assessor,
    LondonCalendar calendar,
    SignalService signals,
    ImportService imports) : IGrpcService
{
    public static ServiceDescriptor Descriptor => SchoolriskReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SchoolRiskService");

    [RequiresScope("risk.read")]
    public async Task<SchoolDetail> GetSchool(GetSchoolRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestFields.Urn(errors, request.Urn);
        errors.ThrowIfAny();
        var ct = context.CancellationToken;
        var school = await FindSchool(request.Urn, ct);

        var links = await db.SchoolLinks.AsNoTracking().Where(l => l.Urn == school.Urn).ToListAsync(ct);
        var linkedUrns = links.Select(l => l.LinkedUrn).ToList();
        var names = await db.Schools.AsNoTracking().Where(s => linkedUrns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Name, ct);
        var evidence = await assessor.EvidenceAsync(school.Urn, calendar.Today, ct);
        var detail = new SchoolDetail { School = school.ToProto() };
        detail.Predecessors.AddRange(links.Where(l => l.LinkedIsPredecessor).Select(l => Linked(l, names)));
        detail.Successors.AddRange(links.Where(l => l.LinkedIsSuccessor).Select(l => Linked(l, names)));
        detail.Inspections.AddRange(evidence.Inspections.Select(i => i.ToProto()));
        detail.Indicators.AddRange(ProtoMapping.Indicators(evidence));
        var stored = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Urn == school.Urn, ct);
        if (stored is not null)
        {
            detail.LatestAssessment = stored.ToProto(school);
        }
        return detail;
    }

    [RequiresScope("risk.read")]
    public async Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestFields.LaCode(errors, request.LaCode, "la_code", required: false);
        errors.Require(request.PageSize is >= 0 and <= 500, "page_size", "must be between 1 and 500 (0 = default 50)");
        SchoolStatus? status = null;
        if (request.Status.Length > 0)
        {
            status = ProtoMapping.ParseStatus(request.Status);
            errors.Require(status is not null, "status", "must be one of open, closed, proposed, open-proposed-to-close");
        }
        var after = 0;
        errors.Require(request.PageToken.Length == 0 || int.TryParse(request.PageToken, out after), "page_token", "is not a token this service issued");
        RequestFields.Text(errors, request.NameContains, "name_contains", 100, required: false);
        RequestFields.Text(errors, request.Phase, "phase", 100, required: false);
        RequestFields.Text(errors, request.EstablishmentType, "establishment_type", 200, required: false);
        errors.ThrowIfAny();

        // EF translates ToLower() to SQL LOWER() on both providers; StringComparison overloads do not translate.
#pragma warning disable CA1862
        var query = db.Schools.AsNoTracking();
        if (request.LaCode.Length > 0)
        {
            query = query.Where(s => s.LaCode == request.LaCode);
        }
        if (request.Phase.Length > 0)
        {
            var phase = request.Phase.ToLowerInvariant();
            query = query.Where(s => s.Phase.ToLower() == phase);
        }
        if (request.EstablishmentType.Length > 0)
        {
            var type = request.EstablishmentType.ToLowerInvariant();
            query = query.Where(s => s.EstablishmentType.ToLower() == type);
        }
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }
        if (request.NameContains.Length > 0)
        {
            var term = request.NameContains.ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(term));
        }
#pragma warning restore CA1862
        var ct = context.CancellationToken;
        var total = await query.CountAsync(ct);
        var size = request.PageSize == 0 ? 50 : request.PageSize;
        var page = await query.Where(s => s.Urn > after).OrderBy(s => s.Urn).Take(size + 1).ToListAsync(ct);
        var response = new ListSchoolsResponse { TotalCount = total };
        response.Schools.AddRange(page.Take(size).Select(s => s.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = page[size - 1].Urn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return response;
    }

    [RequiresScope("risk.read")]
    public async Task<Assessment> GetAssessment(GetAssessmentRequest request, ServerCallContext context)
    {
        var (school, assessment) = await Assess(request, context);
        return assessment.ToProto(school);
    }

    [RequiresScope("risk.read")]
    public async Task<Explanation> ExplainAssessment(GetAssessmentRequest request, ServerCallContext context)
    {
        var (school, assessment) = await Assess(request, context);
        var evidence = await assessor.EvidenceAsync(school.Urn, assessment.AsOf, context.CancellationToken);
        var explanation = new Explanation
        {
            Assessment = assessment.ToProto(school),
            BaseScore = assessment.BaseScore,
            Summary = ExplanationWriter.Summary(assessment, school),
            ModelDescription = assessor.Model.Settings.Description,
        };
        explanation.Lineage.AddRange(evidence.Lineage);
        explanation.InspectionsConsidered.AddRange(evidence.Inspections.Select(i => i.ToProto()));
        explanation.IndicatorsConsidered.AddRange(ProtoMapping.Indicators(evidence));
        explanation.SignalsConsidered.AddRange(evidence.Signals.Select(s => s.ToProto()));
        if (evidence.Signals.Count > 0)
        {
            // The same sensitive read as ListSignals: partners' observations in their own words, with named authors.
            db.Audit(Caller(context), "signals.listed", "school", school.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(context.CancellationToken);
        }
        return explanation;
    }

    [RequiresScope("risk.read")]
    public async Task StreamAssessments(StreamAssessmentsRequest request, IServerStreamWriter<Assessment> responses, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestFields.LaCode(errors, request.LaCode, "la_code", required: true);
        var asOf = RequestFields.Date(errors, request.AsOf, "as_of", calendar.Today, whenEmpty: calendar.Today);
        errors.ThrowIfAny();
        var results = await assessor.AssessLocalAuthorityAsync(request.LaCode, asOf, request.IncludeClosed, context.CancellationToken);
        foreach (var (school, assessment) in results)
        {
            await responses.WriteAsync(assessment.ToProto(school), context.CancellationToken);
        }
    }

    private async Task<(DomainSchool School, RiskAssessment Assessment)> Assess(GetAssessmentRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestFields.Urn(errors, request.Urn);
        var asOf = RequestFields.Date(errors, request.AsOf, "as_of", calendar.Today, whenEmpty: calendar.Today);
        errors.ThrowIfAny();
        var school = await FindSchool(request.Urn, context.CancellationToken);
        return (school, await assessor.AssessAsync(school.Urn, asOf, context.CancellationToken));
    }

    private async Task<DomainSchool> FindSchool(int urn, CancellationToken ct) =>
        await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct)
        ?? throw RpcErrors.NotFound("school", urn.ToString(System.Globalization.CultureInfo.InvariantCulture), $"no school with URN {urn} in the register");

    private static LinkedSchool Linked(SchoolLink link, Dictionary<int, string> names) => new()
    {
        Urn = link.LinkedUrn,
        Name = names.GetValueOrDefault(link.LinkedUrn, ""),
        LinkType = link.LinkType,
        EstablishedOn = ProtoMapping.Iso(link.EstablishedOn),
    };

    private static CallerIdentity Caller(ServerCallContext context) => context.GetCaller();
}
