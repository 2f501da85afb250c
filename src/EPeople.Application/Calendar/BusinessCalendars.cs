namespace EPeople.Application.Calendar;

/// <summary>The calendar ids in use.</summary>
public static class BusinessCalendars
{
    /// <summary>Korean government offices (Civil Petitions Act counting).</summary>
    public const string Government = "kr-government";

    /// <summary>The kinds of closed day.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["Public", "Substitute", "Temporary", "Election"];
}
