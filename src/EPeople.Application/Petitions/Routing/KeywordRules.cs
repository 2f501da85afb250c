using EPeople.Application.Abstractions;
using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Application.Security;
using EPeople.Domain.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.Petitions.Routing;

public sealed record KeywordRuleInput(Guid? Id, string? Keyword, string? InstitutionCode, string? Kind, string? Note);

public sealed record KeywordRuleDto(Guid Id, string Keyword, InstitutionRefDto Institution, string? Kind, string? Note);

/// <summary>The administrators' keyword routing rules, longest keyword first (the order they are tried in).</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Analyst)]
public sealed record ListKeywordRulesQuery : IQuery<IReadOnlyList<KeywordRuleDto>>;

/// <summary>
/// Replaces the keyword rules with the list given: rows with an id change that rule, rows without add one, rules not
/// listed are removed. System administrators only; every change is audited. Takes effect on this node at once and
/// on the others within half a minute.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed record SetKeywordRulesCommand(IReadOnlyList<KeywordRuleInput>? Rules) : ICommand<IReadOnlyList<KeywordRuleDto>>;

internal sealed class SetKeywordRulesCommandValidator : AbstractValidator<SetKeywordRulesCommand>
{
    public SetKeywordRulesCommandValidator()
    {
        RuleFor(c => c.Rules).NotNull().WithMessage("List the rules (an empty list removes them all).");
        RuleForEach(c => c.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Keyword).NotEmpty().WithMessage("Give the keyword.")
                .Must(k => RoutingKeywordRuleBook.Compact(k!).Length >= 2).When(r => !string.IsNullOrEmpty(r.Keyword))
                .WithMessage("A keyword needs at least two letters or digits.")
                .MaximumLength(50).WithMessage("A keyword has at most 50 characters.");
            rule.RuleFor(r => r.InstitutionCode).NotEmpty().WithMessage("Choose the institution.")
                .Matches("^[0-9]{7}$").When(r => !string.IsNullOrEmpty(r.InstitutionCode)).WithMessage("An institution code has 7 digits.");
            rule.RuleFor(r => r.Kind).IsEnumName(typeof(PetitionKind)).When(r => !string.IsNullOrEmpty(r.Kind))
                .WithMessage($"Kind must be one of {string.Join(", ", Enum.GetNames<PetitionKind>())}.");
            rule.RuleFor(r => r.Note).MaximumLength(200).WithMessage("A note has at most 200 characters.");
        });

        // The same keyword twice for the same kind could only disagree: reported on the later row.
        RuleFor(c => c.Rules).Custom((rules, context) =>
        {
            var seen = new HashSet<(string, string?)>();
            for (var i = 0; i < (rules?.Count ?? 0); i++)
            {
                var rule = rules![i];
                if (!string.IsNullOrEmpty(rule.Keyword) && !seen.Add((RoutingKeywordRuleBook.Compact(rule.Keyword), string.IsNullOrEmpty(rule.Kind) ? null : rule.Kind)))
                {
                    context.AddFailure($"Rules[{i}].Keyword", "Another rule already has this keyword (for this kind).");
                }
            }
        });
    }
}

internal sealed class KeywordRulesHandler(IEPeopleDbContext db, InstitutionDirectory directory, RoutingKeywordRuleBook book)
    : IQueryHandler<ListKeywordRulesQuery, IReadOnlyList<KeywordRuleDto>>, ICommandHandler<SetKeywordRulesCommand, IReadOnlyList<KeywordRuleDto>>
{
    public async ValueTask<IReadOnlyList<KeywordRuleDto>> Handle(ListKeywordRulesQuery query, CancellationToken cancellationToken) =>
        await ToDtosAsync(await db.RoutingKeywordRules.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);

    public async ValueTask<IReadOnlyList<KeywordRuleDto>> Handle(SetKeywordRulesCommand command, CancellationToken cancellationToken)
    {
        var rules = command.Rules!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var existing = await db.RoutingKeywordRules.ToDictionaryAsync(r => r.Id, cancellationToken);
        for (var i = 0; i < rules.Count; i++)
        {
            if (await directory.ActiveAsync(rules[i].InstitutionCode!, cancellationToken) is null)
            {
                errors[$"rules[{i}].institutionCode"] = [$"No active institution has the code {rules[i].InstitutionCode}."];
            }

            if (rules[i].Id is { } id && !existing.ContainsKey(id))
            {
                errors[$"rules[{i}].id"] = ["This rule no longer exists (another administrator removed it): reload the rules."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var kept = new HashSet<Guid>();
        foreach (var input in rules)
        {
            PetitionKind? kind = string.IsNullOrEmpty(input.Kind) ? null : Enum.Parse<PetitionKind>(input.Kind);
            if (input.Id is { } id)
            {
                existing[id].Change(input.Keyword!, input.InstitutionCode!, kind, input.Note);
                kept.Add(id);
            }
            else
            {
                db.RoutingKeywordRules.Add(new RoutingKeywordRule(input.Keyword!, input.InstitutionCode!, kind, input.Note));
            }
        }

        db.RoutingKeywordRules.RemoveRange(existing.Values.Where(r => !kept.Contains(r.Id)));
        await db.SaveChangesAsync(cancellationToken);
        book.Invalidate();
        return await ToDtosAsync(await db.RoutingKeywordRules.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<KeywordRuleDto>> ToDtosAsync(List<RoutingKeywordRule> rules, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var result = new List<KeywordRuleDto>(rules.Count);
        foreach (var rule in rules.OrderByDescending(r => RoutingKeywordRuleBook.Compact(r.Keyword).Length).ThenBy(r => r.Keyword, StringComparer.Ordinal))
        {
            result.Add(new KeywordRuleDto(rule.Id, rule.Keyword, new InstitutionRefDto(rule.InstitutionCode, await directory.NameAsync(rule.InstitutionCode, english, cancellationToken)),
                rule.Kind?.ToString(), rule.Note));
        }

        return result;
    }
}
