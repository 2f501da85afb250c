using EPeople.Application.Petitions.Routing;
using Microsoft.Extensions.Localization;

namespace EPeople.Web.Components.Petitions;

/// <summary>The router's reason in the reader's language, from its parts (<see cref="RoutingReason"/>); its English sentence when the parts are unknown.</summary>
public static class RoutingReasonText
{
    public static string Format(IStringLocalizer localizer, string? kind, string? detail, IReadOnlyList<string>? terms, string? fallback)
    {
        if (!Enum.TryParse<RoutingReasonKind>(kind, out var parsed))
        {
            return fallback ?? "";
        }

        var text = parsed switch
        {
            RoutingReasonKind.Kind => localizer["RoutingReason_Kind", localizer[$"PetitionKind_{detail}"]].Value,
            RoutingReasonKind.Learned when detail is not null => localizer["RoutingReason_LearnedCategory", detail].Value,
            _ => localizer[$"RoutingReason_{parsed}", detail ?? ""].Value,
        };
        return terms is { Count: > 0 } ? $"{text}; {localizer["RoutingReason_Terms", string.Join(", ", terms)]}" : text;
    }
}
