using System.Buffers.Text;
using System.Text;
using EPeople.Domain.Institutions;

namespace EPeople.Application.Institutions;

/// <summary>The opaque "next" token of the directory's keyset paging: the last code of the page, base64url-encoded.</summary>
public static class InstitutionCursor
{
    public static string Encode(string lastCode) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastCode));

    public static bool TryDecode(string? cursor, out string lastCode)
    {
        lastCode = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64)
        {
            return false;
        }

        try
        {
            lastCode = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        return InstitutionCode.IsValid(lastCode);
    }
}
