namespace EPeople.Infrastructure.Outbox;

/// <summary>The <c>Sms</c> section: where the development SMS adapter writes text messages (one file each).</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public string OutboxDirectory { get; set; } = "data/sms-outbox";
}
