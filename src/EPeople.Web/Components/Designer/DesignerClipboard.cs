namespace EPeople.Web.Components.Designer;

/// <summary>
/// The designer's clipboard, one per circuit (scoped): nodes copied in one definition can be pasted into another
/// opened in the same browser tab. It holds a definition fragment as JSON, never anything of a petition.
/// </summary>
public sealed class DesignerClipboard
{
    /// <summary>The copied fragment, or null when nothing was copied.</summary>
    public string? Content { get; set; }
}
