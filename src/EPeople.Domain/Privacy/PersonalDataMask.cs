using System.Text.RegularExpressions;

namespace EPeople.Domain.Privacy;

/// <summary>
/// The one way personal data is masked on every screen, list and export (DOMAIN.md A6): names keep their first
/// character (김민준 → 김**), phone numbers their first and last groups (010-****-5678), e-mail addresses their
/// first character and domain (k***@example.com), resident registration numbers their birth date (900101-*******),
/// addresses their area down to the road or neighbourhood (테헤란로 ***, 역삼동 ***, ***동 ***호), and free text has all
/// of these except names found and masked in place (a name cannot be told from other words reliably).
/// </summary>
public static partial class PersonalDataMask
{
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var trimmed = name.Trim();
        return trimmed.Length == 1 ? "*" : trimmed[0] + new string('*', trimmed.Length - 1);
    }

    public static string? Phone(string? phone) =>
        phone is null ? null : PhonePattern().Replace(phone, m => $"{m.Groups[1].Value}{m.Groups[2].Value}{new string('*', m.Groups[3].Length)}{m.Groups[4].Value}{m.Groups[5].Value}");

    public static string? Email(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? new string('*', email.Length) : email[0] + new string('*', Math.Max(at - 1, 2)) + email[at..];
    }

    /// <summary>
    /// Masks the part of an address that finds a household: the building number after a road name (도로명주소), the lot
    /// number after a neighbourhood (지번주소) and the building and unit of a flat; the city, district and road stay,
    /// so an official still sees where the problem is.
    /// </summary>
    public static string Address(string text)
    {
        var masked = FlatPattern().Replace(text, m => $"{Stars(m.Groups[1].Length)}동{m.Groups[2].Value}{Stars(m.Groups[3].Length)}호");
        masked = RoadAddressPattern().Replace(masked, m => m.Groups[1].Value + m.Groups[2].Value + Stars(m.Groups[3].Length));
        return LotAddressPattern().Replace(masked, m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + Stars(m.Groups[4].Length));
    }

    /// <summary>Masks every phone number, e-mail address, resident registration number and address found in a text.</summary>
    public static string Text(string text)
    {
        var masked = ResidentNumberPattern().Replace(text, m => m.Groups[1].Value + "-*******");
        masked = EmailPattern().Replace(masked, m => Email(m.Value)!);
        masked = Address(masked);
        return PhonePattern().Replace(masked, m => $"{m.Groups[1].Value}{m.Groups[2].Value}{new string('*', m.Groups[3].Length)}{m.Groups[4].Value}{m.Groups[5].Value}");
    }

    /// <summary>Which kinds of personal data a text appears to contain (for the warning shown while filing).</summary>
    public static IReadOnlyList<string> Detect(string text)
    {
        var found = new List<string>();
        if (ResidentNumberPattern().IsMatch(text))
        {
            found.Add("ResidentRegistrationNumber");
        }

        if (PhonePattern().IsMatch(text))
        {
            found.Add("PhoneNumber");
        }

        if (EmailPattern().IsMatch(text))
        {
            found.Add("Email");
        }

        if (FlatPattern().IsMatch(text) || RoadAddressPattern().IsMatch(text) || LotAddressPattern().IsMatch(text))
        {
            found.Add("Address");
        }

        return found;
    }

    private static string Stars(int length) => new('*', length);

    // A number that counts something (3분, 20년, 5개…) is not a house number: "출구로 2분" stays as it is.
    private const string NotACount = @"(?!\d|-\d|\s*(?:분|년|개|명|번(?!지)|시간|시|일|월|주|세|살|회|원|층|건|곳|대|가지|마리|차|배|위|초|km|kg|m\b|%))";

    // 010-1234-5678, 02-123-4567, 01012345678: area or mobile prefix, middle group, last four digits.
    [GeneratedRegex(@"(?<!\d)(0\d{1,2})([-. ]?)(\d{3,4})([-. ]?)(\d{4})(?!\d)")]
    private static partial Regex PhonePattern();

    // 101동 1203호, 101동1203호.
    [GeneratedRegex(@"(?<![\d가-힣])(\d{1,4})동(\s?)(\d{1,5})호")]
    private static partial Regex FlatPattern();

    // 테헤란로 123, 테헤란로 123-45, 도산대로12길 34: a word ending in 로 or 길, then the building number.
    [GeneratedRegex(@"(?<![가-힣\d])([가-힣][가-힣\d]*(?:로|길))(\s?)(\d{1,5}(?:-\d{1,4})?)(?!가)" + NotACount)] // 종로3가 is a neighbourhood
    private static partial Regex RoadAddressPattern();

    // 역삼동 123-45, 봉화리 산 12, 종로3가 12번지: a neighbourhood (동, 리, or 가 after a number: a bare 가 is a particle), then the lot number.
    [GeneratedRegex(@"(?<![가-힣\d])([가-힣][가-힣\d]*(?:동|리|\d가))(\s)(산\s?)?(\d{1,5}(?:-\d{1,4})?)" + NotACount)]
    private static partial Regex LotAddressPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // YYMMDD-GNNNNNN with the gender/century digit 1–8.
    [GeneratedRegex(@"(?<!\d)(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[- ]?[1-8]\d{6}(?!\d)")]
    private static partial Regex ResidentNumberPattern();
}
