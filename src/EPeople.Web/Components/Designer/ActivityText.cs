using EPeople.Workflows.Activities;
using Microsoft.Extensions.Localization;

namespace EPeople.Web.Components.Designer;

/// <summary>
/// An activity's name and category in the reader's language: a resource entry when there is one
/// (<c>Designer_Activity_{type}</c>, <c>Designer_Category_{category}</c>), else the descriptor's own text, so that a new
/// activity type shows up, in English, without any designer change.
/// </summary>
public static class ActivityText
{
    /// <summary>The activity type's display name.</summary>
    public static string Name(IStringLocalizer localizer, ActivityDescriptor descriptor) =>
        Text(localizer, $"Designer_Activity_{descriptor.Type}", descriptor.DisplayName);

    /// <summary>The palette group's name.</summary>
    public static string Category(IStringLocalizer localizer, string category) =>
        Text(localizer, $"Designer_Category_{category}", category);

    private static string Text(IStringLocalizer localizer, string key, string fallback) =>
        localizer[key] is { ResourceNotFound: false } text ? text.Value : fallback;
}
