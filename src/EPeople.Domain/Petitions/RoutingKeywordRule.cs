using EPeople.Domain.Auditing;

namespace EPeople.Domain.Petitions;

/// <summary>
/// An administrator's routing rule: a petition whose title or text contains the keyword goes to the institution
/// (optionally only for one kind). Rules are decisions people made and checked, so they come before the learned
/// model; the longest matching keyword wins, being the most specific.
/// </summary>
public sealed class RoutingKeywordRule : IAudited
{
    private RoutingKeywordRule()
    {
    }

    public RoutingKeywordRule(string keyword, string institutionCode, PetitionKind? kind, string? note)
    {
        Keyword = keyword.Trim();
        InstitutionCode = institutionCode;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Keyword { get; private set; } = "";
    public string InstitutionCode { get; private set; } = "";

    /// <summary>Only petitions of this kind (null: any kind).</summary>
    public PetitionKind? Kind { get; private set; }

    /// <summary>Why the rule exists, for the next administrator.</summary>
    public string? Note { get; private set; }

    public void Change(string keyword, string institutionCode, PetitionKind? kind, string? note)
    {
        Keyword = keyword.Trim();
        InstitutionCode = institutionCode;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
