using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using EPeople.Domain.Privacy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Similarity;

/// <summary>
/// The "similar petitions" hint while a citizen files: public petitions and the citizen's own earlier petitions that
/// look like the text typed so far, most similar first. A hint only: filing is never refused for it. With a body of
/// 20 characters or more the whole content is compared; with the title alone, titles are.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
public sealed record FindSimilarPetitionsQuery(string? Title, string? Body = null) : IQuery<IReadOnlyList<SimilarPetitionDto>>;

/// <summary>A similar petition; the title is masked, and <see cref="IsOwn"/> tells the citizen's own from public ones.</summary>
public sealed record SimilarPetitionDto(Guid Id, string ReceiptNumber, string Title, double Similarity, bool IsOwn, string Status, DateTimeOffset FiledAt);

internal sealed class FindSimilarPetitionsQueryValidator : AbstractValidator<FindSimilarPetitionsQuery>
{
    public FindSimilarPetitionsQueryValidator()
    {
        RuleFor(q => q.Title).NotEmpty().WithMessage("Give the petition a title.").MaximumLength(200);
        RuleFor(q => q.Body).MaximumLength(10_000);
    }
}

internal sealed class FindSimilarPetitionsQueryHandler(IEPeopleDbContext db, ICurrentUser user, SimilarityIndex index)
    : IQueryHandler<FindSimilarPetitionsQuery, IReadOnlyList<SimilarPetitionDto>>
{
    /// <summary>Titles ≥ 0.5 estimated Jaccard, content ≥ 0.5: looser than grouping, it is only a hint (README has the measured precision).</summary>
    public const double HintThreshold = 0.5;

    public const int MaxShown = 5;

    public async ValueTask<IReadOnlyList<SimilarPetitionDto>> Handle(FindSimilarPetitionsQuery query, CancellationToken cancellationToken)
    {
        var me = user.Id ?? throw new ForbiddenException("Sign in to file a petition.");
        var byContent = query.Body?.Trim().Length >= 20;
        var signature = byContent ? MinHash.Signature(SimilarityIndex.ContentOf(query.Title!.Trim(), query.Body!.Trim())) : MinHash.Signature(query.Title);
        var matches = await index.FindAsync(signature, byContent ? SimilarityField.Content : SimilarityField.Title, HintThreshold, null, cancellationToken);
        if (matches.Count == 0)
        {
            return [];
        }

        var ids = matches.Select(m => m.PetitionId).ToList();
        var visible = await db.Petitions.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (p.PetitionerId == me || (p.IsPublic && p.Status != PetitionStatus.Withdrawn)))
            .Select(p => new { p.Id, p.ReceiptNumber, p.Title, p.PetitionerId, p.Status, p.FiledAt })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var shown = from m in matches
                    where visible.ContainsKey(m.PetitionId)
                    let p = visible[m.PetitionId]
                    select new SimilarPetitionDto(p.Id, p.ReceiptNumber, PersonalDataMask.Text(p.Title), Math.Round(m.Similarity, 2), p.PetitionerId == me, p.Status.ToString(), p.FiledAt);
        return [.. shown.Take(MaxShown)];
    }
}
