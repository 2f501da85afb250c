using System.Text;
using EPeople.Application.Csv;

namespace EPeople.Infrastructure.Seeding;

/// <summary>The seed files' records by column name (RFC 4180, read by <see cref="CsvRecords"/>); a record of the wrong width is refused.</summary>
internal static class CsvReader
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        var header = records.MoveNext() ? records.Current.Select(h => h.TrimStart('\uFEFF')).ToList() : [];
        var recordNumber = 1;
        while (records.MoveNext())
        {
            recordNumber++;
            var fields = records.Current;
            if (fields is [""])
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new FormatException($"{path}: record {recordNumber}: expected {header.Count} fields, found {fields.Count}.");
            }

            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }
    }
}
