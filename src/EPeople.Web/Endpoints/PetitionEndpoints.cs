using EPeople.Application.Petitions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace EPeople.Web.Endpoints;

internal static class PetitionEndpoints
{
    public sealed record FileRequest(
        string? Kind, string? Subtype, string? Title, string? Body, string? InstitutionCode, string? Region, bool? IsPublic,
        string? ContactPhone, string? ContactEmail, bool? ConsentToPersonalData, bool? DiscloseIdentity, Guid? ConsultationId);

    public sealed record ConsultationRequest(string? InstitutionCode, string? Title, string? Summary, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

    public sealed record FeedbackRequest(int? Rating, string? Comment);

    public sealed record SupplementRequest(string? Request, DateTimeOffset? DueAt);

    public sealed record SupplementReply(string? Reply);

    public sealed record RevealRequest(string? Purpose);

    public sealed record ExtendRequest(string? Reason, DateTimeOffset? NewDueAt, bool? PetitionerConsented);

    public static RouteGroupBuilder MapPetitionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/petition-kinds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPetitionKindsQuery(), ct)))
            .WithTags("Petitions")
            .AllowAnonymous()
            .WithSummary("The kinds of petition with localized names, subtypes and statutory periods");

        api.MapGet("/institutions/{code}/petition-statistics", async (string code, DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInstitutionPetitionStatisticsQuery(code, from, to), ct)))
            .WithTags("Public petitions")
            .AllowAnonymous()
            .WithSummary("An institution's petition volumes, answers on time and satisfaction ratings between two dates (KST, default the last 30 days)");

        api.MapGet("/petitions/suggested-institution", async (string? kind, string? subtype, string? region, string? title, string? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EPeople.Application.Petitions.Routing.SuggestInstitutionQuery(kind, subtype, title, body, region), ct)))
            .WithTags("Petitions")
            .AllowAnonymous()
            .WithSummary("Where a petition would go (the router filing uses), for a filing form to suggest");

        var consultations = api.MapGroup("/consultations").WithTags("Petitions");
        consultations.MapGet("/", async (ISender sender, CancellationToken ct, int? limit) => TypedResults.Ok(await sender.Send(new ListOpenConsultationsQuery(limit ?? 50), ct)))
            .AllowAnonymous()
            .WithSummary("Consultations taking opinions now (policy engagement), soonest to close first");
        consultations.MapPost("/", async (ConsultationRequest r, ISender sender, CancellationToken ct) =>
            {
                var opened = await sender.Send(new OpenConsultationCommand(r.InstitutionCode ?? "", r.Title, r.Summary, r.OpensAt, r.ClosesAt), ct);
                return Results.Created($"/api/v1/consultations/{opened.Id}", opened);
            })
            .WithSummary("Open a consultation (the institution's administrators): opinions are due at its closing date");

        var published = api.MapGroup("/public/petitions").WithTags("Public petitions").AllowAnonymous();
        published.MapGet("/", async (ISender sender, CancellationToken ct, string? q, string? kind, string? after, int? limit) =>
                TypedResults.Ok(await sender.Send(new ListPublicPetitionsQuery(q, kind, after, limit ?? 20), ct)))
            .WithSummary("Petitions their authors made public, masked, newest first; 'q' searches titles; pass 'next' as 'after'");
        published.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPublicPetitionQuery(id), ct)))
            .WithSummary("A public petition's page, masked, with its published answer and timeline (404 unless public)");

        var petitions = api.MapGroup("/petitions").WithTags("Petitions");

        petitions.MapPost("/", async (FileRequest r, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
            {
                var filed = await sender.Send(new FilePetitionCommand(r.Kind, r.Subtype, r.Title, r.Body, r.InstitutionCode, r.Region, r.IsPublic ?? false,
                    r.ContactPhone, r.ContactEmail, r.ConsentToPersonalData ?? false, idempotencyKey, r.DiscloseIdentity ?? false, r.ConsultationId), ct);
                return Results.Created($"/api/v1/petitions/{filed.Id}", filed); // a replay gets the first answer again (Replayed = true)
            })
            .WithSummary("File a petition (citizens); an Idempotency-Key header makes a retry return the first receipt");

        petitions.MapGet("/", async (ISender sender, CancellationToken ct, string? after, int? limit) =>
                TypedResults.Ok(await sender.Send(new ListMyPetitionsQuery(after, limit ?? 20), ct)))
            .WithSummary("My petitions (citizens), newest first, with their step and SLA state; pass 'next' as 'after'");

        petitions.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPetitionQuery(id), ct)))
            .WithSummary("A petition with its stage and timeline (the petitioner, or officials of institutions it went through)");

        petitions.MapPost("/{id:guid}/withdraw", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new WithdrawPetitionCommand(id), ct)))
            .WithSummary("Withdraw an open petition (the petitioner)");

        petitions.MapPost("/{id:guid}/feedback", async (Guid id, FeedbackRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RatePetitionCommand(id, r.Rating ?? 0, r.Comment), ct)))
            .WithSummary("Rate the answer 1–5 within 14 days (the petitioner); 1–2 asks the institution for an additional answer");

        petitions.MapPost("/{id:guid}/convert-to-public-interest-report", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ConvertToPublicInterestReportCommand(id), ct)))
            .WithSummary("Convert a petition into a public-interest report (officials of the institution that has it): the reporter's identity is withheld from then on");

        petitions.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ExtendPetitionCommand(id, r.Reason, r.NewDueAt, r.PetitionerConsented ?? false), ct)))
            .WithSummary("Extend the deadline with a reason (officials of the institution that has it): once, a second time with the petitioner's consent");

        petitions.MapPost("/{id:guid}/supplement-requests", async (Guid id, SupplementRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RequestSupplementCommand(id, r.Request, r.DueAt), ct)))
            .WithSummary("Ask the petitioner for a supplement by a date (at most twice); the clock stops until the reply");

        petitions.MapPost("/{id:guid}/supplements", async (Guid id, SupplementReply r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ProvideSupplementCommand(id, r.Reply), ct)))
            .WithSummary("Reply to a supplement request (the petitioner); the deadline moves by the time the clock stood still");

        petitions.MapPost("/{id:guid}/reveal", async (Guid id, RevealRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevealPersonalDataCommand(id, r.Purpose), ct)))
            .WithSummary("Show the handling official the petitioner's contact and the text unmasked, for a stated purpose; logged with that purpose");

        return api;
    }
}
