namespace EducationHub.Whistleblowing.Grpc;

public static class WhistleblowingScopes
{
    public const string Intake = "whistleblowing.intake";
    public const string CasesRead = "whistleblowing.cases.read";
    public const string CasesWrite = "whistleblowing.cases.write";
    public const string IdentityApprove = "whistleblowing.identity.approve";
}
