using System.Globalization;

namespace EPeople.Application.Petitions.Routing;

/// <summary>Which rule, or the model, proposed an institution.</summary>
public enum RoutingReasonKind
{
    Chosen,
    Consultation,
    Keyword,
    Municipality,
    Province,
    Kind,
    Learned,
}

/// <summary>
/// Why the router proposed an institution, kept in parts so each screen words it in its own language; its English
/// sentence (<see cref="ToString"/>) is what the API and the logs carry.
/// </summary>
/// <param name="Detail">The keyword, the region code, the kind, or a category model's category.</param>
/// <param name="Terms">The model's strongest terms for this institution.</param>
/// <param name="Model">Which model (its file or version) proposed it.</param>
public sealed record RoutingReason(RoutingReasonKind Kind, string? Detail = null, double? Probability = null, IReadOnlyList<string>? Terms = null, string? Model = null)
{
    /// <summary>The longest sentence stored; a long list of terms is cut.</summary>
    public const int MaxLength = 300;

    public override string ToString()
    {
        var text = Kind switch
        {
            RoutingReasonKind.Chosen => "chosen by the petitioner",
            RoutingReasonKind.Consultation => "the consultation's institution",
            RoutingReasonKind.Keyword => $"keyword rule \"{Detail}\"",
            RoutingReasonKind.Municipality => $"local government of region {Detail}",
            RoutingReasonKind.Province => $"provincial government of region {Detail}",
            RoutingReasonKind.Kind => $"institution receiving every {Detail}",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"learned ({Model}): {(Detail is null ? "" : $"category {Detail}, ")}{Probability:P0}{(Terms is { Count: > 0 } ? $"; strongest terms: {string.Join(", ", Terms)}" : "")}"),
        };
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
