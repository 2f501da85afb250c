using System.Text;
using System.Text.Json;
using EPeople.Application.Outbox;
using EPeople.Application.Petitions.Notices;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// The SMS adapter for development and tests: each text message becomes a file named after its outbox message id
/// (a repeated delivery overwrites it, never sends twice). A production deployment replaces this one class with its
/// operator's gateway client.
/// </summary>
internal sealed class FileSmsChannel(IOptions<SmsOptions> options) : IOutboxChannel
{
    public string Type => SmsMessage.Type;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sms = JsonSerializer.Deserialize<SmsMessage>(message.Payload)
                  ?? throw new InvalidOperationException($"Outbox message {message.Id} has no text-message payload.");
        var folder = options.Value.OutboxDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, message.Id.ToString("N") + ".txt");
        await File.WriteAllTextAsync(path + ".tmp", $"To: {sms.To}\n\n{sms.Text}\n", new UTF8Encoding(false), cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
