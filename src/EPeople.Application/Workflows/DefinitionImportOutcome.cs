namespace EPeople.Application.Workflows;

/// <summary>What importing a definition document did.</summary>
public enum DefinitionImportAction
{
    /// <summary>This content is already stored (same hash): nothing changed.</summary>
    Unchanged,

    /// <summary>Published as the next version.</summary>
    Published,

    /// <summary>Kept as a draft, because a later version was published from the designer.</summary>
    Drafted,
}

/// <summary>The result of an import: what happened and to which version.</summary>
/// <param name="DefinitionId">The definition key.</param>
/// <param name="Action">Unchanged, published or drafted.</param>
/// <param name="Version">The version (0 for a draft).</param>
/// <param name="Hash">The content hash.</param>
public sealed record DefinitionImportOutcome(string DefinitionId, DefinitionImportAction Action, int Version, string Hash);
