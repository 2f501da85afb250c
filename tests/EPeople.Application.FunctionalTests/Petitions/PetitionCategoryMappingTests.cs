namespace EPeople.Application.FunctionalTests.Petitions;

/// <summary>
/// The shipped mapping from the national petition board's 17 categories to lead institutions (samples/petition-categories.csv,
/// the routing label of the 2019 dataset): every category once, every institution in the shipped directory, a reason each.
/// </summary>
public sealed class PetitionCategoryMappingTests
{
    private static readonly string[] BoardCategories =
    [
        "정치개혁", "기타", "안전/환경", "인권/성평등", "교통/건축/국토", "보건복지", "외교/통일/국방", "일자리", "미래",
        "행정", "육아/교육", "문화/예술/체육/언론", "경제민주화", "성장동력", "반려동물", "저출산/고령화대책", "농산어촌",
    ];

    private static string Samples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EPeople.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "samples");
    }

    [Test]
    public void ShouldMapEveryBoardCategoryOnceToAnInstitutionOfTheDirectoryWithAReason()
    {
        var rows = File.ReadAllLines(Path.Combine(Samples(), "petition-categories.csv")).Skip(1)
            .Select(line => line.Split(',', 4)).ToList();
        var institutions = File.ReadAllLines(Path.Combine(Samples(), "institutions.csv")).Skip(1)
            .Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);

        rows.Select(r => r[0]).Order(StringComparer.Ordinal).ShouldBe(BoardCategories.Order(StringComparer.Ordinal));
        rows.ShouldAllBe(r => institutions.Contains(r[1]) && r[3].Trim('"').Length > 10);
        rows.Where(r => r[0] is "정치개혁" or "기타").ShouldAllBe(r => r[1] == "1140100"); // the triage desk
        rows.Count(r => r[1] == "1140100").ShouldBe(3);
    }
}
