namespace EPeople.Domain.Institutions;

/// <summary>An institution's or department's name in Korean (official) and in English.</summary>
public sealed record InstitutionNames(string Korean, string English)
{
    public const int MaxLength = 200;
}
