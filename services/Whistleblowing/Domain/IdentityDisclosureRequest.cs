namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// A handler's request to see the reporter's contact details. Only the custodian decides,
/// never the handler who asked; only the requesting handler can then reveal the identity.
/// </summary>
public sealed class IdentityDisclosureRequest
{
    private IdentityDisclosureRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string RequestedByOrganisation { get; private set; } = "";
    public byte[] ReasonCipher { get; private set; } = [];
    public DateTimeOffset RequestedAt { get; private set; }
    public IdentityRequestState State { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public static IdentityDisclosureRequest Open(Guid id, Guid caseId, string requestedBy, string organisation, byte[] reasonCipher, DateTimeOffset at) =>
        new() { Id = id, CaseId = caseId, RequestedBy = requestedBy, RequestedByOrganisation = organisation, ReasonCipher = reasonCipher, RequestedAt = at, State = IdentityRequestState.Pending };

    public void Decide(string custodian, bool approve, DateTimeOffset at)
    {
        if (State != IdentityRequestState.Pending)
        {
            throw new InvalidOperationException("This identity request has already been decided.");
        }

        if (string.Equals(custodian, RequestedBy, StringComparison.Ordinal))
        {
            // Four-eyes rule: a person holding both roles still cannot approve their own request.
            throw new UnauthorizedAccessException("A custodian cannot approve their own identity request.");
        }

        State = approve ? IdentityRequestState.Approved : IdentityRequestState.Refused;
        DecidedBy = custodian;
        DecidedAt = at;
    }
}
