using System.Globalization;
using System.Text;
using System.Text.Json;
using EPeople.Application.Outbox;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Outbox;

/// <summary>
/// Writes each e-mail as an RFC 5322 .eml file named after the outbox message id, so a repeated delivery
/// overwrites the same file instead of sending twice. Any mail client opens the files.
/// </summary>
internal sealed class PickupFolderEmailChannel(IOptions<EmailOptions> options, TimeProvider clock) : IOutboxChannel
{
    public string Type => EmailMessage.Type;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var email = JsonSerializer.Deserialize<EmailMessage>(message.Payload)
                    ?? throw new InvalidOperationException($"Outbox message {message.Id} has no e-mail payload.");
        var folder = options.Value.PickupDirectory;
        Directory.CreateDirectory(folder);
        var boundary = "epeople-" + message.Id.ToString("N");
        var text = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(email.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(email.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(message.Id.ToString("N")).Append("@epeople>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(email.TextBody).Append("\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(email.HtmlBody).Append("\r\n")
            .Append("--").Append(boundary).Append("--\r\n");
        var path = Path.Combine(folder, message.Id.ToString("N") + ".eml");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text.ToString(), new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
