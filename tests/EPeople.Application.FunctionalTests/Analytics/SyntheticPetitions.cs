using System.Globalization;
using EPeople.Application.Analytics.Bursts;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>
/// Petitions whose every term keeps exactly the same share of each day's volume (a flat series), with bursts of one
/// subject laid on top. Deterministic: the same arguments give the same petitions.
/// </summary>
internal static class SyntheticPetitions
{
    public static readonly DateOnly Start = new(2019, 1, 1);

    /// <summary>Forty background titles, each of three subject words, repeated <paramref name="copies"/> times a day.</summary>
    public static IEnumerable<BurstPetition> Flat(int days, Func<int, int> copies, int firstDay = 0)
    {
        for (var day = firstDay; day < firstDay + days; day++)
        {
            for (var copy = 0; copy < copies(day); copy++)
            {
                for (var t = 0; t < 40; t++)
                {
                    yield return new BurstPetition($"f{day:D3}-{copy:D3}-{t:D2}", Start.AddDays(day),
                        $"항목{t} 항목{(t * 7 + 3) % 40} 분야{t % 9}에 대한 건의", Category: $"분류{t % 5}");
                }
            }
        }
    }

    /// <summary><paramref name="count"/> petitions on <paramref name="day"/> about a sinkhole, worded variously.</summary>
    public static IEnumerable<BurstPetition> Burst(int day, int count, string subject = "싱크홀")
    {
        string[] tails = ["사고 대책", "사고를 조사해주세요", "피해자 지원", "원인 규명", "책임자를 처벌하라"];
        for (var i = 0; i < count; i++)
        {
            yield return new BurstPetition(string.Create(CultureInfo.InvariantCulture, $"b{day:D3}-{i:D3}"), Start.AddDays(day),
                $"{(i % 2 == 0 ? subject + "의" : subject)} {tails[i % tails.Length]}", Category: "안전/환경", Institution: "서울특별시", Support: i);
        }
    }

    /// <summary>A title of two made-up words no other index gives: a petition about nothing any other one is about.</summary>
    public static string UniqueWords(int index)
    {
        static char Syllable(int n) => (char)('가' + (n % 11172));
        return string.Concat(Syllable(index * 37 + 1), Syllable(index * 53 + 2), Syllable(index * 71 + 3)) + " "
            + string.Concat(Syllable(index * 89 + 4), Syllable(index * 97 + 5), Syllable(index * 101 + 6));
    }
}
