namespace EPeople.Application.Errors;

/// <summary>
/// What went wrong, as the HTTP API (RFC 9457 problem details) and the Blazor UI (messages beside fields)
/// both show it. <see cref="Errors"/> is empty unless the input was invalid.
/// </summary>
public sealed record ErrorReport(
    int Status,
    string Type,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Rule = null)
{
    public bool IsUnexpected => Status >= 500;
}
