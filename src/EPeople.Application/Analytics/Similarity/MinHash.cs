using System.Buffers.Binary;

namespace EPeople.Application.Analytics.Similarity;

/// <summary>
/// MinHash signatures with LSH banding. A signature keeps, for each of <see cref="HashCount"/> seeded hash functions, the
/// smallest hash of the text's shingles; the share of equal positions estimates the Jaccard similarity of the shingle
/// sets (standard error ≈ √(J(1−J)/60) ≈ 0.06 at J = 0.5). The signature is cut into <see cref="Bands"/> bands of
/// <see cref="RowsPerBand"/> rows; each band becomes one indexed key, and two texts are candidates when any key is equal:
/// probability 1 − (1 − J³)²⁰, i.e. 0.93 at J = 0.5, 0.999 at J = 0.7 and 0.42 at J = 0.3 (weeded out by the estimate).
/// Seeds are fixed, so stored signatures stay comparable across processes, nodes and releases.
/// </summary>
public static class MinHash
{
    public const int Bands = 20;
    public const int RowsPerBand = 3;
    public const int HashCount = Bands * RowsPerBand;

    /// <summary>Bytes of a stored signature (60 × 4).</summary>
    public const int SignatureBytes = HashCount * sizeof(uint);

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>The signature of a text, as stored (little-endian 32-bit minima). An empty text has an all-ones signature.</summary>
    public static byte[] Signature(string? text)
    {
        var minima = new uint[HashCount];
        Array.Fill(minima, uint.MaxValue);
        foreach (var shingle in TextShingles.Of(text))
        {
            for (var i = 0; i < HashCount; i++)
            {
                var value = (uint)(Mix(shingle ^ Seeds[i]) >> 32);
                if (value < minima[i])
                {
                    minima[i] = value;
                }
            }
        }

        var bytes = new byte[SignatureBytes];
        for (var i = 0; i < HashCount; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), minima[i]);
        }

        return bytes;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the two signatures agree.</summary>
    public static double Estimate(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != SignatureBytes || b.Length != SignatureBytes)
        {
            return 0;
        }

        var equal = 0;
        var empty = true;
        for (var i = 0; i < HashCount; i++)
        {
            var x = BinaryPrimitives.ReadUInt32LittleEndian(a[(i * sizeof(uint))..]);
            var y = BinaryPrimitives.ReadUInt32LittleEndian(b[(i * sizeof(uint))..]);
            empty &= x == uint.MaxValue;
            if (x == y)
            {
                equal++;
            }
        }

        return empty ? 0 : (double)equal / HashCount;
    }

    /// <summary>
    /// One key per band, with the field (<paramref name="field"/>: title or content) and the band number mixed in, so a
    /// single indexed column answers "which petitions share a band with this one" in one IN (…) of 20 values.
    /// </summary>
    public static long[] BandKeys(ReadOnlySpan<byte> signature, SimilarityField field)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var hash = Mix(((ulong)(uint)field << 8) | (uint)band);
            for (var row = 0; row < RowsPerBand; row++)
            {
                var offset = ((band * RowsPerBand) + row) * sizeof(uint);
                hash = Mix(hash ^ BinaryPrimitives.ReadUInt32LittleEndian(signature[offset..]));
            }

            keys[band] = unchecked((long)hash);
        }

        return keys;
    }

    /// <summary>SplitMix64's finaliser: a fast, well-spread 64-bit mix.</summary>
    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[HashCount];
        var state = 0x45506565706C6521UL; // "EPeeple!": any fixed value; changing it invalidates every stored signature
        for (var i = 0; i < HashCount; i++)
        {
            state = Mix(state);
            seeds[i] = state;
        }

        return seeds;
    }
}
