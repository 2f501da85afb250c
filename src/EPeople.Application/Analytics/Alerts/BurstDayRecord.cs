using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EPeople.Application.Analytics.Bursts;

namespace EPeople.Application.Analytics.Alerts;

/// <summary>
/// One Korean day as the burst detector saw it: the day's petitions counted per key and, after the day, the detector's
/// state (<see cref="BurstDetectorState"/>). Written by <see cref="BurstAlertsStep"/> for each complete day it adds, in
/// the same commit as its watermark, so the next run restores the detector from these rows and reads only the petitions
/// filed since. Rows of another <see cref="Fingerprint"/> (options or keys changed) are ignored and replaced.
/// </summary>
public sealed class BurstDayRecord
{
    public DateOnly Day { get; set; }

    /// <summary>The detector's options and key version, hashed (<see cref="FingerprintOf"/>).</summary>
    public string Fingerprint { get; set; } = "";

    public int Total { get; set; }

    /// <summary>
    /// The key counts: each key (UTF-8, length-prefixed) and its count (7-bit encoded), compressed. Every hourly run reads
    /// 84 of these; measured against compressed JSON, a fifth smaller and a restoring run 10–25 % quicker.
    /// </summary>
    public byte[] Counts { get; set; } = [];

    /// <summary>The detector's state after the day, compressed JSON.</summary>
    public byte[] State { get; set; } = [];

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>
    /// Raised whenever what the detector counts as a key changes (the tokenizer, the stemming, the pairs): saved counts of
    /// another version are not comparable and are rebuilt from the petitions.
    /// </summary>
    internal const int KeyVersion = 1;

    // A score can be infinite (a tail probability below the smallest double), which plain JSON cannot hold.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string FingerprintOf(BurstOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{KeyVersion}:{JsonSerializer.Serialize(options, Json)}")))[..16];

    public static BurstDayRecord Of(BurstDayCounts counts, BurstDetectorState state, string fingerprint, DateTimeOffset now) => new()
    {
        Day = counts.Day, Fingerprint = fingerprint, Total = counts.Total,
        Counts = PackCounts(counts.Counts), State = Pack(state), SavedAt = now,
    };

    public BurstDayCounts ReadCounts() => ReadCounts(Day, Total, Counts);

    /// <summary>The same from the columns alone (a restoring run reads no state but the latest day's).</summary>
    public static BurstDayCounts ReadCounts(DateOnly day, int total, byte[] counts) => new(day, total, UnpackCounts(counts));

    private static byte[] PackCounts(IReadOnlyDictionary<string, int> counts)
    {
        using var buffer = new MemoryStream();
        // Buffered: the writer's many small writes would each go through the compressor.
        using (var writer = new BinaryWriter(new BufferedStream(new GZipStream(buffer, CompressionLevel.Fastest), 1 << 16), Encoding.UTF8))
        {
            writer.Write7BitEncodedInt(counts.Count);
            foreach (var (key, count) in counts)
            {
                writer.Write(key);
                writer.Write7BitEncodedInt(count);
            }
        }

        return buffer.ToArray();
    }

    private static Dictionary<string, int> UnpackCounts(byte[] bytes)
    {
        using var reader = new BinaryReader(new BufferedStream(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), 1 << 16), Encoding.UTF8);
        var n = reader.Read7BitEncodedInt();
        var counts = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            counts[reader.ReadString()] = reader.Read7BitEncodedInt();
        }

        return counts;
    }

    public BurstDetectorState ReadState() => Unpack<BurstDetectorState>(State);

    private static byte[] Pack<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(zip, value, Json);
        }

        return buffer.ToArray();
    }

    private static T Unpack<T>(byte[] bytes)
    {
        using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(zip, Json) ?? throw new InvalidDataException("An empty burst-detector row.");
    }
}
