using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Application;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using static EducationHub.Whistleblowing.Grpc.ErrorTranslation;

namespace EducationHub.Whistleblowing.Grpc;

/// <summary>
/// The portal's API (scope whistleblowing.intake). The portal's token proves the call comes from
/// the portal; the receipt code / session proves which report the reporter may see. Writes are
/// audited under the token's subject and organisation (the portal's), never the reporter's.
/// </summary>
[RequiresScope(WhistleblowingScopes.Intake)]
public sealed class IntakeApi(IntakeService intake, AttachmentPolicy attachments, WhistleblowingOptions options) : IGrpcService
{
    public static ServiceDescriptor Descriptor => IntakeReflection.Descriptor.FindTypeByName<ServiceDescriptor>("WhistleblowingIntake");

    public Task<SubmitReportResponse> Submit(SubmitReportRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var urn = RequestValidation.Urn(request.Urn, "urn", errors);
        if (string.IsNullOrWhiteSpace(request.Urn))
        {
            RequestValidation.Text(request.SchoolName, "school_name", FieldLimits.SchoolName, required: true, errors);
        }
        else
        {
            RequestValidation.Text(request.SchoolName, "school_name", FieldLimits.SchoolName, required: false, errors);
        }

        var category = ProtoMapping.ToDomain(request.Category);
        errors.Require(category is not null, "category", "must be one of the listed categories");
        RequestValidation.Text(request.WhatHappened, "what_happened", FieldLimits.WhatHappened, required: true, errors);
        RequestValidation.Text(request.WhenItHappened, "when_it_happened", FieldLimits.WhenItHappened, required: false, errors);
        RequestValidation.Text(request.WhoElseKnows, "who_else_knows", FieldLimits.WhoElseKnows, required: false, errors);
        RequestValidation.Text(request.ContactDetails, "contact_details", FieldLimits.ContactDetails, required: false, errors);
        if (request.Passphrase.Length > 0)
        {
            errors.Require(request.Passphrase.Length >= options.Receipt.MinimumPassphraseLength, "passphrase", $"must be at least {options.Receipt.MinimumPassphraseLength} characters, or left empty");
            errors.Require(request.Passphrase.Length <= FieldLimits.Passphrase, "passphrase", $"must be {FieldLimits.Passphrase} characters or fewer");
        }

        RequestValidation.Attachments(request.Attachments, "attachments", attachments, errors);
        RequestValidation.IdempotencyKey(request.IdempotencyKey, "idempotency_key", errors);
        errors.ThrowIfAny();

        return Run(async () =>
        {
            var receipt = await intake.SubmitAsync(ActorOf(context), new NewReport(urn, request.SchoolName.Trim(), category!.Value, request.WhatHappened, request.WhenItHappened.Trim(),
                request.WhoElseKnows.Trim(), string.IsNullOrWhiteSpace(request.ContactDetails) ? null : request.ContactDetails.Trim(),
                string.IsNullOrEmpty(request.Passphrase) ? null : request.Passphrase, ProtoMapping.ToIncoming(request.Attachments)), request.IdempotencyKey, context.CancellationToken);
            return new SubmitReportResponse
            {
                ReceiptCode = receipt.ReceiptCode,
                ReceivedAt = ProtoMapping.ToProto(receipt.ReceivedAt),
                AcknowledgementDueBy = ProtoMapping.ToProto(receipt.AcknowledgementDueAt),
            };
        });
    }

    public Task<ReporterLoginResponse> ReporterLogin(ReporterLoginRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors().RequireNotEmpty(request.Credentials?.ReceiptCode, "credentials.receipt_code");
        RequestValidation.Passphrase(request.Credentials?.Passphrase ?? "", "credentials.passphrase", errors);
        errors.ThrowIfAny();
        return Run(async () =>
        {
            var session = await intake.LoginAsync(request.Credentials!.ReceiptCode, request.Credentials.Passphrase, context.CancellationToken);
            return new ReporterLoginResponse { SessionToken = session.Token, ExpiresAt = ProtoMapping.ToProto(session.ExpiresAt) };
        });
    }

    public async Task<ReporterLogoutResponse> ReporterLogout(ReporterLogoutRequest request, ServerCallContext context)
    {
        new FieldErrors().RequireNotEmpty(request.SessionToken, "session_token").ThrowIfAny();
        await intake.LogoutAsync(request.SessionToken, context.CancellationToken);
        return new ReporterLogoutResponse();
    }

    public Task<ReporterConversation> ReadConversation(ReadConversationRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        RequestValidation.ReporterAuth(request.Auth, "auth", errors);
        errors.ThrowIfAny();
        return Run(async () => ProtoMapping.ToProto(await intake.ReadConversationAsync(RequestValidation.Credential(request.Auth), context.CancellationToken)));
    }

    public Task<ReporterConversation> ReplyAsReporter(ReplyAsReporterRequest request, ServerCallContext context)
    {
        ValidateWrite(request.Auth, request.Body, request.Attachments, request.IdempotencyKey);
        return Run(async () => ProtoMapping.ToProto(await intake.ReplyAsync(ActorOf(context), RequestValidation.Credential(request.Auth), request.Body.Trim(), ProtoMapping.ToIncoming(request.Attachments),
            request.IdempotencyKey, context.CancellationToken)));
    }

    public Task<ReporterConversation> AddInformation(AddInformationRequest request, ServerCallContext context)
    {
        ValidateWrite(request.Auth, request.Body, request.Attachments, request.IdempotencyKey);
        return Run(async () => ProtoMapping.ToProto(await intake.AddInformationAsync(ActorOf(context), RequestValidation.Credential(request.Auth), request.Body.Trim(), ProtoMapping.ToIncoming(request.Attachments),
            request.IdempotencyKey, context.CancellationToken)));
    }

    private void ValidateWrite(ReporterAuth? auth, string body, IReadOnlyList<AttachmentUpload> files, string idempotencyKey)
    {
        var errors = new FieldErrors();
        RequestValidation.ReporterAuth(auth, "auth", errors);
        RequestValidation.Text(body, "body", FieldLimits.MessageBody, required: true, errors);
        RequestValidation.Attachments(files, "attachments", attachments, errors);
        RequestValidation.IdempotencyKey(idempotencyKey, "idempotency_key", errors);
        errors.ThrowIfAny();
    }
}
