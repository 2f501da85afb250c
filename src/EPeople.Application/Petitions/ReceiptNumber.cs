using System.Security.Cryptography;
using EPeople.Workflows.Calendar;

namespace EPeople.Application.Petitions;

/// <summary>
/// Receipt numbers (접수번호) citizens quote on the phone: <c>EP-yyyyMMdd-XXXXXXX</c>, the filing date in Korea
/// Standard Time and seven random characters of Crockford's base 32 (no I, L, O or U, so nothing is misread).
/// 34 billion numbers a day; a collision is refused by the unique index and the filing draws again.
/// </summary>
public static class ReceiptNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<char> random = stackalloc char[7];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"EP-{now.ToOffset(BusinessCalendar.KoreaOffset):yyyyMMdd}-{random}";
    }
}
