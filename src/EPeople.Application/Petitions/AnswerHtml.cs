using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace EPeople.Application.Petitions;

/// <summary>
/// An answer is rich text: officials write it in the task page's editor, and the petitioner's page and the public page
/// show it as HTML. What is stored is always sanitised here first — paragraphs, emphasis, lists, headings, quotes,
/// simple tables and http(s)/mailto links; no scripts, styles, images, frames or event handlers — so a page can render it
/// as it is. Plain text (from the HTTP API) becomes paragraphs with its line breaks kept.
/// </summary>
public static partial class AnswerHtml
{
    private static readonly string[] Tags =
        ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h3", "h4", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td"];

    public static string Clean(string input)
    {
        if (!LooksLikeHtml().IsMatch(input))
        {
            return FromPlainText(input);
        }

        // A new sanitiser per answer: answers are rare, and it keeps the configuration free of shared mutable state.
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title", "colspan", "rowspan", "scope"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow"); // a link in an answer never gets the page's authority
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer.Sanitize(input).Trim();
    }

    /// <summary>The words a reader would see, to tell an answer that sanitising emptied (only a script, say) from a real one.</summary>
    public static string VisibleText(string html) => WebUtility.HtmlDecode(AnyTag().Replace(html, " ")).Trim();

    private static string FromPlainText(string text)
    {
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Where(p => p.Length > 0)
            .Select(p => "<p>" + string.Join("<br>", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>");
        return string.Concat(paragraphs);
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
