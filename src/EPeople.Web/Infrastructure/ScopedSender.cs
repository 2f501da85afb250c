using EPeople.Application.Errors;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;

namespace EPeople.Web.Infrastructure;

/// <summary>
/// How Blazor components send commands and queries: a fresh DI scope (so a fresh DbContext) per message,
/// acting as the circuit's user. A circuit lives for minutes or hours; a DbContext must not.
/// </summary>
public sealed partial class ScopedSender(
    IServiceScopeFactory scopes,
    AuthenticationStateProvider authentication,
    CircuitClientAddress clientAddress,
    ILogger<ScopedSender> logger)
{
    public Task<T> SendAsync<T>(ICommand<T> command, CancellationToken cancellationToken = default) =>
        RunAsync(sender => sender.Send(command, cancellationToken));

    public Task<T> SendAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) =>
        RunAsync(sender => sender.Send(query, cancellationToken));

    /// <summary>Sends, and turns any failure into the same <see cref="ErrorReport"/> the HTTP API shows; never throws.</summary>
    public Task<CommandOutcome<T>> TrySendAsync<T>(ICommand<T> command, CancellationToken cancellationToken = default) =>
        TryAsync(() => SendAsync(command, cancellationToken), command.GetType().Name);

    public Task<CommandOutcome<T>> TrySendAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) =>
        TryAsync(() => SendAsync(query, cancellationToken), query.GetType().Name);

    private async Task<T> RunAsync<T>(Func<ISender, ValueTask<T>> send)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(state.User, clientAddress.Value);
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    private async Task<CommandOutcome<T>> TryAsync<T>(Func<Task<T>> send, string messageName)
    {
        try
        {
            return new CommandOutcome<T>(await send(), null);
        }
        catch (Exception ex)
        {
            var report = ErrorTranslator.Translate(ex);
            if (report.IsUnexpected)
            {
                LogUnexpected(logger, ex, messageName);
            }

            return new CommandOutcome<T>(default, report);
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "{Message} failed unexpectedly in a Blazor circuit")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string message);
}
