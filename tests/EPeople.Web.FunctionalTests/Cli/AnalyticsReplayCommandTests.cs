using System.Globalization;
using System.Text.Json;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Web.Infrastructure;

namespace EPeople.Web.FunctionalTests.Cli;

/// <summary>
/// <c>analytics replay</c> on a small petitions file with one burst: a JSON array of alerts with the required fields,
/// the same bytes on a second run, the naive baseline on request, and bad input refused.
/// </summary>
public sealed class AnalyticsReplayCommandTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("epeople-analytics-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = AnalyticsReplayCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Sixty days of the same thirty titles, and twelve petitions about a sinkhole on 2019-02-15.</summary>
    private string Petitions()
    {
        var rows = new List<PetitionCsvRow>();
        var start = new DateOnly(2019, 1, 1);
        for (var day = 0; day < 60; day++)
        {
            for (var i = 0; i < 30 * 4; i++)
            {
                rows.Add(Row(rows.Count, start.AddDays(day), $"주제{i % 30} 항목{(i * 7) % 30} 개선 요청"));
            }
        }

        for (var i = 0; i < 12; i++)
        {
            rows.Add(Row(rows.Count, new DateOnly(2019, 2, 15), i % 2 == 0 ? "싱크홀의 원인을 밝혀주세요" : "싱크홀 사고 대책"));
        }

        var path = Path.Combine(_folder, "petitions.csv");
        using var writer = new StreamWriter(path);
        PetitionCsv.Write(rows, writer);
        return path;

        static PetitionCsvRow Row(int n, DateOnly day, string title) =>
            new(n.ToString(CultureInfo.InvariantCulture), "안전/환경", title, day, day.AddDays(30), n);
    }

    [Test]
    public void ShouldWriteTheAlertsAsAJsonArrayWithTheRequiredFields()
    {
        var input = Petitions();
        var target = Path.Combine(_folder, "alerts.json");

        var (exit, output, error) = Run("analytics", "replay", "--input", input, "--out", target);

        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        var alert = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        alert.GetProperty("raisedOn").GetString().ShouldBe("2019-02-15");
        alert.GetProperty("terms")[0].GetString().ShouldBe("싱크홀");
        alert.GetProperty("count").GetInt32().ShouldBe(12);
        alert.GetProperty("expected").GetDouble().ShouldBeLessThan(1.0);
        alert.GetProperty("examples").GetArrayLength().ShouldBe(5);
        alert.GetProperty("categories")[0].GetProperty("name").GetString().ShouldBe("안전/환경");
        output.ShouldContain("1 alerts");
        output.ShouldContain("KOGL Type 1");
        error.ShouldContain("petitions read");
    }

    [Test]
    public void ShouldWriteTheSameBytesOnEveryRun()
    {
        var input = Petitions();
        var first = Path.Combine(_folder, "first.json");
        var second = Path.Combine(_folder, "second.json");

        Run("analytics", "replay", "--input", input, "--out", first).Exit.ShouldBe(0);
        Run("analytics", "replay", "--input", input, "--out", second).Exit.ShouldBe(0);

        File.ReadAllBytes(second).ShouldBe(File.ReadAllBytes(first));
    }

    [Test]
    public void ShouldKeepToTheDatesGivenAndRunTheNaiveBaselineOnRequest()
    {
        var input = Petitions();
        var target = Path.Combine(_folder, "alerts.json");

        Run("analytics", "replay", "--input", input, "--out", target, "--to", "2019-02-14").Exit.ShouldBe(0);
        File.ReadAllText(target).Trim().ShouldBe("[]");

        Run("analytics", "replay", "--input", input, "--out", target, "--naive").Exit.ShouldBe(0);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        json.RootElement.EnumerateArray().Select(a => a.GetProperty("raisedOn").GetString()).ShouldContain("2019-02-15");
    }

    [Test]
    public void ShouldRefuseMissingOptionsAndBadDates()
    {
        Run("analytics", "replay", "--input", "x.csv").Exit.ShouldBe(2);
        var (exit, _, error) = Run("analytics", "replay", "--input", Petitions(), "--out", Path.Combine(_folder, "a.json"), "--from", "15/02/2019");
        exit.ShouldBe(1);
        error.ShouldContain("yyyy-mm-dd");
    }
}
