using System.Security.Cryptography;
using System.Text;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using NodaTime;

namespace EducationHub.Governance.Tests.Domain;

public sealed class InterventionAndDocumentTests
{
    private static readonly string[] Expected =
    [
        "Proposed --SubmitForApproval--> AwaitingApproval",
        "Proposed --Start--> Active",
        "Proposed --Cancel--> Cancelled",
        "AwaitingApproval --Approve--> Approved",
        "AwaitingApproval --Reject--> Rejected",
        "AwaitingApproval --Cancel--> Cancelled",
        "Approved --Start--> Active",
        "Approved --Cancel--> Cancelled",
        "Active --End--> Ended",
    ];

    [Fact]
    public void The_intervention_table_is_exactly_the_documented_process()
    {
        Assert.Equal(Expected.Order().ToList(), InterventionLifecycle.Transitions.Select(t => $"{t.From} --{t.Trigger}--> {t.To}").Order().ToList());
    }

    [Fact]
    public void An_ieb_cannot_start_without_the_secretary_of_states_approval()
    {
        var ieb = Propose(InterventionKind.InterimExecutiveBoard);
        var refused = Assert.Throws<TransitionRefusedException>(() => Apply(ieb, InterventionTrigger.Start));
        Assert.Contains(refused.Allowed, a => a.StartsWith("INTERVENTION_TRIGGER_SUBMIT_FOR_APPROVAL", StringComparison.Ordinal));
        Assert.DoesNotContain(refused.Allowed, a => a.StartsWith("INTERVENTION_TRIGGER_START", StringComparison.Ordinal));

        Apply(ieb, InterventionTrigger.SubmitForApproval);
        Apply(ieb, InterventionTrigger.Approve);
        Apply(ieb, InterventionTrigger.Start);
        Assert.Equal(InterventionStatus.Active, ieb.Status);
        Assert.Equal(new LocalDate(2026, 3, 16), ieb.StartedOn);
    }

    [Fact]
    public void Additional_governors_need_no_approval_step()
    {
        var s64 = Propose(InterventionKind.AdditionalGovernors);
        Assert.Throws<TransitionRefusedException>(() => Apply(s64, InterventionTrigger.SubmitForApproval));
        Apply(s64, InterventionTrigger.Start);
        Assert.Throws<TransitionRefusedException>(() => s64.Apply(InterventionTrigger.End, new LocalDate(2026, 3, 16), "", " ", "LA", Instant.MinValue));
        s64.Apply(InterventionTrigger.End, new LocalDate(2026, 3, 17), "", "Governing body strengthened", "LA", Instant.MinValue);
        Assert.Equal(InterventionStatus.Ended, s64.Status);
        Assert.Equal("Governing body strengthened", s64.Outcome);
    }

    [Fact]
    public void Documents_must_be_what_they_claim_to_be()
    {
        Assert.Null(DocumentPolicy.CheckContent(DocumentPolicy.Pdf, "%PDF-1.7\n..."u8));
        Assert.NotNull(DocumentPolicy.CheckContent(DocumentPolicy.Pdf, "MZ\u0090\u0000"u8));
        Assert.Null(DocumentPolicy.CheckContent(DocumentPolicy.PlainText, "Warning notice text"u8));
        Assert.NotNull(DocumentPolicy.CheckContent(DocumentPolicy.PlainText, new byte[] { 0x41, 0x00, 0x42 }));
        Assert.NotNull(DocumentPolicy.CheckContent("application/x-msdownload", "MZ"u8));
        Assert.Null(DocumentPolicy.CheckContent(DocumentPolicy.Docx, "PK\u0003\u0004rest"u8));

        var bytes = Encoding.UTF8.GetBytes("notice");
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), DocumentPolicy.Sha256Hex(bytes));
    }

    private static Intervention Propose(InterventionKind kind) =>
        Intervention.Propose(123456, kind, "why", "officer", "LA", null, null, "LA", Instant.MinValue);

    private static void Apply(Intervention i, InterventionTrigger trigger) =>
        i.Apply(trigger, new LocalDate(2026, 3, 16), "", "", "LA", Instant.MinValue);
}
