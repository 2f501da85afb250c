namespace EPeople.Application.Security;

/// <summary>
/// Marks a command or query as needing a signed-in user, optionally in one of <see cref="Roles"/>
/// (comma-separated). Checked by the authorization behaviour before validation and the handler;
/// resource-based checks (which institution) happen in the handler.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; init; } = "";
}
