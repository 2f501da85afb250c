using System.Globalization;
using System.Text;

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
        var records = Records(reader).GetEnumerator();
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

    private static IEnumerable<List<string>> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                any = false;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
