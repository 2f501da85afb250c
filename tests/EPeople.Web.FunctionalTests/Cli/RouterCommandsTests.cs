using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EPeople.Application.Petitions.Routing.Learning;
using EPeople.Web.Infrastructure;

namespace EPeople.Web.FunctionalTests.Cli;

/// <summary>
/// The router's command line on small petitions files in the national petitions format: evaluate prints one JSON
/// line with the four figures and writes the confusion matrix; train writes a model that loads; bad input is refused.
/// </summary>
public sealed class RouterCommandsTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("epeople-router-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = RouterCommands.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Petitions of three categories, each title naming its subject with varied words; dated a day apart.</summary>
    private string Petitions(string name, int perCategory, int firstDay)
    {
        var subjects = new Dictionary<string, string[]>
        {
            ["보건복지"] = ["요양원", "연금", "병원비", "간병", "장애인"],
            ["교통/건축/국토"] = ["버스", "지하철", "도로", "택시", "철도"],
            ["행정"] = ["주민센터", "공무원", "주민등록", "민원실", "선거"],
        };
        var rows = new List<PetitionCsvRow>();
        var day = new DateOnly(2019, 1, 1).AddDays(firstDay);
        for (var i = 0; i < perCategory; i++)
        {
            foreach (var (category, words) in subjects)
            {
                var title = $"{words[i % words.Length]} {words[(i + 2) % words.Length]} 문제 \"개선\", 부탁드립니다";
                rows.Add(new PetitionCsvRow((rows.Count + 1).ToString(CultureInfo.InvariantCulture), category, title, day, day.AddDays(30), i));
                day = day.AddDays(1);
            }
        }

        var path = Path.Combine(_folder, name);
        using var writer = new StreamWriter(path);
        PetitionCsv.Write(rows, writer);
        return path;
    }

    [Test]
    public void ShouldPrintTheFourFiguresAsOneJsonLineAndWriteTheConfusionMatrix()
    {
        var train = Petitions("train.csv", 40, 0);
        var test = Petitions("test.csv", 10, 200);
        var confusion = Path.Combine(_folder, "confusion.csv");

        var (exit, output, error) = Run("router", "evaluate", "--train", train, "--test", test, "--json", "--confusion", confusion);

        exit.ShouldBe(0, error);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().TrimEnd('\r');
        Regex.IsMatch(line, """^\{"top1":[0-9.]+,"top3":[0-9.]+,"coverageAt80":[0-9.]+,"coverageAt90":[0-9.]+\}$""").ShouldBeTrue(line);
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty("top1").GetDouble().ShouldBe(1.0); // the subjects cannot be mistaken
        json.RootElement.GetProperty("top3").GetDouble().ShouldBe(1.0);
        var matrix = File.ReadAllLines(confusion);
        matrix[0].ShouldBe("true \\ predicted,교통/건축/국토,보건복지,행정");
        matrix[1].ShouldBe("교통/건축/국토,10,0,0");
        matrix.Length.ShouldBe(4);
        error.ShouldContain("confusion matrix");
    }

    [Test]
    public void ShouldPrintReadableFiguresWithoutJson()
    {
        var (exit, output, _) = Run("router", "evaluate", "--train", Petitions("train.csv", 40, 0), "--test", Petitions("test.csv", 5, 200),
            "--confusion", Path.Combine(_folder, "c.csv"));

        exit.ShouldBe(0);
        output.ShouldContain("top-1 accuracy          1.0000");
        output.ShouldContain("automatic at 80 % prec.");
    }

    [Test]
    public void ShouldTrainAModelThatLoadsAndSaysWhatItWasTrainedOn()
    {
        var model = Path.Combine(_folder, "out", "m.router");

        var (exit, output, error) = Run("router", "train", "--input", Petitions("all.csv", 30, 0), "--out", model, "--source", "test petitions, KOGL Type 1",
            "--evaluate-after", "2019-03-01");

        exit.ShouldBe(0, error);
        output.ShouldStartWith("trained on 90 petitions");
        var loaded = RouterModelFile.Load(model);
        (loaded.Info.LabelKind, loaded.Info.ReadsBody, loaded.Info.Source).ShouldBe((RouterLabelKind.Category, false, "test petitions, KOGL Type 1"));
        loaded.Classifier.Predict("지하철 요금")[0].Label.ShouldBe("교통/건축/국토");
        // Scored by a twin that learnt only from the petitions that ended by the date, on those that ended later.
        loaded.Info.Evaluation!.Count.ShouldBe(90 - 30);
        loaded.Info.Evaluation.Top1.ShouldBeGreaterThan(0.9);
    }

    [Test]
    public void ShouldRefuseAFileNotInThePetitionsFormat()
    {
        var wrong = Path.Combine(_folder, "wrong.csv");
        File.WriteAllText(wrong, "title,category\n버스,교통\n");

        var (exit, _, error) = Run("router", "evaluate", "--train", wrong, "--test", wrong);

        exit.ShouldBe(1);
        error.ShouldContain("the first line must be the header id,category,title,start_date,end_date,agrees");
        Run("router", "evaluate", "--train", wrong).Exit.ShouldBe(2); // usage
    }
}
