using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions;

public sealed record ConsultationDto(Guid Id, InstitutionRefDto Institution, string Title, string Summary, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool IsOpen);

/// <summary>
/// An institution opens a consultation (its administrators, or system administrators): citizens send their opinions
/// as policy-engagement petitions until it closes, and the institution's reply to each is due at the closing date.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.InstitutionAdmin)]
public sealed record OpenConsultationCommand(string InstitutionCode, string? Title, string? Summary, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt) : ICommand<ConsultationDto>;

/// <summary>Consultations taking opinions now, soonest to close first (anyone may read them).</summary>
public sealed record ListOpenConsultationsQuery(int Limit = 50) : IQuery<IReadOnlyList<ConsultationDto>>;

internal sealed class OpenConsultationCommandValidator : AbstractValidator<OpenConsultationCommand>
{
    public OpenConsultationCommandValidator()
    {
        RuleFor(c => c.InstitutionCode).Matches("^[0-9]{7}$").WithMessage("An institution code has 7 digits.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the consultation a title.")
            .Must(t => t!.Trim().Length is >= 5 and <= 200).When(c => !string.IsNullOrEmpty(c.Title)).WithMessage("The title must be 5 to 200 characters.");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Say what the consultation is about.").MaximumLength(4000);
        RuleFor(c => c.ClosesAt).NotNull().WithMessage("Give the closing date.");
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).When(c => c.OpensAt is not null && c.ClosesAt is not null).WithMessage("It must close after it opens.");
    }
}

internal sealed class ListOpenConsultationsQueryValidator : AbstractValidator<ListOpenConsultationsQuery>
{
    public ListOpenConsultationsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}

internal sealed class ConsultationsHandler(IEPeopleDbContext db, ICurrentUser user, InstitutionDirectory directory, TimeProvider clock)
    : ICommandHandler<OpenConsultationCommand, ConsultationDto>, IQueryHandler<ListOpenConsultationsQuery, IReadOnlyList<ConsultationDto>>
{
    public async ValueTask<ConsultationDto> Handle(OpenConsultationCommand command, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == command.InstitutionCode, cancellationToken)
                          ?? throw new NotFoundException("Institution", command.InstitutionCode);
        user.EnsureCanManage(institution);
        var now = clock.GetUtcNow();
        var consultation = Consultation.Open(institution.Code, command.Title!, command.Summary!, command.OpensAt ?? now, command.ClosesAt!.Value, user.Name, now);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(cancellationToken);
        return await ToDtoAsync(consultation, now, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<ConsultationDto>> Handle(ListOpenConsultationsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Consultations.AsNoTracking().Where(c => c.ClosesAt > now && c.OpensAt <= now)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(query.Limit).ToListAsync(cancellationToken);
        var list = new List<ConsultationDto>(open.Count);
        foreach (var consultation in open)
        {
            list.Add(await ToDtoAsync(consultation, now, cancellationToken));
        }

        return list;
    }

    private async Task<ConsultationDto> ToDtoAsync(Consultation c, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new ConsultationDto(c.Id, new InstitutionRefDto(c.InstitutionCode, await directory.NameAsync(c.InstitutionCode, english, cancellationToken)),
            c.Title, c.Summary, c.OpensAt, c.ClosesAt, c.IsOpenAt(now));
    }
}
