using System.Globalization;
using System.Text;
using EPeople.Application.Csv;

namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>A row of the national petitions CSV (<c>id,category,title,start_date,end_date,agrees</c>).</summary>
public sealed record PetitionCsvRow(string Id, string Category, string Title, DateOnly StartDate, DateOnly EndDate, int Agrees);

/// <summary>Reads the national petitions CSV format (RFC 4180 quoting), refusing a file that is not in it.</summary>
public static class PetitionCsv
{
    private static readonly string[] Header = ["id", "category", "title", "start_date", "end_date", "agrees"];

    public static List<PetitionCsvRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    public static List<PetitionCsvRow> Read(TextReader reader, string name)
    {
        var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext() || !records.Current.Select(h => h.Trim().TrimStart('\uFEFF')).SequenceEqual(Header))
        {
            throw new InvalidDataException($"{name}: the first line must be the header {string.Join(',', Header)}.");
        }

        var rows = new List<PetitionCsvRow>();
        var line = 1;
        while (records.MoveNext())
        {
            line++;
            var f = records.Current;
            if (f.Count == 1 && f[0].Length == 0)
            {
                continue;
            }

            if (f.Count != Header.Length
                || !DateOnly.TryParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !DateOnly.TryParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || !int.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var agrees)
                || f[1].Length == 0)
            {
                throw new InvalidDataException($"{name}: record {line} is not id,category,title,start_date (yyyy-mm-dd),end_date,agrees.");
            }

            rows.Add(new PetitionCsvRow(f[0], f[1], f[2], start, end, agrees));
        }

        return rows;
    }

    /// <summary>Writes rows in the same format, quoting fields that need it.</summary>
    public static void Write(IEnumerable<PetitionCsvRow> rows, TextWriter writer)
    {
        static string Field(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

        writer.Write(string.Join(',', Header));
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', Field(row.Id), Field(row.Category), Field(row.Title),
                row.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.Agrees.ToString(CultureInfo.InvariantCulture)));
            writer.Write('\n');
        }
    }
}
