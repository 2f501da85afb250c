using EPeople.Application.Errors;
using EPeople.Application.Petitions;
using EPeople.Application.Petitions.Routing;
using EPeople.Web.Components.Admin;

namespace EPeople.Web.ComponentTests.Admin;

public sealed class KeywordRuleRowsTests
{
    private static readonly Guid Dust = Guid.NewGuid();
    private static readonly Guid Parking = Guid.NewGuid();

    private static ErrorReport Refusal(params (string Field, string Message)[] errors) =>
        new(400, "validation", "Invalid", "", errors.ToDictionary(e => e.Field, e => new[] { e.Message }));

    private static KeywordRuleRows Saved() => KeywordRuleRows.From([
        new KeywordRuleDto(Dust, "미세먼지", new InstitutionRefDto("1480000", "환경부"), null, "대기 질"),
        new KeywordRuleDto(Parking, "불법주차", new InstitutionRefDto("6110000", "서울특별시"), "CivilPetition", null),
    ]);

    [Test]
    public void ShouldStartFromTheSavedRulesAndSendTheRowsInOrderWithTheirIds()
    {
        var rows = Saved();
        var added = rows.Add();
        added.Keyword = "  층간 소음 ";
        added.InstitutionCode = " 6110000";
        added.Kind = "";
        added.Note = "   ";

        rows.ToInputs().ShouldBe([
            new KeywordRuleInput(Dust, "미세먼지", "1480000", null, "대기 질"),
            new KeywordRuleInput(Parking, "불법주차", "6110000", "CivilPetition", null),
            new KeywordRuleInput(null, "층간 소음", "6110000", null, null), // a new rule has no id, and blanks are sent as nothing
        ]);
        rows.Rows.Select(r => r.Id).Distinct().Count().ShouldBe(3);
    }

    [Test]
    public void ShouldNameTheInstitutionOnlyWhileTheRowHasTheCodeTheServerNamed()
    {
        var rows = Saved();
        var dust = rows.Rows[0];

        KeywordRuleRows.InstitutionName(dust).ShouldBe("환경부");
        dust.InstitutionCode = "6110000";
        KeywordRuleRows.InstitutionName(dust).ShouldBeNull();
        dust.InstitutionCode = "1480000 ";
        KeywordRuleRows.InstitutionName(dust).ShouldBe("환경부");
        KeywordRuleRows.InstitutionName(rows.Add()).ShouldBeNull();
    }

    [Test]
    public void ShouldPinEachRefusalToTheRowThatWasSentWhateverTheCaseOfItsName()
    {
        var rows = new KeywordRuleRows();
        var first = rows.Add();
        var second = rows.Add();
        var third = rows.Add();
        rows.ToInputs();
        rows.Remove(first); // removed while the save was on its way: the messages still belong to the rows as they were sent

        rows.Refused(Refusal(
            ("Rules[1].Keyword", "Another rule already has this keyword (for this kind)."), // the validator's spelling
            ("rules[1].keyword", "Give the keyword."),
            ("rules[2].institutionCode", "No active institution has the code 9999999."), // the handler's
            ("rules", "List the rules (an empty list removes them all)."),
            ("rules[9].kind", "gone")));

        KeywordRuleRows.ErrorsFor(second, "keyword").ShouldBe(["Another rule already has this keyword (for this kind).", "Give the keyword."]);
        KeywordRuleRows.ErrorsFor(third, "institutionCode").ShouldBe(["No active institution has the code 9999999."]);
        KeywordRuleRows.ErrorsFor(third, "InstitutionCode").ShouldBe(["No active institution has the code 9999999."]);
        KeywordRuleRows.ErrorsFor(third, "keyword").ShouldBeEmpty();
        KeywordRuleRows.ErrorsFor(first, "keyword").ShouldBeEmpty();
        KeywordRuleRows.HasErrors(second).ShouldBeTrue();
        KeywordRuleRows.GeneralErrors(Refusal(("rules", "list them"), ("Rules[0].Keyword", "x"), ("rules[0].id", "y"))).ShouldBe(["list them"]);

        rows.ToInputs(); // sending again clears the old messages
        KeywordRuleRows.ErrorsFor(second, "keyword").ShouldBeEmpty();
        KeywordRuleRows.HasErrors(third).ShouldBeFalse();
    }
}
