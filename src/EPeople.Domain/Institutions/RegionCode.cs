namespace EPeople.Domain.Institutions;

/// <summary>
/// An administrative region code: 2 digits for a metropolitan city or province (e.g. 11 Seoul),
/// 5 digits for a city, county or district (e.g. 11110 Jongno-gu).
/// </summary>
public static class RegionCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 2 or 5 } && code.All(char.IsAsciiDigit);

    /// <summary>The 2-digit province part of a region code.</summary>
    public static string ProvinceOf(string code) => code[..2];
}
