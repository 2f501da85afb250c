using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>An alert as the dashboard and the API show it; <see cref="Series"/> holds the daily counts of its leading term up to <see cref="LastSeenOn"/>.</summary>
public sealed record AnalyticsAlertDto(
    string Id, DateOnly RaisedOn, DateOnly LastSeenOn, int Days, IReadOnlyList<string> Terms, int Count, double Expected, double Growth,
    double PValue, double Score, int TotalCount, IReadOnlyList<AlertExample> Examples, IReadOnlyList<AlertInstitutionDto> Institutions,
    IReadOnlyList<int> Series, string Status, DateTimeOffset? AcknowledgedAt);

/// <summary>An institution concerned by an alert: how many of the alert's petitions it has, and its names when it is in the directory.</summary>
public sealed record AlertInstitutionDto(string Code, string? NameKo, string? NameEn, int Count);

/// <summary>A page of alerts; pass <see cref="Next"/> as <c>After</c> for the next one (null: the last page).</summary>
public sealed record AnalyticsAlertPage(IReadOnlyList<AnalyticsAlertDto> Items, string? Next);

/// <summary>The stored burst alerts, newest raised first (keyset on raised_on descending, then id); optionally of one status.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListAnalyticsAlertsQuery(string? Status = null, string? After = null, int Limit = 50) : IQuery<AnalyticsAlertPage>;

/// <summary>Marks an alert as seen by an analyst (idempotent); a closed alert stays closed.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record AcknowledgeAnalyticsAlertCommand(string Id) : ICommand<AnalyticsAlertDto>;

internal sealed class ListAnalyticsAlertsQueryValidator : AbstractValidator<ListAnalyticsAlertsQuery>
{
    public ListAnalyticsAlertsQueryValidator()
    {
        RuleFor(q => q.Status).IsEnumName(typeof(AnalyticsAlertStatus)).When(q => q.Status is not null)
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<AnalyticsAlertStatus>())}.");
        RuleFor(q => q.After).Must(a => AlertCursor.TryDecode(a, out _, out _)).When(q => !string.IsNullOrEmpty(q.After))
            .WithMessage("'after' must be the 'next' value of a previous page.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}

internal sealed class AcknowledgeAnalyticsAlertCommandValidator : AbstractValidator<AcknowledgeAnalyticsAlertCommand>
{
    public AcknowledgeAnalyticsAlertCommandValidator() => RuleFor(c => c.Id).NotEmpty().MaximumLength(200);
}

internal sealed class AnalyticsAlertsHandler(IEPeopleDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListAnalyticsAlertsQuery, AnalyticsAlertPage>, ICommandHandler<AcknowledgeAnalyticsAlertCommand, AnalyticsAlertDto>
{
    public async ValueTask<AnalyticsAlertPage> Handle(ListAnalyticsAlertsQuery query, CancellationToken cancellationToken)
    {
        var alerts = db.AnalyticsAlerts.AsNoTracking();
        if (query.Status is not null)
        {
            var status = Enum.Parse<AnalyticsAlertStatus>(query.Status);
            alerts = alerts.Where(a => a.Status == status);
        }

        if (AlertCursor.TryDecode(query.After, out var day, out var id))
        {
            alerts = alerts.Where(a => a.RaisedOn < day || (a.RaisedOn == day && a.Id.CompareTo(id) > 0));
        }

        var page = await alerts.OrderByDescending(a => a.RaisedOn).ThenBy(a => a.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var alertsShown = page.Take(query.Limit).ToList();
        var names = await NamesAsync(alertsShown, cancellationToken);
        var items = alertsShown.Select(a => ToDto(a, names)).ToList();
        return new AnalyticsAlertPage(items, page.Count > query.Limit ? AlertCursor.Encode(items[^1].RaisedOn, items[^1].Id) : null);
    }

    public async ValueTask<AnalyticsAlertDto> Handle(AcknowledgeAnalyticsAlertCommand command, CancellationToken cancellationToken)
    {
        var alert = await db.AnalyticsAlerts.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
                    ?? throw new NotFoundException("Analytics alert", command.Id);
        if (alert.Status == AnalyticsAlertStatus.Closed)
        {
            throw new ConflictException("A closed alert cannot be acknowledged.", "AlertClosed");
        }

        if (alert.Status == AnalyticsAlertStatus.Open)
        {
            var now = clock.GetUtcNow();
            alert.Status = AnalyticsAlertStatus.Acknowledged;
            alert.AcknowledgedBy = user.Id;
            alert.AcknowledgedAt = now;
            alert.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ToDto(alert, await NamesAsync([alert], cancellationToken));
    }

    private async Task<Dictionary<string, (string Ko, string En)>> NamesAsync(List<AnalyticsAlertRecord> alerts, CancellationToken cancellationToken)
    {
        var codes = alerts.SelectMany(Institutions).Select(i => i.Code).Distinct().ToList();
        return codes.Count == 0
            ? []
            : await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => new { i.Code, i.NameKo, i.NameEn })
                .ToDictionaryAsync(i => i.Code, i => (i.NameKo, i.NameEn), StringComparer.Ordinal, cancellationToken);
    }

    private static List<AlertInstitution> Institutions(AnalyticsAlertRecord alert) =>
        JsonSerializer.Deserialize<List<AlertInstitution>>(alert.Institutions, BurstAlertsStep.Json) ?? [];

    private static AnalyticsAlertDto ToDto(AnalyticsAlertRecord a, Dictionary<string, (string Ko, string En)> names)
    {
        var json = BurstAlertsStep.Json;
        return new AnalyticsAlertDto(a.Id, a.RaisedOn, a.LastSeenOn, a.Days,
            JsonSerializer.Deserialize<List<string>>(a.Terms, json) ?? [], a.Count, a.Expected, a.Growth, a.PValue, a.Score, a.TotalCount,
            JsonSerializer.Deserialize<List<AlertExample>>(a.Examples, json) ?? [],
            [.. Institutions(a).Select(i => names.TryGetValue(i.Code, out var n)
                ? new AlertInstitutionDto(i.Code, n.Ko, n.En, i.Count)
                : new AlertInstitutionDto(i.Code, null, null, i.Count))],
            JsonSerializer.Deserialize<List<int>>(a.Series, json) ?? [], a.Status.ToString(), a.AcknowledgedAt);
    }
}

/// <summary>The keyset position of an alert in the list: its day raised and its id.</summary>
internal static class AlertCursor
{
    public static string Encode(DateOnly raisedOn, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{raisedOn.DayNumber.ToString(CultureInfo.InvariantCulture)}|{id}"));

    public static bool TryDecode(string? cursor, out DateOnly raisedOn, out string id)
    {
        raisedOn = default;
        id = "";
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber)
                && dayNumber <= DateOnly.MaxValue.DayNumber && parts[1].Length > 0)
            {
                raisedOn = DateOnly.FromDayNumber(dayNumber);
                id = parts[1];
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
