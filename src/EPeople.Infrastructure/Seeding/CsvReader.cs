using System.Text;

namespace EPeople.Infrastructure.Seeding;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes) for the seed files; fields may not span lines.</summary>
internal static class CsvReader
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine() is { } first ? Split(first.TrimStart('\uFEFF')) : [];
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Count != header.Count)
            {
                throw new FormatException($"{path}:{lineNumber}: expected {header.Count} fields, found {fields.Count}.");
            }

            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }
    }

    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
