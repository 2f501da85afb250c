namespace EPeople.Infrastructure.Outbox;

/// <summary>The <c>Email</c> section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where e-mails are written as .eml files (development, tests); relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail-pickup";

    public string From { get; set; } = "no-reply@epeople.example";
}
