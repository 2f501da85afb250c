using EPeople.Domain.Institutions;
using EPeople.Domain.Petitions;

namespace EPeople.Domain.UnitTests.Institutions;

public sealed class InstitutionTests
{
    private static Institution Seoul(bool triageDesk = false) => Institution.Create(
        "6110000", new InstitutionNames(" 서울특별시 ", "Seoul Metropolitan Government"), InstitutionKind.MetropolitanGovernment,
        null, "11", InstitutionContact.None, triageDesk);

    [Test]
    public void ShouldTrimNamesAndBuildLowerCaseSearchKey()
    {
        var seoul = Seoul();

        seoul.NameKo.ShouldBe("서울특별시");
        seoul.SearchKey.ShouldBe("6110000 서울특별시 seoul metropolitan government");
        seoul.IsActive.ShouldBeTrue();
    }

    [TestCase("611000")]
    [TestCase("61100000")]
    [TestCase("61A0000")]
    [TestCase("")]
    public void ShouldRejectCodeThatIsNotSevenDigits(string code)
    {
        var ex = Should.Throw<DomainException>(() => Institution.Create(
            code, new InstitutionNames("가", "A"), InstitutionKind.CentralAgency, null, null, InstitutionContact.None));

        ex.Rule.ShouldBe("InstitutionCodeFormat");
    }

    [TestCase("1")]
    [TestCase("111")]
    [TestCase("11A10")]
    public void ShouldRejectMalformedRegionCode(string region) =>
        Should.Throw<DomainException>(() => Institution.Create(
            "3000000", new InstitutionNames("종로구", "Jongno-gu"), InstitutionKind.LocalGovernment, null, region, InstitutionContact.None))
        .Rule.ShouldBe("RegionCodeFormat");

    [Test]
    public void ShouldRejectBlankNames() =>
        Should.Throw<DomainException>(() => Institution.Create(
            "3000000", new InstitutionNames("  ", "Jongno-gu"), InstitutionKind.LocalGovernment, null, null, InstitutionContact.None))
        .Rule.ShouldBe("NamesRequired");

    [Test]
    public void ShouldRefuseToDeactivateTheTriageDesk()
    {
        var desk = Seoul(triageDesk: true);

        Should.Throw<DomainException>(desk.Deactivate).Rule.ShouldBe("TriageDeskRequired");
        desk.IsActive.ShouldBeTrue();
    }

    [Test]
    public void ShouldDeactivateAndReactivateAnOrdinaryInstitution()
    {
        var seoul = Seoul();

        seoul.Deactivate();
        seoul.IsActive.ShouldBeFalse();
        seoul.Activate();
        seoul.IsActive.ShouldBeTrue();
    }

    [Test]
    public void ShouldRejectSecondDepartmentWithTheSameKoreanName()
    {
        var seoul = Seoul();
        seoul.AddDepartment(new InstitutionNames("시민소통담당관", "Citizen Communication Division"));

        Should.Throw<DomainException>(() => seoul.AddDepartment(new InstitutionNames(" 시민소통담당관 ", "Other")))
            .Rule.ShouldBe("DuplicateDepartment");
        seoul.Departments.Count.ShouldBe(1);
    }

    [Test]
    public void ShouldBindNewDepartmentToItsInstitution()
    {
        var seoul = Seoul();

        var department = seoul.AddDepartment(new InstitutionNames("교통정책과", "Transport Policy Division"));

        department.InstitutionId.ShouldBe(seoul.Id);
        department.IsActive.ShouldBeTrue();
        ((IAggregateMember)department).AggregateId.ShouldBe(seoul.Id);
    }

    [Test]
    public void ShouldReplaceServiceTypesWithoutDuplicates()
    {
        var seoul = Seoul();
        seoul.SetServiceTypes([PetitionKind.CivilPetition, PetitionKind.WasteReport, PetitionKind.CivilPetition]);

        seoul.SetServiceTypes([PetitionKind.WasteReport, PetitionKind.NationalProposal]);

        seoul.ServiceTypes.Select(s => s.Kind).Order().ShouldBe([PetitionKind.NationalProposal, PetitionKind.WasteReport]);
        seoul.Accepts(PetitionKind.CivilPetition).ShouldBeFalse();
    }

    [Test]
    public void ShouldRefuseToPlaceAnInstitutionUnderItsOwnDescendant()
    {
        var seoul = Seoul();
        var jongno = Institution.Create("3000000", new InstitutionNames("서울특별시 종로구", "Jongno-gu, Seoul"),
            InstitutionKind.LocalGovernment, seoul.Id, "11110", InstitutionContact.None);

        Should.Throw<DomainException>(() => seoul.MoveUnder(jongno, [seoul.Id])).Rule.ShouldBe("HierarchyLoop");
        Should.Throw<DomainException>(() => seoul.MoveUnder(seoul, [])).Rule.ShouldBe("HierarchyLoop");
        seoul.ParentId.ShouldBeNull();
    }

    [Test]
    public void ShouldMoveUnderAnotherParent()
    {
        var ministry = Institution.Create("1741000", new InstitutionNames("행정안전부", "Ministry of the Interior and Safety"),
            InstitutionKind.CentralAgency, null, null, InstitutionContact.None);
        var agency = Institution.Create("1320000", new InstitutionNames("경찰청", "Korean National Police Agency"),
            InstitutionKind.CentralAgency, null, null, InstitutionContact.None);

        agency.MoveUnder(ministry, []);

        agency.ParentId.ShouldBe(ministry.Id);
    }
}
