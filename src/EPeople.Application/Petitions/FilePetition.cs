using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Petitions.Routing;
using EPeople.Application.Security;
using EPeople.Application.Workflows;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using EPeople.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions;

/// <summary>
/// A citizen files a petition. In one transaction: the petition, its receipt, routing to an institution (or the
/// triage desk), the workflow started up to its first task, and the idempotency key. A repeated key with the same
/// request returns the first receipt and creates nothing; with a different request it is refused (409). A public-interest
/// reporter's identity is withheld from the institutions unless <c>DiscloseIdentity</c> is set.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record FilePetitionCommand(
    string? Kind, string? Subtype, string? Title, string? Body, string? InstitutionCode, string? Region, bool IsPublic,
    string? ContactPhone, string? ContactEmail, bool ConsentToPersonalData, string? IdempotencyKey = null, bool DiscloseIdentity = false,
    Guid? ConsultationId = null) : ICommand<PetitionFiledDto>;

internal sealed class FilePetitionCommandValidator : AbstractValidator<FilePetitionCommand>
{
    public FilePetitionCommandValidator()
    {
        RuleFor(c => c.Kind).NotEmpty().WithMessage("Choose the kind of petition.")
            .IsEnumName(typeof(PetitionKind)).WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
        RuleFor(c => c.Subtype).NotEmpty().When(c => c.Kind == nameof(PetitionKind.CivilPetition))
            .WithMessage($"A civil petition needs a subtype: {string.Join(", ", Enum.GetNames<PetitionSubtype>())}.");
        RuleFor(c => c.Subtype).IsEnumName(typeof(PetitionSubtype)).When(c => !string.IsNullOrEmpty(c.Subtype))
            .WithMessage($"Subtype must be one of {string.Join(", ", Enum.GetNames<PetitionSubtype>())}.");
        RuleFor(c => c.Subtype).Empty().When(c => c.Kind is not null && c.Kind != nameof(PetitionKind.CivilPetition))
            .WithMessage("Only civil petitions have a subtype.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the petition a title.")
            .Must(t => t!.Trim().Length is >= 5 and <= 200).When(c => !string.IsNullOrEmpty(c.Title)).WithMessage("The title must be 5 to 200 characters.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("Describe the petition.")
            .Must(b => b!.Trim().Length is >= 20 and <= 10_000).When(c => !string.IsNullOrEmpty(c.Body)).WithMessage("The text must be 20 to 10,000 characters.");
        RuleFor(c => c.InstitutionCode).Matches("^[0-9]{7}$").When(c => !string.IsNullOrEmpty(c.InstitutionCode))
            .WithMessage("An institution code has 7 digits.");
        RuleFor(c => c.Region).Matches("^[0-9]{2}([0-9]{3})?$").When(c => !string.IsNullOrEmpty(c.Region))
            .WithMessage("A region is a 2-digit province or 5-digit municipality code.");
        RuleFor(c => c.ContactPhone).Matches(@"^[0-9+][0-9 -]{6,18}[0-9]$").When(c => !string.IsNullOrEmpty(c.ContactPhone))
            .WithMessage("Give a phone number such as 010-1234-5678.");
        RuleFor(c => c.ContactEmail).EmailAddress().MaximumLength(254).When(c => !string.IsNullOrEmpty(c.ContactEmail))
            .WithMessage("Give a valid e-mail address.");
        RuleFor(c => c.ConsultationId).NotNull().When(c => c.Kind == nameof(PetitionKind.PolicyEngagement))
            .WithMessage("A policy-engagement opinion answers an open consultation: give its consultationId.");
        RuleFor(c => c.ConsultationId).Null().When(c => c.Kind is not null && c.Kind != nameof(PetitionKind.PolicyEngagement))
            .WithMessage("Only a policy-engagement opinion answers a consultation.");
        RuleFor(c => c.ConsentToPersonalData).Equal(true)
            .WithMessage("Consent to the use of your personal data for handling the petition is required.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).Matches("^[A-Za-z0-9._:-]+$").When(c => c.IdempotencyKey is not null)
            .WithMessage("An Idempotency-Key has at most 100 letters, digits and . _ : -");
    }
}

internal sealed class FilePetitionCommandHandler(
    IEPeopleDbContext db, ICurrentUser user, IPetitionRouter router, InstitutionDirectory directory, IOptions<PetitionOptions> options,
    WorkflowDefinitionCatalog definitions, WorkflowRuntime runtime, Notices.PetitionNotifier notifier, Analytics.Grouping.PetitionGrouper grouper, TimeProvider clock)
    : ICommandHandler<FilePetitionCommand, PetitionFiledDto>
{
    public async ValueTask<PetitionFiledDto> Handle(FilePetitionCommand command, CancellationToken cancellationToken)
    {
        var petitionerId = user.Id ?? throw new ForbiddenException("Sign in to file a petition.");
        var hash = RequestHash(command);
        try
        {
            // One transaction for everything, reads included: a filing costs one commit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var filed = await FileAsync(command, petitionerId, hash, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return filed;
        }
        catch (Exception ex) when (ex is DbUpdateException or EPeople.Workflows.Ports.WorkflowConflictException && command.IdempotencyKey is not null)
        {
            // A concurrent twin with the same key committed first: answer as it did.
            db.ChangeTracker.Clear();
            return await ReplayAsync(petitionerId, command.IdempotencyKey!, hash, cancellationToken) ?? throw new ConflictException("The petition could not be filed; try again.", "FilingConflict");
        }
    }

    private async Task<PetitionFiledDto> FileAsync(FilePetitionCommand command, Guid petitionerId, string hash, CancellationToken cancellationToken)
    {
        if (command.IdempotencyKey is { } key && await ReplayAsync(petitionerId, key, hash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var kind = Enum.Parse<PetitionKind>(command.Kind!);
        PetitionSubtype? subtype = string.IsNullOrEmpty(command.Subtype) ? null : Enum.Parse<PetitionSubtype>(command.Subtype);
        await EnsureInstitutionAcceptsAsync(command.InstitutionCode, kind, cancellationToken);

        var triageDesk = await directory.TriageDeskAsync(cancellationToken)
                         ?? throw new ConflictException("No triage desk is configured in the institutions directory.", "NoTriageDesk");
        // An opinion on a consultation goes to the consultation's institution and is due when the consultation closes.
        var consultation = command.ConsultationId is { } consultationId ? await OpenConsultationAsync(consultationId, cancellationToken) : null;
        var routed = consultation is not null
            ? new RoutingResult([new RoutingDecision(consultation.InstitutionCode, 1.0, new RoutingReason(RoutingReasonKind.Consultation))])
            : await router.RouteAsync(new RoutingRequest(kind, subtype, command.Title!, command.Body!, command.InstitutionCode, command.Region), cancellationToken);
        var decision = routed.Best;
        var automatic = decision is not null && decision.Confidence >= options.Value.AutoRouteThreshold(kind);
        var institution = automatic ? decision!.InstitutionCode : triageDesk;

        var definition = await definitions.GetLatestAsync(PetitionWorkflows.DefinitionId(kind), cancellationToken)
                         ?? throw new ConflictException($"The workflow for {kind} is not published.", "WorkflowMissing");
        var now = clock.GetUtcNow();
        var petition = Petition.File(
            new PetitionFiling(petitionerId, kind, subtype, command.Title!, command.Body!,
                new PetitionerContact(user.Name, command.ContactPhone?.Trim(), command.ContactEmail?.Trim()), command.IsPublic, command.Region,
                CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, command.DiscloseIdentity, consultation?.Id),
            ReceiptNumber.New(now), institution, toTriageDesk: !automatic,
            department: automatic ? await directory.IntakeDepartmentAsync(institution, kind, subtype, cancellationToken) : null, now);
        db.Petitions.Add(petition);
        // Kept for every petition: the triage desk reads them, and the router's record can be checked against answers.
        db.RoutingSuggestions.AddRange(routed.Ranked.Take(3).Select((d, i) => new RoutingSuggestionRecord
        {
            PetitionId = petition.Id, Rank = i + 1, InstitutionCode = d.InstitutionCode, Confidence = d.Confidence,
            Reason = d.Reason.ToString(), ReasonKind = d.Reason.Kind, ReasonDetail = d.Reason.Detail, ReasonTerms = d.Reason.Terms is { Count: > 0 } terms ? string.Join(", ", terms) is var joined && joined.Length > 200 ? joined[..200] : joined : null,
        }));
        // The request to index and group it (repeated, duplicate, mass) is written in the same commit, and done seconds later.
        grouper.OnFiled(petition, now);
        if (command.IdempotencyKey is { } newKey)
        {
            db.FilingKeys.Add(new FilingKeyRecord { PetitionerId = petitionerId, Key = newKey, RequestHash = hash, PetitionId = petition.Id, CreatedAt = now });
        }

        // The engine's commit writes the petition, its key and its reception notice (tracked here, the due date and the
        // notice set from the first task just before the commit), then the workflow rows: one save, one round trip less.
        var started = await runtime.StartAsync(definition, new StartCommand($"file:{petition.Id}", petition.WorkflowInstanceId, petition.Id.ToString(), new JsonObject
        {
            ["petitionId"] = petition.Id.ToString(),
            ["receiptNumber"] = petition.ReceiptNumber,
            ["title"] = PersonalDataMask.Text(petition.Title), // task titles reach every worklist: masked like any list
            ["kind"] = kind.ToString(),
            ["subtype"] = subtype?.ToString(),
            ["institution"] = institution,
            ["department"] = petition.Department,
            ["period"] = options.Value.PeriodOf(kind, subtype),
            ["dueAt"] = consultation?.ClosesAt.ToString("O", CultureInfo.InvariantCulture),
        }, IsNew: true), async (result, ct) =>
        {
            if (result.Delta.TasksCreated.FirstOrDefault() is { } first)
            {
                petition.SetDue(first.DueAt, first.DueExplanationKo, first.DueExplanationEn);
                await notifier.NotifyLatestAsync(petition, now, ct);
            }
        }, cancellationToken);
        if (started.Outcome != CommandOutcome.Applied || started.Delta.TasksCreated.Count == 0)
        {
            throw new ConflictException($"The {kind} workflow did not reach its handling task: {started.Message}", "WorkflowDidNotStart");
        }

        // The citizen is warned (not refused) when the text seems to carry personal data: officials will see it masked.
        return await ToDtoAsync(petition, replayed: false, cancellationToken) with { PersonalDataWarnings = PersonalDataMask.Detect($"{petition.Title}\n{petition.Body}") };
    }

    private async Task<PetitionFiledDto?> ReplayAsync(Guid petitionerId, string key, string hash, CancellationToken cancellationToken)
    {
        var stored = await db.FilingKeys.AsNoTracking().SingleOrDefaultAsync(k => k.PetitionerId == petitionerId && k.Key == key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (stored.RequestHash != hash)
        {
            throw new ConflictException("This Idempotency-Key was already used for a different petition; use a new key for a new petition.", "IdempotencyKeyReused");
        }

        var petition = await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == stored.PetitionId, cancellationToken);
        return await ToDtoAsync(petition, replayed: true, cancellationToken);
    }

    private async Task<Consultation> OpenConsultationAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return consultation is not null && consultation.IsOpenAt(clock.GetUtcNow())
            ? consultation
            : throw ValidationFailedException.For("consultationId", consultation is null ? "No consultation has this id." : "This consultation is not taking opinions now.");
    }

    private async Task EnsureInstitutionAcceptsAsync(string? code, PetitionKind kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
        {
            return;
        }

        var institution = await directory.ActiveAsync(code, cancellationToken)
                          ?? throw ValidationFailedException.For("institutionCode", $"No active institution has the code {code}.");
        if (institution.ServiceTypes.Count > 0 && institution.ServiceTypes.All(s => s.Kind != kind))
        {
            throw ValidationFailedException.For("institutionCode", $"{institution.NameKo} ({code}) does not accept {kind}; leave the institution empty to have the petition routed.");
        }
    }

    private async Task<PetitionFiledDto> ToDtoAsync(Petition petition, bool replayed, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new PetitionFiledDto(petition.Id, petition.ReceiptNumber, petition.Status.ToString(), petition.Stage.ToString(),
            new InstitutionRefDto(petition.InstitutionCode, await directory.NameAsync(petition.InstitutionCode, english, cancellationToken)), petition.Department,
            petition.DueAt, english ? petition.DueExplanationEn : petition.DueExplanationKo, replayed);
    }

    /// <summary>The request as filed, so a retry with the same key can be told apart from a different petition.</summary>
    private static string RequestHash(FilePetitionCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command with { IdempotencyKey = null }))));
}
