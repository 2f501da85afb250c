namespace EPeople.Web;

/// <summary>
/// The marker type of the Korean of the application core's error messages (Resources/ErrorMessages.ko.resx).
/// An entry's name is the English message itself; see <see cref="Infrastructure.ErrorMessageLocalizer"/>.
/// </summary>
public sealed class ErrorMessages;
