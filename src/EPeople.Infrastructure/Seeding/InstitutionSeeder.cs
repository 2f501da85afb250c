using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Seeding;

/// <summary>
/// Loads samples/institutions.csv into an empty directory, parents before children, in one transaction.
/// Each institution starts with the petition kinds its kind of body usually accepts (<see cref="DefaultServiceTypes"/>);
/// administrators change them afterwards.
/// </summary>
internal sealed class InstitutionSeeder(EPeopleDbContext db)
{
    public async Task<int> SeedAsync(string csvPath, CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var byCode = new Dictionary<string, Institution>(StringComparer.Ordinal);
        foreach (var row in CsvReader.ReadRecords(csvPath))
        {
            var code = row["code"];
            Guid? parentId = null;
            if (row["parentCode"] is { Length: > 0 } parentCode)
            {
                parentId = byCode.TryGetValue(parentCode, out var parent)
                    ? parent.Id
                    : throw new FormatException($"{csvPath}: {code} names parent {parentCode}, which is not listed before it.");
            }

            var kind = Enum.Parse<InstitutionKind>(row["kind"]);
            var isTriageDesk = bool.Parse(row["isTriageDesk"]);
            var institution = Institution.Create(
                code,
                new InstitutionNames(row["nameKo"], row["nameEn"]),
                kind,
                parentId,
                Blank(row["regionCode"]),
                new InstitutionContact(Blank(row["phone"]), null, Blank(row["website"]), null),
                isTriageDesk);
            institution.SetServiceTypes(isTriageDesk ? Enum.GetValues<PetitionKind>() : DefaultServiceTypes(kind));
            if (!byCode.TryAdd(code, institution))
            {
                throw new FormatException($"{csvPath}: institution code {code} is listed twice.");
            }
        }

        db.Institutions.AddRange(byCode.Values);
        await db.SaveChangesAsync(cancellationToken);
        return byCode.Count;
    }

    internal static PetitionKind[] DefaultServiceTypes(InstitutionKind kind) => kind switch
    {
        InstitutionKind.CentralAgency => Enum.GetValues<PetitionKind>(),
        InstitutionKind.MetropolitanGovernment or InstitutionKind.LocalGovernment =>
            [PetitionKind.CivilPetition, PetitionKind.NationalProposal, PetitionKind.PolicyEngagement, PetitionKind.WasteReport],
        InstitutionKind.EducationOffice => [PetitionKind.CivilPetition, PetitionKind.NationalProposal, PetitionKind.WasteReport],
        InstitutionKind.PublicInstitution => [PetitionKind.CivilPetition, PetitionKind.NationalProposal, PetitionKind.WasteReport],
        _ => [PetitionKind.CivilPetition],
    };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
