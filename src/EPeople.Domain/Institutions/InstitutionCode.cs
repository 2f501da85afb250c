namespace EPeople.Domain.Institutions;

/// <summary>The 7-digit standard institution code (행정표준기관코드) shared with other government systems.</summary>
public static class InstitutionCode
{
    public const int Length = 7;

    public static bool IsValid(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit);
}
