using EPeople.Workflows.Calendar;
using EPeople.Workflows.Ports;
using FluentValidation;
using Mediator;

namespace EPeople.Application.Calendar;

/// <summary>When a period starting at <see cref="From"/> ends, and how that was counted (public: citizens see the same rule).</summary>
public sealed record PreviewDueDateQuery(DateTimeOffset From, string? Duration, string Calendar = BusinessCalendars.Government) : IQuery<DueDate>;

internal sealed class PreviewDueDateQueryValidator : AbstractValidator<PreviewDueDateQuery>
{
    public PreviewDueDateQueryValidator() =>
        RuleFor(q => q.Duration).Must(d => WorkflowDuration.TryParse(d, out _))
            .WithMessage("Give a positive duration such as P7WD (working days), PT3WH (working hours), P14D or P1M.");
}

internal sealed class PreviewDueDateQueryHandler(IBusinessCalendarProvider calendars) : IQueryHandler<PreviewDueDateQuery, DueDate>
{
    public async ValueTask<DueDate> Handle(PreviewDueDateQuery query, CancellationToken cancellationToken) =>
        (await calendars.GetAsync(query.Calendar, cancellationToken)).DueAfter(query.From, WorkflowDuration.Parse(query.Duration!));
}
