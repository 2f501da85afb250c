using EPeople.Web.Infrastructure;

namespace EPeople.Web.FunctionalTests.Cli;

public sealed class WorkflowCommandsTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("epeople-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = WorkflowCommands.Run(args, output, error);
        return (exit, output + error.ToString());
    }

    private const string Valid = """
        { "$schema": "urn:epeople:workflow-definition:v1", "definitionId": "cli.ok",
          "activities": [ { "id": "start", "type": "EPeople.Receive" },
                          { "id": "end", "type": "EPeople.End", "inputs": { "status": { "expression": { "type": "Literal", "value": "Closed" } } } } ],
          "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] }
        """;

    [Test]
    public void ShouldGiveAVerdictPerFileAndFailWhenAnyIsInvalid()
    {
        File.WriteAllText(Path.Combine(_folder, "a-ok.json"), Valid);
        File.WriteAllText(Path.Combine(_folder, "b-broken.json"), Valid.Replace("\"Done\"", "\"Finished\"", StringComparison.Ordinal));

        var (exit, output) = Run("workflows", "validate", _folder);

        exit.ShouldBe(1);
        output.ShouldContain("valid   ");
        output.ShouldContain("INVALID");
        output.ShouldContain("[declared-outcome] node 'start'");
        output.ShouldContain("1 valid, 1 invalid");
    }

    [Test]
    public void ShouldSucceedWhenEveryFileIsValid()
    {
        File.WriteAllText(Path.Combine(_folder, "ok.json"), Valid);

        Run("workflows", "validate", Path.Combine(_folder, "ok.json")).Exit.ShouldBe(0);
        Run("workflows", "validate", Path.Combine(_folder, "missing.json")).Exit.ShouldBe(2);
        Run("workflows", "frobnicate").Exit.ShouldBe(2);
    }

    [Test]
    public void ShouldImportAnElsaFlowchartOrExplainWhyNot()
    {
        var elsa = Path.Combine(_folder, "elsa.json");
        var converted = Path.Combine(_folder, "converted.json");
        File.WriteAllText(elsa, """
            { "definitionId": "Tiny", "root": { "type": "Elsa.Flowchart",
              "activities": [ { "id": "s", "type": "Elsa.Start" }, { "id": "e", "type": "Elsa.End" } ],
              "connections": [ { "source": { "activity": "s", "port": "Done" }, "target": { "activity": "e", "port": "In" } } ] } }
            """);

        var (exit, output) = Run("workflows", "import-elsa", elsa, "--out", converted);

        exit.ShouldBe(0, output);
        File.ReadAllText(converted).ShouldContain("\"EPeople.Receive\"");
        Run("workflows", "validate", converted).Exit.ShouldBe(0);

        File.WriteAllText(elsa, """{ "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "w", "type": "Elsa.WriteLine" } ], "connections": [] } }""");
        var rejected = Run("workflows", "import-elsa", elsa, "--out", converted);
        rejected.Exit.ShouldBe(1);
        rejected.Output.ShouldContain("Elsa.WriteLine");
    }
}
