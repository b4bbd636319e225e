using EducationHub.Complaints.Domain;
using Proto = EducationHub.Protos.Complaints.V1;

namespace EducationHub.Complaints.Grpc;

/// <summary>
/// Proto enums and domain enums share numbering (proto 0 = unspecified/none), so the mapping is
/// a checked cast: an undefined number is reported as a field error, never silently accepted.
/// </summary>
internal static class ComplaintEnumMapping
{
    public static TDomain? ToDomain<TDomain>(int value)
        where TDomain : struct, Enum =>
        value != 0 && Enum.IsDefined(typeof(TDomain), value) ? (TDomain)Enum.ToObject(typeof(TDomain), value) : null;

    public static Proto.Category ToProto(this ComplaintCategory v) => (Proto.Category)(int)v;
    public static Proto.ComplainantType ToProto(this ComplainantType v) => (Proto.ComplainantType)(int)v;
    public static Proto.Channel ToProto(this IntakeChannel v) => (Proto.Channel)(int)v;
    public static Proto.Stage ToProto(this ComplaintStage v) => (Proto.Stage)(int)v;
    public static Proto.Status ToProto(this ComplaintStatus v) => (Proto.Status)(int)v;
    public static Proto.Outcome ToProto(this StageOutcome? v) => v is { } o ? (Proto.Outcome)(int)o : Proto.Outcome.Unspecified;
    public static Proto.OutOfScopeMatter ToProto(this OutOfScopeMatter v) => (Proto.OutOfScopeMatter)(int)v;
    public static Proto.EscalationBody ToProto(this EscalationBody? v) => v is { } b ? (Proto.EscalationBody)(int)b : Proto.EscalationBody.Unspecified;
}
