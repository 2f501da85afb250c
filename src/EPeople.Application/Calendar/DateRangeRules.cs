using FluentValidation;

namespace EPeople.Application.Calendar;

/// <summary>
/// The rule every query over a range of Korean dates shares (statistics, volumes, the league table): both ends included,
/// 'to' not before 'from', and at most two years, so that one request cannot ask the database for everything.
/// </summary>
internal static class DateRangeRules
{
    /// <summary>The longest range, in days (two years and a leap day).</summary>
    public const int MaxDays = 731;

    public static void DateRange<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        validator.RuleFor(q => to(q)).Must((q, end) => end >= from(q)!.Value).When(q => from(q) is not null && to(q) is not null)
            .WithName("to").WithMessage("'to' must not be before 'from'.");
        validator.RuleFor(q => q).Must(q => to(q)!.Value.DayNumber - from(q)!.Value.DayNumber <= MaxDays).When(q => from(q) is not null && to(q) is not null)
            .WithName("to").WithMessage("Ask for at most two years at a time.");
    }
}
