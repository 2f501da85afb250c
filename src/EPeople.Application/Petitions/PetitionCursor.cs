using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EPeople.Application.Petitions;

/// <summary>The keyset cursor of petition lists ordered newest first: the last row's (filed_at, id), opaque to clients.</summary>
internal static class PetitionCursor
{
    public static string Encode(DateTimeOffset filedAt, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{filedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}"));

    public static bool TryDecode(string? cursor, out DateTimeOffset filedAt, out Guid id)
    {
        filedAt = default;
        id = default;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor ?? "")).Split('|');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(parts[1], out id))
            {
                filedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
