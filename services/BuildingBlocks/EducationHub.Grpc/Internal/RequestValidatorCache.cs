using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// Runs the registered <see cref="IRequestValidator{TRequest}"/>, if any. Whether one is
/// registered is checked once per method, so methods without a validator pay nothing.
/// </summary>
internal sealed class RequestValidatorCache<TRequest>
{
    private int _registered = -1;

    public void Validate(TRequest request, HttpServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        if (_registered < 0)
        {
            var isService = services.GetService<IServiceProviderIsService>();
            _registered = isService is not null && isService.IsService(typeof(IRequestValidator<TRequest>)) ? 1 : 0;
        }

        if (_registered == 0)
        {
            return;
        }

        var errors = new FieldErrors();
        foreach (var validator in services.GetServices<IRequestValidator<TRequest>>())
        {
            validator.Validate(request, errors);
        }

        errors.ThrowIfAny();
    }
}
