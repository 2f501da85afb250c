namespace EPeople.Application.Outbox;

/// <summary>The payload of an outbox message of type <see cref="Type"/>.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    public const string Type = "email";
}
