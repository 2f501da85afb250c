namespace EPeople.Application.Petitions.Notices;

/// <summary>The payload of an outbox message of type <see cref="Type"/>: one text message.</summary>
public sealed record SmsMessage(string To, string Text)
{
    public const string Type = "sms";
}
