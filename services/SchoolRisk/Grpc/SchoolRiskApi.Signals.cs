using EducationHub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Application.Signals;
using Microsoft.EntityFrameworkCore;
using DomainConcern = EducationHub.SchoolRisk.Domain.ConcernLevel;
using DomainKind = EducationHub.SchoolRisk.Domain.SignalKind;
using DomainKinds = EducationHub.SchoolRisk.Domain.SignalKinds;

namespace EducationHub.SchoolRisk.Grpc;

public sealed partial class SchoolRiskApi
{
    [RequiresScope("risk.signals.write")]
    public async Task<Signal> SubmitSignal(SubmitSignalRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        RequestFields.Urn(errors, request.Urn);
        errors.Require(Enum.IsDefined(request.Kind) && request.Kind != SignalKind.Unspecified, "kind", "must be one of the signal kinds");
        CheckSignalBody(errors, request.ConcernLevel, request.ObservedOn, request.Summary, request.Author, out var observedOn);
        var outcome = Enum.IsDefined(request.Kind) && request.Kind != SignalKind.Unspecified
            ? CheckOutcome(errors, (DomainKind)(int)request.Kind, request.Outcome)
            : null;
        errors.ThrowIfAny();
        if (!await db.Schools.AnyAsync(s => s.Urn == request.Urn, context.CancellationToken))
        {
            throw RpcErrors.NotFound("school", request.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), $"no school with URN {request.Urn} in the register");
        }
        var draft = new SignalDraft(request.Urn, (DomainKind)(int)request.Kind, (DomainConcern)(int)request.ConcernLevel, observedOn,
            request.Summary.Trim(), outcome, AuthorOrSubject(request.Author, caller.Subject));
        var signal = await signals.SubmitAsync(draft, caller, context.CancellationToken);
        return signal.ToProto();
    }

    [RequiresScope("risk.signals.write")]
    public async Task<Signal> CorrectSignal(CorrectSignalRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        errors.Require(Guid.TryParse(request.SignalId, out var signalId), "signal_id", "must be the id of a signal");
        CheckSignalBody(errors, request.ConcernLevel, request.ObservedOn, request.Summary, request.Author, out var observedOn);
        RequestFields.Text(errors, request.Reason, "reason", 1000, required: true);
        // A correction keeps the kind, so its outcome is checked against the kind of the signal it corrects
        // (an unknown id is NOT_FOUND below, once the fields are valid).
        string? outcome = null;
        if (signalId != Guid.Empty && await db.PartnerSignals.AsNoTracking().Where(s => s.Id == signalId)
                .Select(s => (DomainKind?)s.Kind).FirstOrDefaultAsync(context.CancellationToken) is { } kind)
        {
            outcome = CheckOutcome(errors, kind, request.Outcome);
        }
        errors.ThrowIfAny();
        var correction = new SignalCorrection(signalId, (DomainConcern)(int)request.ConcernLevel, observedOn, request.Summary.Trim(),
            outcome, AuthorOrSubject(request.Author, caller.Subject), request.Reason.Trim());
        try
        {
            var corrected = await signals.CorrectAsync(correction, caller, context.CancellationToken);
            return corrected?.ToProto() ?? throw RpcErrors.NotFound("signal", request.SignalId, $"no signal {request.SignalId}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw RpcErrors.PermissionDenied(ex.Message, "SIGNAL_OF_ANOTHER_ORGANISATION");
        }
        catch (InvalidOperationException ex)
        {
            throw RpcErrors.FailedPrecondition($"{ex.Message} Correct the latest version instead.", subject: request.SignalId, type: "SUPERSEDED");
        }
    }

    [RequiresScope("risk.read")]
    public async Task<ListSignalsResponse> ListSignals(ListSignalsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestFields.Urn(errors, request.Urn);
        errors.ThrowIfAny();
        var school = await FindSchool(request.Urn, context.CancellationToken);
        var evidence = await assessor.EvidenceAsync(school.Urn, calendar.Today, context.CancellationToken);
        var found = await signals.ListAsync([.. evidence.Lineage], request.IncludeSuperseded, context.CancellationToken);
        // A sensitive read: partners' observations in their own words, with named authors.
        db.Audit(Caller(context), "signals.listed", "school", school.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(context.CancellationToken);
        var response = new ListSignalsResponse();
        response.Signals.AddRange(found.Select(s => s.ToProto()));
        return response;
    }

    private void CheckSignalBody(FieldErrors errors, ConcernLevel level, string observed, string summary, string author, out DateOnly observedOn)
    {
        errors.Require(Enum.IsDefined(level) && level != ConcernLevel.Unspecified, "concern_level", "must be none, low, medium or high");
        observedOn = RequestFields.Date(errors, observed, "observed_on", calendar.Today);
        RequestFields.Text(errors, summary, "summary", 2000, required: true);
        RequestFields.Text(errors, author, "author", 200, required: false);
    }

    /// <summary>
    /// Empty, or one of the kind's outcomes (<see cref="SignalOutcomes"/>): free text the model cannot read
    /// ("ineffective", "Not met - see notes") would be stored and silently score nothing, so it is refused
    /// with the allowed values. Returns the canonical spelling, or null when empty or refused.
    /// </summary>
    private static string? CheckOutcome(FieldErrors errors, DomainKind kind, string outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return null;
        }
        var allowed = SignalOutcomes.For(kind);
        if (allowed.Count == 0)
        {
            errors.Add("outcome", $"must be empty for kind \"{DomainKinds.Describe(kind)}\", which has no outcomes (describe it in summary)");
            return null;
        }
        var canonical = outcome.Length <= 200 ? SignalOutcomes.Canonical(kind, outcome) : null;
        errors.Require(canonical is not null, "outcome",
            $"for kind \"{DomainKinds.Describe(kind)}\", must be empty or one of: {string.Join(", ", allowed.Select(o => $"\"{o}\""))}");
        return canonical;
    }

    private static string AuthorOrSubject(string author, string subject) => string.IsNullOrWhiteSpace(author) ? subject : author.Trim();
}
