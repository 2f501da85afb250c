using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EPeople.Application.Tasks;

/// <summary>The opaque keyset cursor of a worklist: the last row's due instant (UTC ticks) and id.</summary>
internal static class TaskCursor
{
    public static string Encode(DateTimeOffset due, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{due.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}"));

    public static bool TryDecode(string? cursor, out DateTimeOffset due, out string id)
    {
        due = default;
        id = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 300)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            due = new DateTimeOffset(ticks, TimeSpan.Zero);
            id = parts[1];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
