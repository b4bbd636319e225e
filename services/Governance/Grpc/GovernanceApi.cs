using EducationHub.Calendar;
using EducationHub.Governance.Application;
using EducationHub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using NodaTime;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Grpc;

/// <summary>
/// The GovernanceService gRPC API. Requests arrive already validated (Validation/); handlers map to
/// application commands and back. Application exceptions become statuses in <see cref="GovernanceErrorInterceptor"/>.
/// </summary>
public sealed partial class GovernanceApi(
    NoticeService notices,
    InterventionService interventions,
    GoverningBodyService bodies,
    GovernanceRecordsService records,
    WorkingDayCalendar calendar,
    IClock clock) : IGrpcService
{
    public const string ReadScope = "governance.read";
    public const string WriteScope = "governance.write";

    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor =>
        Pb.GovernanceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("GovernanceService");

    private LocalDate Today => clock.TodayInLondon();

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetCaller());

    private static Guid IdOf(string value) => Guid.Parse(value);

    [RequiresScope(ReadScope)]
    public async Task<Pb.SchoolTimeline> GetSchoolTimeline(Pb.GetSchoolTimelineRequest request, ServerCallContext context)
    {
        var entries = await records.TimelineAsync(request.Urn, context.CancellationToken);
        var response = new Pb.SchoolTimeline { Urn = request.Urn };
        response.Entries.AddRange(entries.Select(Mapping.ToProto));
        return response;
    }
}
