using EPeople.Application.Csv;
using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.Petitions.Routing;

/// <summary>
/// The board categories a category model predicts, mapped to lead institutions (samples/petition-categories.csv:
/// <c>category,institution_code,institution_ko,reason</c>).
/// </summary>
public sealed class CategoryInstitutionMap
{
    private readonly Dictionary<string, string> institutions;

    private CategoryInstitutionMap(Dictionary<string, string> institutions) => this.institutions = institutions;

    public static CategoryInstitutionMap Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public int Count => institutions.Count;

    /// <summary>The institution a category goes to, or null for a category the mapping does not name.</summary>
    public string? InstitutionOf(string category) => institutions.GetValueOrDefault(category);

    /// <exception cref="RouterModelException">The file is missing or not in the mapping format.</exception>
    public static CategoryInstitutionMap Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RouterModelException($"No category mapping at {path}.");
        }

        using var reader = new StreamReader(path);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var record in CsvRecords.Read(reader))
        {
            line++;
            if (line == 1)
            {
                if (record.Count < 2 || record[0].TrimStart('\uFEFF') != "category" || record[1] != "institution_code")
                {
                    throw new RouterModelException($"{path}: the first line must be the header category,institution_code,institution_ko,reason.");
                }

                continue;
            }

            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Count < 2 || record[0].Length == 0 || record[1].Length != 7 || !record[1].All(char.IsAsciiDigit) || !map.TryAdd(record[0], record[1]))
            {
                throw new RouterModelException($"{path}: record {line} must name a category once and a 7-digit institution code.");
            }
        }

        return new CategoryInstitutionMap(map);
    }
}
