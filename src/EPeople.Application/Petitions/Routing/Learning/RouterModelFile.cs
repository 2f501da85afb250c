using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// The router model file: gzip over a fixed signature, a format version, the provenance and shape as JSON, then the
/// terms, their idf, each term's weights as bytes on the term's own scale (a model ships in the repository and is
/// loaded at start) and the biases. gzip's
/// checksum catches a damaged file; anything that does not read back whole is refused with the reason.
/// </summary>
public static class RouterModelFile
{
    private const int FormatVersion = 1;

    /// <summary>Far above any real vocabulary: a damaged count must not make the reader allocate gigabytes.</summary>
    private const int MaxTerms = 20_000_000;
    private static readonly byte[] Signature = "EPEOPLE-ROUTER\n"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Save(RouterModel model, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Written beside and moved into place, so a reader never sees half a model.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temporary))
            {
                Save(model, file);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void Save(RouterModel model, Stream stream)
    {
        var classifier = model.Classifier;
        using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Signature);
        writer.Write(FormatVersion);
        writer.Write(JsonSerializer.Serialize(new Header(model.Info, classifier.Labels.ToArray(), classifier.Shape, classifier.Temperature), Json));
        writer.Write(classifier.TermCount);
        foreach (var term in classifier.TermTexts)
        {
            writer.Write(term);
        }

        foreach (var value in classifier.Idf)
        {
            writer.Write(value);
        }

        // Each term's weights as bytes on the term's own scale (its largest weight is ±127): a quarter of the floats'
        // size, and a rounding error under 0.4 % of the term's strongest weight, which moves no routing decision.
        var labelCount = classifier.Labels.Count;
        var weights = classifier.Weights;
        var row = new sbyte[labelCount];
        for (var t = 0; t < classifier.TermCount; t++)
        {
            var span = weights.Slice(t * labelCount, labelCount);
            var largest = 0f;
            foreach (var w in span)
            {
                largest = Math.Max(largest, Math.Abs(w));
            }

            var scale = largest / 127f;
            writer.Write(scale);
            for (var l = 0; l < labelCount; l++)
            {
                row[l] = scale > 0 ? (sbyte)Math.Round(span[l] / scale) : (sbyte)0;
            }

            writer.Write(MemoryMarshal.AsBytes(row.AsSpan()));
        }

        foreach (var value in classifier.Bias)
        {
            writer.Write(value);
        }
    }

    /// <summary>Reads a model file, or says plainly why it cannot.</summary>
    /// <exception cref="RouterModelException">The file is missing, not a router model, of another format version, or damaged.</exception>
    public static RouterModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RouterModelException($"No router model at {path}.");
        }

        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    public static RouterModel Load(Stream stream, string name)
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8);
            if (!reader.ReadBytes(Signature.Length).AsSpan().SequenceEqual(Signature))
            {
                throw new RouterModelException($"{name} is not a router model file.");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new RouterModelException($"{name} is a router model of format {version}; this version of EPeople reads format {FormatVersion}: retrain it.");
            }

            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), Json)
                         ?? throw new RouterModelException($"{name} has no model header.");
            var termCount = reader.ReadInt32();
            if (termCount is < 0 or > MaxTerms || header.Labels.Length < 2 || header.Temperature <= 0)
            {
                throw new RouterModelException($"{name} has an impossible shape ({termCount} terms, {header.Labels.Length} labels).");
            }

            var terms = new Dictionary<string, int>(termCount, StringComparer.Ordinal);
            for (var i = 0; i < termCount; i++)
            {
                terms.Add(reader.ReadString(), i);
            }

            var idf = ReadFloats(reader, termCount);
            var labelCount = header.Labels.Length;
            var weights = new float[(long)termCount * labelCount];
            for (var t = 0; t < termCount; t++)
            {
                var scale = reader.ReadSingle();
                var row = reader.ReadBytes(labelCount);
                if (row.Length < labelCount)
                {
                    throw new EndOfStreamException("the weights end early");
                }

                for (var l = 0; l < labelCount; l++)
                {
                    weights[(t * labelCount) + l] = (sbyte)row[l] * scale;
                }
            }

            var bias = ReadFloats(reader, header.Labels.Length);
            if (gzip.ReadByte() != -1)
            {
                throw new RouterModelException($"{name} has data after the model: it is not one this version wrote.");
            }

            return new RouterModel(new PetitionClassifier(header.Labels, terms, idf, weights, bias, header.Temperature, header.Shape), header.Info);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or JsonException or ArgumentException or IOException or NotSupportedException
                                       or FormatException or OverflowException)
        {
            throw new RouterModelException($"{name} is damaged and cannot be read ({ex.Message}).", ex);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private sealed record Header(RouterModelInfo Info, string[] Labels, TermShape Shape, double Temperature);
}
