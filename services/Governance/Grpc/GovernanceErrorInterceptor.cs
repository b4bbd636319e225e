using EducationHub.Calendar;
using EducationHub.Governance.Application;
using EducationHub.Governance.Domain;
using EducationHub.Grpc;
using Google.Rpc;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Governance.Grpc;

/// <summary>
/// Turns the Governance application's exceptions into rich gRPC statuses. Only acts on this
/// module's service, so it is harmless in the all-in-one host.
/// </summary>
internal sealed class GovernanceErrorInterceptor : IGrpcInterceptor
{
    public const string ServiceName = "educationhub.governance.v1.GovernanceService";

    public async Task InvokeAsync(GrpcCall call, Func<Task> next)
    {
        if (call.Method.Descriptor.Service.FullName != ServiceName)
        {
            await next();
            return;
        }

        try
        {
            await next();
        }
        catch (FieldViolationException ex)
        {
            throw RpcErrors.InvalidArgument(ex.Field, ex.Description);
        }
        catch (NotFoundException ex)
        {
            throw RpcErrors.NotFound(ex.ResourceType, ex.Id);
        }
        catch (AlreadyExistsException ex)
        {
            throw RpcErrors.AlreadyExists(ex.ResourceType, ex.Id);
        }
        catch (TransitionRefusedException ex)
        {
            throw Refused(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new EducationHub.Grpc.Status(StatusCode.Aborted, "The record was changed by another call at the same time; read it again and retry."));
        }
        catch (CalendarOutOfRangeException ex)
        {
            throw RpcErrors.FailedPrecondition(ex.Message, subject: "calendar", type: "CALENDAR_DATA");
        }
    }

    /// <summary>
    /// FAILED_PRECONDITION with one PreconditionFailure violation for the refusal (type STATE) and one
    /// per transition allowed from the current status (type ALLOWED_TRANSITION), so clients can offer them.
    /// </summary>
    private static RpcException Refused(TransitionRefusedException ex)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "STATE", Subject = "status", Description = ex.Message });
        foreach (var allowed in ex.Allowed)
        {
            failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "ALLOWED_TRANSITION", Subject = "trigger", Description = allowed });
        }

        var message = ex.Allowed.Count == 0 ? ex.Message : $"{ex.Message} Allowed: {string.Join("; ", ex.Allowed)}.";
        return RpcErrors.WithDetails(StatusCode.FailedPrecondition, message, failure);
    }
}
