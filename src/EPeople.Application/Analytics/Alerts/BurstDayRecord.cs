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

    /// <summary>The key counts, compressed JSON (a day of 3,000 petitions is some hundreds of kilobytes as text).</summary>
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
        Counts = Pack(counts.Counts), State = Pack(state), SavedAt = now,
    };

    public BurstDayCounts ReadCounts() => new(Day, Total, Unpack<Dictionary<string, int>>(Counts));

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
