namespace EPeople.Application.Analytics.Grouping;

/// <summary>
/// The grouping rules and their thresholds, in one place (DOMAIN.md A4). A filed petition is compared with the earlier
/// petitions of the same content (estimated Jaccard of title-and-body shingles ≥ <see cref="SameContentThreshold"/>):
/// repeated when the same person filed it with the same institution ≥ 3 times, duplicate when the same person filed it
/// with ≥ 2 institutions, mass when ≥ 5 distinct persons filed it with the same institution.
/// </summary>
public static class GroupingRules
{
    /// <summary>
    /// "The same content": 0.6 estimated Jaccard of title+body 3-grams. On 2019 petition titles, pairs at ≥ 0.6 were near
    /// duplicates by eye (see README); the body usually adds shared wording, and the official decides what to do with a group.
    /// </summary>
    public const double SameContentThreshold = 0.6;

    public const int RepeatedMinFilings = 3;
    public const int DuplicateMinInstitutions = 2;
    public const int MassMinPetitioners = 5;

    /// <summary>Act Art. 23: a repeat may be closed once the result was notified at least twice — the official decides.</summary>
    public const int ClosableAfterAnswers = 2;

    public sealed record Filing(Guid PetitionId, Guid PetitionerId, string InstitutionCode);

    public sealed record Match(PetitionGroupKind Kind, string? InstitutionCode, Guid? PetitionerId, IReadOnlyList<Guid> Members);

    /// <summary>The groups the filed petition makes with the earlier petitions of the same content (which exclude it).</summary>
    public static IReadOnlyList<Match> Apply(Filing filed, IReadOnlyCollection<Filing> sameContent)
    {
        var all = sameContent.Where(f => f.PetitionId != filed.PetitionId).Prepend(filed).ToList();
        var matches = new List<Match>();

        var repeated = all.Where(f => f.PetitionerId == filed.PetitionerId && f.InstitutionCode == filed.InstitutionCode).ToList();
        if (repeated.Count >= RepeatedMinFilings)
        {
            matches.Add(new Match(PetitionGroupKind.Repeated, filed.InstitutionCode, filed.PetitionerId, Ids(repeated)));
        }

        var own = all.Where(f => f.PetitionerId == filed.PetitionerId).ToList();
        if (own.Select(f => f.InstitutionCode).Distinct(StringComparer.Ordinal).Count() >= DuplicateMinInstitutions)
        {
            matches.Add(new Match(PetitionGroupKind.Duplicate, null, filed.PetitionerId, Ids(own)));
        }

        var mass = all.Where(f => f.InstitutionCode == filed.InstitutionCode).ToList();
        if (mass.Select(f => f.PetitionerId).Distinct().Count() >= MassMinPetitioners)
        {
            matches.Add(new Match(PetitionGroupKind.Mass, filed.InstitutionCode, null, Ids(mass)));
        }

        return matches;
    }

    private static Guid[] Ids(IEnumerable<Filing> filings) => [.. filings.Select(f => f.PetitionId)];
}
