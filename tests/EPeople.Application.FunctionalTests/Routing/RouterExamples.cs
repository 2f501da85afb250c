using EPeople.Application.Petitions.Routing.Learning;

namespace EPeople.Application.FunctionalTests.Routing;

/// <summary>
/// Small, clearly separable petitions for three institutions of the test directory, and models trained on them:
/// enough for a router to be sure of 요양원 (welfare), 버스 (transport) and 주민센터 (administration).
/// </summary>
internal static class RouterExamples
{
    public const string Welfare = "1352000";
    public const string Transport = "1613000";
    public const string Interior = "1741000";

    private static readonly Dictionary<string, string[]> Topics = new()
    {
        [Welfare] = ["요양원", "노인", "연금", "병원비", "장애인", "복지관", "간병"],
        [Transport] = ["버스", "지하철", "도로", "신호등", "택시", "철도", "고속도로"],
        [Interior] = ["주민센터", "공무원", "주민등록", "민원실", "선거", "행정", "지방자치"],
    };

    private static readonly string[] Frames = ["{0} 문제를 해결해 주세요", "{0} {1} 개선 요청", "{1}에 관한 {0} 건의", "{0}와 {1} 불편 신고", "{0} 관련 청원입니다"];

    /// <summary>Every topic word with every other in every frame, dated a day apart in order.</summary>
    public static List<LabelledPetition> Labelled()
    {
        var examples = new List<LabelledPetition>();
        var day = new DateOnly(2026, 1, 1);
        foreach (var (institution, words) in Topics)
        {
            foreach (var first in words)
            {
                foreach (var frame in Frames)
                {
                    var second = words[(Array.IndexOf(words, first) + 1) % words.Length];
                    examples.Add(new LabelledPetition(string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, first, second), institution, day));
                    day = day.AddDays(1);
                }
            }
        }

        return examples;
    }

    public static RouterModel InstitutionModel() =>
        new(PetitionClassifierTrainer.Train(Labelled(), new ClassifierTrainingOptions()),
            new RouterModelInfo(RouterLabelKind.Institution, ReadsBody: true, DateTimeOffset.UnixEpoch, Labelled().Count, new DateOnly(2026, 1, 1), "test examples", null));
}
