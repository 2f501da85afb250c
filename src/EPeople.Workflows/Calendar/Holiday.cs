namespace EPeople.Workflows.Calendar;

/// <summary>A day government offices are closed besides weekends.</summary>
/// <param name="Date">The day (Korea Standard Time).</param>
/// <param name="NameKo">Its Korean name.</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="Kind">Public, Substitute, Temporary or Election.</param>
public sealed record Holiday(DateOnly Date, string NameKo, string NameEn, string Kind);
