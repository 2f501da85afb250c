using EPeople.Application.Institutions;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// Rules first (<see cref="RuleBasedPetitionRouter"/>: people decided them), then the learned model's institutions by
/// calibrated probability. A category model's categories are read through the category mapping, and categories that
/// share an institution add up (보건복지 and 저출산/고령화대책 both go to 보건복지부). Institutions that are inactive
/// or do not take the kind are left out. Without a model (none configured, or its file missing or damaged) the rules
/// alone decide and the rest goes to the triage desk.
/// </summary>
internal sealed class LearnedPetitionRouter(RuleBasedPetitionRouter rules, RouterModelSource models, InstitutionDirectory directory) : IPetitionRouter
{
    /// <summary>Enough for three suggestions besides the triage desk and an institution the rules already named.</summary>
    private const int Explained = 6;

    /// <summary>An institution the model gives less than this is no suggestion worth a triage official's reading.</summary>
    private const double Negligible = 0.01;

    public async Task<RoutingResult> RouteAsync(RoutingRequest request, CancellationToken cancellationToken)
    {
        var byRules = await rules.RouteAsync(request, cancellationToken);
        if (request.InstitutionCode is { Length: > 0 } || await models.CurrentAsync(cancellationToken) is not { } active)
        {
            return byRules;
        }

        var institutions = await directory.ByCodeAsync(cancellationToken);
        // A category the mapping sends to the triage desk is the model saying "no single institution": its share is
        // left out rather than proposed, so the others stay below the threshold and a person decides.
        var triageDesk = await directory.TriageDeskAsync(cancellationToken);
        var text = active.Model.Info.ReadsBody ? $"{request.Title}\n{request.Body}" : request.Title;
        var learned = new Dictionary<string, (double Confidence, RoutingReason Reason)>(StringComparer.Ordinal);
        foreach (var score in active.Model.Classifier.Predict(text, Explained))
        {
            if (active.InstitutionOf(score.Label) is not { } code || code == triageDesk
                || !institutions.TryGetValue(code, out var institution) || !institution.IsActive
                || (institution.ServiceTypes.Count > 0 && institution.ServiceTypes.All(s => s.Kind != request.Kind)))
            {
                continue;
            }

            learned[code] = learned.TryGetValue(code, out var first)
                ? (first.Confidence + score.Probability, first.Reason)
                : (score.Probability, Reason(active, score));
        }

        var ranked = byRules.Ranked.Concat(learned.Where(l => l.Value.Confidence >= Negligible).OrderByDescending(l => l.Value.Confidence).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new RoutingDecision(l.Key, Math.Min(1, l.Value.Confidence), l.Value.Reason)));
        return new RoutingResult([.. ranked.DistinctBy(d => d.InstitutionCode)]);
    }

    private static RoutingReason Reason(ActiveRouterModel active, Learning.LabelScore score) =>
        new(RoutingReasonKind.Learned, active.Model.Info.LabelKind == Learning.RouterLabelKind.Category ? score.Label : null, score.Probability,
            score.StrongestTerms, active.Origin);
}
