namespace EducationHub.Grpc;

/// <summary>
/// Validates every incoming message of type <typeparamref name="TRequest"/> before the handler
/// sees it (after the interceptors, so unauthenticated callers learn nothing). Register in DI;
/// add problems to <paramref name="errors"/> using proto field paths. Any error ends the call
/// with INVALID_ARGUMENT and google.rpc.BadRequest field violations.
/// </summary>
public interface IRequestValidator<in TRequest>
{
    void Validate(TRequest request, FieldErrors errors);
}
