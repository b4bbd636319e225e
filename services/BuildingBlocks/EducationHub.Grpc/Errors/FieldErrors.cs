using Google.Rpc;

namespace EducationHub.Grpc;

/// <summary>
/// Collects field-level validation problems, then throws one INVALID_ARGUMENT carrying a
/// google.rpc.BadRequest. Field names are proto field paths (<c>signal.observed_on</c>).
/// </summary>
public sealed class FieldErrors
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public int Count => _violations.Count;

    public bool IsEmpty => _violations.Count == 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => _violations;

    public FieldErrors Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>Adds <paramref name="description"/> for <paramref name="field"/> unless <paramref name="condition"/> holds.</summary>
    public FieldErrors Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            Add(field, description);
        }

        return this;
    }

    /// <summary>Adds "is required" unless the string has non-whitespace content.</summary>
    public FieldErrors RequireNotEmpty(string? value, string field)
    {
        return Require(!string.IsNullOrWhiteSpace(value), field, "is required");
    }

    /// <summary>The google.rpc.BadRequest for the collected violations.</summary>
    public BadRequest ToBadRequest()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        return badRequest;
    }

    /// <summary>The INVALID_ARGUMENT exception for the collected violations.</summary>
    public RpcException ToException(string? message = null) => RpcErrors.InvalidArgument(this, message);

    /// <summary>Throws INVALID_ARGUMENT with the collected violations, if there are any.</summary>
    public void ThrowIfAny(string? message = null)
    {
        if (_violations.Count > 0)
        {
            throw ToException(message);
        }
    }
}
