using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Security;
using EPeople.Domain.Institutions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// An alert as the dashboard and the API show it; <see cref="Series"/> holds the daily counts of its leading term up to
/// <see cref="LastSeenOn"/>; a closed one has <see cref="CloseReason"/> (Resolved, NotRelevant or Quiet) and <see cref="ClosedAt"/>.
/// </summary>
public sealed record AnalyticsAlertDto(
    string Id, DateOnly RaisedOn, DateOnly LastSeenOn, int Days, IReadOnlyList<string> Terms, int Count, double Expected, double Growth,
    double PValue, double Score, int TotalCount, IReadOnlyList<AlertExample> Examples, IReadOnlyList<AlertInstitutionDto> Institutions,
    IReadOnlyList<int> Series, string Status, DateTimeOffset? AcknowledgedAt, string? CloseReason = null, DateTimeOffset? ClosedAt = null,
    string? CloseNote = null)
{
    /// <summary><c>topic</c> (terms burst), or <c>category</c>, <c>institution</c>, <c>region</c>: a volume burst no subject explains.</summary>
    public string Kind => Bursts.BurstAlert.KindOfId(Id);
}

/// <summary>An institution concerned by an alert: how many of the alert's petitions it has, and its names when it is in the directory.</summary>
public sealed record AlertInstitutionDto(string Code, string? NameKo, string? NameEn, int Count);

/// <summary>A page of alerts; pass <see cref="Next"/> as <c>After</c> for the next one (null: the last page).</summary>
public sealed record AnalyticsAlertPage(IReadOnlyList<AnalyticsAlertDto> Items, string? Next);

/// <summary>
/// The stored burst alerts, newest raised first (keyset on raised_on descending, then id); optionally of one status, and
/// of one institution (those it has petitions of; an institution with none, or unknown, gets an empty page).
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListAnalyticsAlertsQuery(string? Status = null, string? Institution = null, string? After = null, int Limit = 50) : IQuery<AnalyticsAlertPage>;

/// <summary>An institution that has petitions in at least one alert, for the dashboard's institution filter.</summary>
public sealed record AlertInstitutionOptionDto(string Code, string? NameKo, string? NameEn, int Alerts);

/// <summary>The institutions concerned by any stored alert (whatever its status), by code.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListAlertInstitutionsQuery : IQuery<IReadOnlyList<AlertInstitutionOptionDto>>;

/// <summary>Marks an alert as seen by an analyst (idempotent); a closed alert stays closed.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record AcknowledgeAnalyticsAlertCommand(string Id) : ICommand<AnalyticsAlertDto>;

internal sealed class ListAnalyticsAlertsQueryValidator : AbstractValidator<ListAnalyticsAlertsQuery>
{
    public ListAnalyticsAlertsQueryValidator()
    {
        RuleFor(q => q.Status).IsEnumName(typeof(AnalyticsAlertStatus)).When(q => q.Status is not null)
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<AnalyticsAlertStatus>())}.");
        RuleFor(q => q.Institution).Must(InstitutionCode.IsValid).When(q => !string.IsNullOrEmpty(q.Institution))
            .WithMessage("An institution code has 7 digits.");
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
    : IQueryHandler<ListAnalyticsAlertsQuery, AnalyticsAlertPage>, IQueryHandler<ListAlertInstitutionsQuery, IReadOnlyList<AlertInstitutionOptionDto>>,
        ICommandHandler<AcknowledgeAnalyticsAlertCommand, AnalyticsAlertDto>
{
    public async ValueTask<AnalyticsAlertPage> Handle(ListAnalyticsAlertsQuery query, CancellationToken cancellationToken)
    {
        AnalyticsAlertStatus? status = query.Status is null ? null : Enum.Parse<AnalyticsAlertStatus>(query.Status);
        var hasCursor = AlertCursor.TryDecode(query.After, out var day, out var id);
        List<AnalyticsAlertRecord> page;
        if (!string.IsNullOrEmpty(query.Institution))
        {
            // One institution: its rows of analytics_alert_institutions, read in (institution_code, raised_on desc,
            // alert_id) index order, each joined to its alert.
            var rows = db.AnalyticsAlertInstitutions.AsNoTracking().Where(r => r.InstitutionCode == query.Institution);
            if (hasCursor)
            {
                // (raised_on desc, id) after the cursor, with the bound on raised_on on its own: the index scan starts there.
                rows = rows.Where(r => r.RaisedOn <= day && (r.RaisedOn < day || r.AlertId.CompareTo(id) > 0));
            }

            var joined = rows.Join(db.AnalyticsAlerts.AsNoTracking(), r => r.AlertId, a => a.Id, (r, a) => new { Row = r, Alert = a });
            if (status is { } wanted)
            {
                joined = joined.Where(j => j.Alert.Status == wanted);
            }

            page = await joined.OrderByDescending(j => j.Row.RaisedOn).ThenBy(j => j.Row.AlertId).Select(j => j.Alert)
                .Take(query.Limit + 1).ToListAsync(cancellationToken);
        }
        else
        {
            var alerts = db.AnalyticsAlerts.AsNoTracking();
            if (status is { } wanted)
            {
                alerts = alerts.Where(a => a.Status == wanted);
            }

            if (hasCursor)
            {
                alerts = alerts.Where(a => a.RaisedOn <= day && (a.RaisedOn < day || a.Id.CompareTo(id) > 0));
            }

            page = await alerts.OrderByDescending(a => a.RaisedOn).ThenBy(a => a.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        }

        var items = await db.ToDtosAsync([.. page.Take(query.Limit)], cancellationToken);
        return new AnalyticsAlertPage(items, page.Count > query.Limit ? AlertCursor.Encode(items[^1].RaisedOn, items[^1].Id) : null);
    }

    public async ValueTask<IReadOnlyList<AlertInstitutionOptionDto>> Handle(ListAlertInstitutionsQuery query, CancellationToken cancellationToken)
    {
        var counts = await db.AnalyticsAlertInstitutions.AsNoTracking().GroupBy(r => r.InstitutionCode)
            .Select(g => new { Code = g.Key, Alerts = g.Count() }).ToListAsync(cancellationToken);
        var names = await db.InstitutionNamesAsync(counts.Select(c => c.Code), cancellationToken);
        return [.. counts.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => names.TryGetValue(c.Code, out var n)
            ? new AlertInstitutionOptionDto(c.Code, n.Ko, n.En, c.Alerts)
            : new AlertInstitutionOptionDto(c.Code, null, null, c.Alerts))];
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

        return (await db.ToDtosAsync([alert], cancellationToken))[0];
    }
}

/// <summary>Alert rows as <see cref="AnalyticsAlertDto"/>s, with the institutions' names from the directory.</summary>
internal static class AnalyticsAlertMapping
{
    public static async Task<List<AnalyticsAlertDto>> ToDtosAsync(this IEPeopleDbContext db, List<AnalyticsAlertRecord> alerts, CancellationToken cancellationToken)
    {
        var names = await db.InstitutionNamesAsync(alerts.SelectMany(Institutions).Select(i => i.Code), cancellationToken);
        return [.. alerts.Select(a => ToDto(a, names))];
    }

    public static async Task<Dictionary<string, (string Ko, string En)>> InstitutionNamesAsync(
        this IEPeopleDbContext db, IEnumerable<string> institutionCodes, CancellationToken cancellationToken)
    {
        var codes = institutionCodes.Distinct().ToList();
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
            JsonSerializer.Deserialize<List<int>>(a.Series, json) ?? [], a.Status.ToString(), a.AcknowledgedAt,
            a.CloseReason?.ToString(), a.ClosedAt, a.CloseNote);
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
