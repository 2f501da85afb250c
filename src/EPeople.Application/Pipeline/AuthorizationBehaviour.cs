using System.Reflection;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using Mediator;

namespace EPeople.Application.Pipeline;

/// <summary>
/// Function-level access from <see cref="AuthorizeAttribute"/>: 401 when a sign-in is needed, 403 when no
/// listed role is held. Runs before validation so that a caller who may not send a message learns nothing
/// about its rules. Data-level checks (which institution, whose petition) stay in the handlers.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly AuthorizeAttribute[] Requirements =
        [.. typeof(TMessage).GetCustomAttributes<AuthorizeAttribute>(inherit: true)];

    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Requirements.Length > 0)
        {
            if (!user.IsAuthenticated)
            {
                throw new UnauthorizedAccessException();
            }

            foreach (var requirement in Requirements)
            {
                var roles = requirement.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (roles.Length > 0 && !roles.Any(user.IsInRole))
                {
                    throw new ForbiddenException($"This needs one of these roles: {string.Join(", ", roles)}.");
                }
            }
        }

        return next(message, cancellationToken);
    }
}
