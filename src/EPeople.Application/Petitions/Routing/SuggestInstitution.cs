using EPeople.Application.Institutions;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions.Routing;

/// <summary>Where a petition would go, for the filing wizard to suggest (the citizen may choose another).</summary>
/// <param name="Reason">Why, in English; <paramref name="ReasonKind"/>, <paramref name="ReasonDetail"/> and <paramref name="Terms"/> say it in parts.</param>
/// <param name="Automatic">False when the router is not sure enough: the triage desk would route it by hand.</param>
public sealed record InstitutionSuggestionDto(
    InstitutionRefDto? Institution, double Confidence, string? Reason, bool Automatic, string? ReasonKind = null, string? ReasonDetail = null, IReadOnlyList<string>? Terms = null);

/// <summary>Asks the same router filing uses where a petition would go, without filing it (anyone may ask).</summary>
public sealed record SuggestInstitutionQuery(string? Kind, string? Subtype, string? Title, string? Body, string? Region) : IQuery<InstitutionSuggestionDto>;

internal sealed class SuggestInstitutionQueryValidator : AbstractValidator<SuggestInstitutionQuery>
{
    public SuggestInstitutionQueryValidator()
    {
        RuleFor(q => q.Kind).NotEmpty().IsEnumName(typeof(PetitionKind)).WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
        RuleFor(q => q.Subtype).IsEnumName(typeof(PetitionSubtype)).When(q => !string.IsNullOrEmpty(q.Subtype));
        RuleFor(q => q.Region).Matches("^[0-9]{2}([0-9]{3})?$").When(q => !string.IsNullOrEmpty(q.Region))
            .WithMessage("A region is a 2-digit province or 5-digit municipality code.");
        RuleFor(q => q.Title).MaximumLength(200);
        RuleFor(q => q.Body).MaximumLength(10_000);
    }
}

internal sealed class SuggestInstitutionQueryHandler(IPetitionRouter router, InstitutionDirectory directory, IOptions<PetitionOptions> options)
    : IQueryHandler<SuggestInstitutionQuery, InstitutionSuggestionDto>
{
    public async ValueTask<InstitutionSuggestionDto> Handle(SuggestInstitutionQuery query, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<PetitionKind>(query.Kind!);
        PetitionSubtype? subtype = string.IsNullOrEmpty(query.Subtype) ? null : Enum.Parse<PetitionSubtype>(query.Subtype);
        var decision = (await router.RouteAsync(new RoutingRequest(kind, subtype, query.Title ?? "", query.Body ?? "", null, query.Region), cancellationToken)).Best;
        if (decision is null)
        {
            return new InstitutionSuggestionDto(null, 0, null, false);
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new InstitutionSuggestionDto(new InstitutionRefDto(decision.InstitutionCode, await directory.NameAsync(decision.InstitutionCode, english, cancellationToken)),
            decision.Confidence, decision.Reason.ToString(), decision.Confidence >= options.Value.AutoRouteThreshold(kind),
            decision.Reason.Kind.ToString(), decision.Reason.Detail, decision.Reason.Terms ?? []);
    }
}
