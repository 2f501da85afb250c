namespace EPeople.Application.Calendar;

public sealed record HolidayDto(DateOnly Date, string NameKo, string NameEn, string Kind);
