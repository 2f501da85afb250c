namespace EPeople.Web.Infrastructure;

/// <summary>The client address of a Blazor circuit, captured when it opens (the audit trail records where a change came from).</summary>
public sealed class CircuitClientAddress
{
    public string? Value { get; set; }
}
