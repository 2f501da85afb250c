namespace EPeople.Domain.Institutions;

public enum InstitutionKind
{
    /// <summary>중앙행정기관: ministries, agencies, commissions and their regional offices.</summary>
    CentralAgency,

    /// <summary>광역자치단체: the 17 metropolitan cities and provinces.</summary>
    MetropolitanGovernment,

    /// <summary>기초자치단체: the 226 cities, counties and autonomous districts.</summary>
    LocalGovernment,

    /// <summary>시·도교육청: the 17 metropolitan and provincial offices of education.</summary>
    EducationOffice,

    /// <summary>재외공관: embassies, consulates-general and permanent missions.</summary>
    OverseasMission,

    /// <summary>사법기관: courts, the Constitutional Court, prosecution and election bodies.</summary>
    JudicialBody,

    /// <summary>공공기관: public corporations, funds and quasi-governmental bodies.</summary>
    PublicInstitution,
}
