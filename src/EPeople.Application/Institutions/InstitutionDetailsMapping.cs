using EPeople.Domain.Institutions;

namespace EPeople.Application.Institutions;

/// <summary>Turns validated request details into domain values.</summary>
internal static class InstitutionDetailsMapping
{
    public static InstitutionNames Names(this IInstitutionDetails d) => new(d.NameKo!, d.NameEn!);

    public static InstitutionKind ParsedKind(this IInstitutionDetails d) => Enum.Parse<InstitutionKind>(d.Kind!);

    public static string? Region(this IInstitutionDetails d) => string.IsNullOrEmpty(d.RegionCode) ? null : d.RegionCode;

    public static InstitutionContact ToContact(this IInstitutionDetails d) => d.Contact is null
        ? InstitutionContact.None
        : new InstitutionContact(Blank(d.Contact.Phone), Blank(d.Contact.Email), Blank(d.Contact.Website), Blank(d.Contact.Address));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
