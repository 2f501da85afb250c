using EPeople.Application.Calendar;
using EPeople.Infrastructure.Persistence;
using EPeople.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EPeople.Infrastructure.Seeding;

/// <summary>Loads samples/holidays-kr.json into <c>business_holidays</c> when that calendar has no holidays yet.</summary>
internal sealed class HolidaySeeder(EPeopleDbContext db, IOptions<SeedOptions> options)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.Value.Directory, "holidays-kr.json");
        if (!File.Exists(file))
        {
            return 0;
        }

        var calendar = BusinessCalendar.FromJson(await File.ReadAllTextAsync(file, cancellationToken));
        if (await db.BusinessHolidays.AnyAsync(h => h.CalendarId == calendar.Id, cancellationToken))
        {
            return 0;
        }

        db.BusinessHolidays.AddRange(calendar.Holidays.Select(h => new BusinessHolidayRecord
        {
            CalendarId = calendar.Id, Date = h.Date, NameKo = h.NameKo, NameEn = h.NameEn, Kind = h.Kind,
        }));
        return await db.SaveChangesAsync(cancellationToken);
    }
}
