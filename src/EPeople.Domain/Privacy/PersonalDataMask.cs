using System.Text.RegularExpressions;

namespace EPeople.Domain.Privacy;

/// <summary>
/// The one way personal data is masked on every screen, list and export (DOMAIN.md A6): names keep their first
/// character (김민준 → 김**), phone numbers their first and last groups (010-****-5678), e-mail addresses their
/// first character and domain (k***@example.com), resident registration numbers their birth date (900101-*******),
/// and free text has phone numbers, e-mail addresses and resident registration numbers found and masked in place.
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

    /// <summary>Masks every phone number, e-mail address and resident registration number found in a text.</summary>
    public static string Text(string text)
    {
        var masked = ResidentNumberPattern().Replace(text, m => m.Groups[1].Value + "-*******");
        masked = EmailPattern().Replace(masked, m => Email(m.Value)!);
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

        return found;
    }

    // 010-1234-5678, 02-123-4567, 01012345678: area or mobile prefix, middle group, last four digits.
    [GeneratedRegex(@"(?<!\d)(0\d{1,2})([-. ]?)(\d{3,4})([-. ]?)(\d{4})(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // YYMMDD-GNNNNNN with the gender/century digit 1–8.
    [GeneratedRegex(@"(?<!\d)(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[- ]?[1-8]\d{6}(?!\d)")]
    private static partial Regex ResidentNumberPattern();
}
