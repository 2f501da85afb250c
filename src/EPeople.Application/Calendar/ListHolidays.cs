using EPeople.Application.Abstractions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Calendar;

/// <summary>The closed days of a year besides weekends (public).</summary>
public sealed record ListHolidaysQuery(int Year, string Calendar = BusinessCalendars.Government) : IQuery<IReadOnlyList<HolidayDto>>;

internal sealed class ListHolidaysQueryValidator : AbstractValidator<ListHolidaysQuery>
{
    public ListHolidaysQueryValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
}

internal sealed class ListHolidaysQueryHandler(IEPeopleDbContext db) : IQueryHandler<ListHolidaysQuery, IReadOnlyList<HolidayDto>>
{
    public async ValueTask<IReadOnlyList<HolidayDto>> Handle(ListHolidaysQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31));
        var rows = await db.BusinessHolidays.AsNoTracking()
            .Where(h => h.CalendarId == query.Calendar && h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(h => new HolidayDto(h.Date, h.NameKo, h.NameEn, h.Kind))];
    }
}
