using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPeople.Application.Petitions.Routing.Learning;

/// <summary>
/// The router model file: gzip over a fixed signature, a format version, the provenance and shape as JSON, then the
/// terms, their idf, the weights as half-precision floats (a model ships in the repository and is loaded at start:
/// half the size, and the routing decisions do not change at three significant digits) and the biases. gzip's
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

        foreach (var value in classifier.Weights)
        {
            writer.Write((Half)value);
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
            var weights = new float[(long)termCount * header.Labels.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)reader.ReadHalf();
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
