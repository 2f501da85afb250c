using EPeople.Application.Abstractions;
using EPeople.Application.Security;
using EPeople.Workflows.Ports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Calendar;

/// <summary>
/// Adds or renames a closed day (e.g. a temporary holiday the government designates). Due dates computed from now on
/// count it; due dates already set are not moved.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record SetHolidayCommand(DateOnly Date, string? NameKo, string? NameEn, string? Kind, string Calendar = BusinessCalendars.Government) : ICommand<HolidayDto>;

/// <summary>Removes a closed day.</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record RemoveHolidayCommand(DateOnly Date, string Calendar = BusinessCalendars.Government) : ICommand<HolidayDto>;

internal sealed class SetHolidayCommandValidator : AbstractValidator<SetHolidayCommand>
{
    public SetHolidayCommandValidator()
    {
        RuleFor(c => c.NameKo).NotEmpty().WithMessage("Enter the Korean name of the day.").MaximumLength(100);
        RuleFor(c => c.NameEn).NotEmpty().WithMessage("Enter the English name of the day.").MaximumLength(100);
        RuleFor(c => c.Kind).Must(k => k is not null && BusinessCalendars.Kinds.Contains(k))
            .WithMessage($"Kind must be one of: {string.Join(", ", BusinessCalendars.Kinds)}.");
        RuleFor(c => c.Date).Must(d => d.Year is >= 2000 and <= 2100).WithMessage("The date must be between 2000 and 2100.");
        RuleFor(c => c.Date).Must(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .WithMessage("Weekends are always closed; only weekdays need to be listed.");
    }
}

internal sealed class HolidayCommandsHandler(IEPeopleDbContext db, IBusinessCalendarProvider calendars)
    : ICommandHandler<SetHolidayCommand, HolidayDto>, ICommandHandler<RemoveHolidayCommand, HolidayDto>
{
    public async ValueTask<HolidayDto> Handle(SetHolidayCommand command, CancellationToken cancellationToken)
    {
        var holiday = await db.BusinessHolidays.SingleOrDefaultAsync(h => h.CalendarId == command.Calendar && h.Date == command.Date, cancellationToken);
        if (holiday is null)
        {
            holiday = new BusinessHolidayRecord { CalendarId = command.Calendar, Date = command.Date };
            db.BusinessHolidays.Add(holiday);
        }

        holiday.NameKo = command.NameKo!.Trim();
        holiday.NameEn = command.NameEn!.Trim();
        holiday.Kind = command.Kind!;
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate(command.Calendar);
        return new HolidayDto(holiday.Date, holiday.NameKo, holiday.NameEn, holiday.Kind);
    }

    public async ValueTask<HolidayDto> Handle(RemoveHolidayCommand command, CancellationToken cancellationToken)
    {
        var holiday = await db.BusinessHolidays.SingleOrDefaultAsync(h => h.CalendarId == command.Calendar && h.Date == command.Date, cancellationToken)
                      ?? throw new Errors.NotFoundException("Holiday", command.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        db.BusinessHolidays.Remove(holiday);
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate(command.Calendar);
        return new HolidayDto(holiday.Date, holiday.NameKo, holiday.NameEn, holiday.Kind);
    }
}
