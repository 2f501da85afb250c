using EPeople.Domain.Petitions;

namespace EPeople.Application.Petitions;

/// <summary>
/// The <c>Petitions</c> section: statutory periods per kind (ISO-like durations on the business calendar: P7WD = 7
/// working days, PT3WH = 3 working hours, P1M = one calendar month, P30D = 30 days) and routing defaults. The defaults
/// follow DOMAIN.md A2; the README marks which ones an operator must confirm.
/// </summary>
public sealed class PetitionOptions
{
    public const string Section = "Petitions";

    /// <summary>Key: the kind, or "CivilPetition.Subtype"; value: the period.</summary>
    public Dictionary<string, string> Periods { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CivilPetition.Grievance"] = "P7WD",
        ["CivilPetition.Question"] = "P7WD",
        ["CivilPetition.LegalQuestion"] = "P14WD",
        ["CivilPetition.Proposal"] = "P14WD",
        ["CivilPetition.Other"] = "PT3WH",
        [nameof(PetitionKind.NationalProposal)] = "P1M",
        [nameof(PetitionKind.PolicyEngagement)] = "P14D",
        [nameof(PetitionKind.WasteReport)] = "P30D",
        [nameof(PetitionKind.PublicInterestReport)] = "P60D",
    };

    /// <summary>The institution a kind goes to when the citizen named none and no region decides (absent: the triage desk).</summary>
    public Dictionary<string, string> KindInstitutions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(PetitionKind.WasteReport)] = "1051000",          // 기획재정부 receives budget-waste reports
        [nameof(PetitionKind.PublicInterestReport)] = "1140100", // 국민권익위원회 receives public-interest reports
        [nameof(PetitionKind.NationalProposal)] = "1741000",     // 행정안전부 runs 국민제안
    };

    /// <summary>Below this confidence a petition goes to the triage desk instead of being relayed automatically.</summary>
    public double AutoRouteConfidence { get; set; } = 0.8;

    /// <summary>
    /// A kind's own threshold, where it differs from <see cref="AutoRouteConfidence"/>: the router's confidence is
    /// calibrated (0.8 means right about four times in five), so a threshold is the precision an operator accepts for
    /// that kind against the triage desk's workload.
    /// </summary>
    public Dictionary<string, double> AutoRouteConfidenceByKind { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public double AutoRouteThreshold(PetitionKind kind) =>
        AutoRouteConfidenceByKind.TryGetValue(kind.ToString(), out var threshold) ? threshold : AutoRouteConfidence;

    public string PeriodOf(PetitionKind kind, PetitionSubtype? subtype) =>
        (subtype is { } s && Periods.TryGetValue($"{kind}.{s}", out var bySubtype) ? bySubtype : null)
        ?? (Periods.TryGetValue(kind.ToString(), out var byKind) ? byKind : "P14D");
}
