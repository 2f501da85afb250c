namespace EPeople.Workflows.Calendar;

/// <summary>A computed deadline with the explanation of how it was counted, in Korean and English.</summary>
/// <param name="At">The instant (UTC).</param>
/// <param name="Rule">The counting rule applied: WorkingHours, WorkingDays, Elapsed or CalendarPeriod.</param>
/// <param name="ExplanationKo">How it was counted, in Korean.</param>
/// <param name="ExplanationEn">How it was counted, in English.</param>
/// <param name="SkippedHolidays">The holidays (not weekends) that moved the deadline.</param>
public sealed record DueDate(DateTimeOffset At, string Rule, string ExplanationKo, string ExplanationEn, IReadOnlyList<Holiday> SkippedHolidays);
