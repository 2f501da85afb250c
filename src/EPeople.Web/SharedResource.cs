namespace EPeople.Web;

/// <summary>The marker type of the UI's text resources (Resources/SharedResource.resx in English, .ko.resx in Korean).</summary>
public sealed class SharedResource;
