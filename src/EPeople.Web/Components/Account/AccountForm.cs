using EPeople.Application.Errors;
using EPeople.Web.Infrastructure;
using Mediator;

namespace EPeople.Web.Components.Account;

/// <summary>The static-rendered account pages' way to send a command: the same error translation as everywhere else.</summary>
internal static class AccountForm
{
    public static async Task<CommandOutcome<T>> TrySendAsync<T>(this ISender sender, ICommand<T> command)
    {
        try
        {
            return new CommandOutcome<T>(await sender.Send(command), null);
        }
        catch (Exception ex) when (!ErrorTranslator.Translate(ex).IsUnexpected)
        {
            return new CommandOutcome<T>(default, ErrorTranslator.Translate(ex));
        }
    }
}
