using EducationHub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Domain;
using Microsoft.EntityFrameworkCore;
using ErrorInfo = Google.Rpc.ErrorInfo;
using PreconditionFailure = Google.Rpc.PreconditionFailure;

namespace EducationHub.Whistleblowing.Grpc;

/// <summary>Turns the application's exceptions into gRPC statuses with machine-readable details.</summary>
internal static class ErrorTranslation
{
    /// <summary>ErrorInfo.reason the portal keys on to show "receipt code or passphrase not recognised".</summary>
    public const string ReporterCredentialsRejected = "REPORTER_CREDENTIALS_REJECTED";

    /// <summary>ErrorInfo.reason of an idempotency key sent again with a different request (the portal keys on it).</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ReporterAuthenticationException e)
        {
            throw RpcErrors.PermissionDenied(e.Message, ReporterCredentialsRejected);
        }
        catch (CaseNotFoundException e)
        {
            throw new RpcException(new Status(StatusCode.NotFound, e.Message));
        }
        catch (CaseTransitionException e)
        {
            throw RpcErrors.FailedPrecondition(e.Message, e.AllowedFrom.Select(s => s.ToString()), subject: "case.status");
        }
        catch (CaseClosedException e)
        {
            throw RpcErrors.FailedPrecondition(e.Message, [nameof(CaseStatus.New), nameof(CaseStatus.Acknowledged), nameof(CaseStatus.InTriage), nameof(CaseStatus.Investigating), nameof(CaseStatus.Referred)], subject: "case.status");
        }
        catch (IdempotencyKeyReusedException e)
        {
            // FAILED_PRECONDITION: the request is valid, but the key is already bound to another one, and
            // retrying with this key cannot succeed until its record expires (a new key is the fix).
            throw RpcErrors.WithDetails(StatusCode.FailedPrecondition, e.Message,
                new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "IDEMPOTENCY_KEY", Subject = "idempotency_key", Description = e.Message } } },
                new ErrorInfo { Reason = IdempotencyKeyReused, Domain = RpcErrors.Domain });
        }
        catch (CaseActionRefusedException e)
        {
            throw RpcErrors.FailedPrecondition(e.Message);
        }
        catch (CaseAccessDeniedException e)
        {
            throw RpcErrors.PermissionDenied(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The case was changed by someone else at the same time: read it again and retry."));
        }
    }

    public static Actor ActorOf(ServerCallContext context)
    {
        var caller = CallerIdentity.FromPrincipal(context.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token is required."));
        return new Actor(caller.Subject, caller.Organisation);
    }

    public static Guid ParseId(string value, string field, FieldErrors errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(field, string.IsNullOrWhiteSpace(value) ? "is required" : "must be an id returned by this service");
        return Guid.Empty;
    }
}
