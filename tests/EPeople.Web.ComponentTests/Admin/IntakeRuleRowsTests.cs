using EPeople.Application.Errors;
using EPeople.Application.Institutions;
using EPeople.Web.Components.Admin;

namespace EPeople.Web.ComponentTests.Admin;

public sealed class IntakeRuleRowsTests
{
    private static readonly Guid Roads = Guid.NewGuid();
    private static readonly Guid Welfare = Guid.NewGuid();

    private static ErrorReport Refusal(params (string Field, string Message)[] errors) =>
        new(400, "validation", "Invalid", "", errors.ToDictionary(e => e.Field, e => new[] { e.Message }));

    [Test]
    public void ShouldStartFromTheSavedRulesAndSendTheRowsInOrder()
    {
        var rows = IntakeRuleRows.From([
            new IntakeRuleDto("CivilPetition", "Grievance", Roads, "도로관리과", "Road Management Division"),
            new IntakeRuleDto("NationalProposal", null, Welfare, "복지정책과", "Welfare Policy Division"),
        ]);
        var added = rows.Add();
        added.DepartmentId = Welfare;
        added.Subtype = "";

        rows.ToInputs().ShouldBe([
            new IntakeRuleInput("CivilPetition", "Grievance", Roads),
            new IntakeRuleInput("NationalProposal", null, Welfare),
            new IntakeRuleInput("CivilPetition", null, Welfare), // a new rule starts as a civil petition of any type
        ]);
        rows.Rows.Select(r => r.Id).Distinct().Count().ShouldBe(3);
    }

    [Test]
    public void ShouldDropTheSubtypeWhenTheKindHasNone()
    {
        var rows = new IntakeRuleRows();
        var row = rows.Add();
        row.Subtype = "Question";

        IntakeRuleRows.ChangeKind(row, "WasteReport");

        row.Subtype.ShouldBeNull();
        IntakeRuleRows.HasSubtypes(row).ShouldBeFalse();
        IntakeRuleRows.ChangeKind(row, "CivilPetition");
        IntakeRuleRows.HasSubtypes(row).ShouldBeTrue();
    }

    [Test]
    public void ShouldKeepEachRefusalBesideTheRowItWasAboutEvenAfterARowIsRemoved()
    {
        var rows = new IntakeRuleRows();
        var first = rows.Add();
        var second = rows.Add();
        var third = rows.Add();
        rows.ToInputs();

        rows.Refused(Refusal(("rules[1].kind", "twice"), ("rules[2].departmentId", "choose"), ("rules", "list them"), ("rules[9].kind", "gone")));
        rows.Remove(first);

        IntakeRuleRows.ErrorsFor(second, "kind").ShouldBe(["twice"]);
        IntakeRuleRows.ErrorsFor(third, "departmentId").ShouldBe(["choose"]);
        IntakeRuleRows.ErrorsFor(third, "kind").ShouldBeEmpty();
        IntakeRuleRows.GeneralErrors(Refusal(("rules", "list them"), ("rules[0].kind", "x"))).ShouldBe(["list them"]);

        rows.ToInputs(); // sending again clears the old messages
        IntakeRuleRows.ErrorsFor(second, "kind").ShouldBeEmpty();
    }
}
