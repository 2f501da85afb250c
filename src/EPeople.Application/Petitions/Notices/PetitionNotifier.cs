using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using EPeople.Application.Abstractions;
using EPeople.Application.Outbox;
using EPeople.Domain.Petitions;
using EPeople.Workflows.Calendar;
using Fluid;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Notices;

/// <summary>
/// The three-step notices (reception, transfer, result) and the others (routing, closure, withdrawal): for the step a
/// petition has just recorded, an in-app notice in the citizen's inbox plus an e-mail and a text message through the
/// outbox when the citizen gave an address or a number — all in the caller's transaction, rendered from the Liquid
/// templates in <c>Templates/</c> in the citizen's language. The first line of a template is the title.
/// </summary>
public sealed class PetitionNotifier(IEPeopleDbContext db, Institutions.InstitutionDirectory directory)
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new();

    /// <summary>Notifies the petitioner of the petition's latest timeline entry (nothing for steps the citizen is not told about).</summary>
    public async Task NotifyLatestAsync(Petition petition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = petition.Events[^1];
        var kind = step.Kind switch
        {
            PetitionEventKind.Filed => "Received",
            PetitionEventKind.Routed => "Routed",
            PetitionEventKind.Transferred => "Transferred",
            PetitionEventKind.Answered => "Answered",
            PetitionEventKind.Closed => "Closed",
            PetitionEventKind.Withdrawn => "Withdrawn",
            PetitionEventKind.Extended => "Extended",
            PetitionEventKind.SupplementRequested => "SupplementRequested",
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        var english = petition.Language == "en";
        var institution = await directory.NameAsync(step.InstitutionCode, english, cancellationToken);
        var culture = CultureInfo.GetCultureInfo(english ? "en" : "ko");
        string Kst(DateTimeOffset at) => at.ToOffset(BusinessCalendar.KoreaOffset).ToString("yyyy-MM-dd HH:mm", culture) + " KST";
        var model = new Dictionary<string, object?>
        {
            ["receipt"] = petition.ReceiptNumber,
            ["title"] = petition.Title,
            ["institution"] = institution,
            ["at"] = Kst(step.At),
            ["due"] = petition.DueAt is { } due && petition.IsOpen ? Kst(due) : null,
            ["note"] = step.Note,
            ["triage"] = petition.Status == PetitionStatus.InTriage,
            ["supplementDue"] = petition.SupplementDueAt is { } supplementDue ? Kst(supplementDue) : null,
        };
        var context = new TemplateContext();
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        var rendered = await Template(kind, english ? "en" : "ko").RenderAsync(context);
        var lines = rendered.Replace("\r", "", StringComparison.Ordinal).Trim().Split('\n', 2);
        var (title, body) = (lines[0].Trim(), lines.Length > 1 ? lines[1].Trim() : "");

        db.CitizenNotices.Add(new CitizenNoticeRecord
        {
            PetitionerId = petition.PetitionerId, PetitionId = petition.Id, EventSeq = step.Seq, Kind = kind, Title = title, Body = body, CreatedAt = now,
        });
        var key = $"petition-notice:{petition.Id}:{step.Seq}";
        if (petition.Petitioner.Email is { Length: > 0 } email)
        {
            db.EnqueueEmail(new EmailMessage(email, title, body, "<p>" + System.Net.WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"), key + ":email", now);
        }

        if (petition.Petitioner.Phone is { Length: > 0 } phone)
        {
            db.OutboxMessages.Add(new OutboxMessage("application", SmsMessage.Type, JsonSerializer.Serialize(new SmsMessage(phone, $"{title}\n{body}")), key + ":sms", now));
        }
    }

    private static IFluidTemplate Template(string kind, string language) => Templates.GetOrAdd($"{kind}.{language}", name =>
    {
        using var stream = typeof(PetitionNotifier).Assembly.GetManifestResourceStream($"EPeople.Application.Petitions.Notices.Templates.{name}.liquid")
                           ?? throw new InvalidOperationException($"The notice template {name}.liquid is missing.");
        using var reader = new StreamReader(stream);
        return Parser.Parse(reader.ReadToEnd());
    });
}
