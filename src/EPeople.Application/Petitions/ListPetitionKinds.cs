using EPeople.Domain.Petitions;
using Mediator;
using Microsoft.Extensions.Options;

namespace EPeople.Application.Petitions;

public sealed record PetitionSubtypeDto(string Subtype, string NameKo, string NameEn, string Period);

public sealed record PetitionKindDto(string Kind, string NameKo, string NameEn, string DescriptionKo, string DescriptionEn, string? Period, IReadOnlyList<PetitionSubtypeDto> Subtypes,
    string? WarningKo = null, string? WarningEn = null);

/// <summary>The kinds of petition with their localized names, subtypes and statutory periods (public).</summary>
public sealed record ListPetitionKindsQuery : IQuery<IReadOnlyList<PetitionKindDto>>;

internal sealed class ListPetitionKindsQueryHandler(IOptions<PetitionOptions> options) : IQueryHandler<ListPetitionKindsQuery, IReadOnlyList<PetitionKindDto>>
{
    private static readonly Dictionary<PetitionKind, (string Ko, string En, string DescriptionKo, string DescriptionEn)> Kinds = new()
    {
        [PetitionKind.CivilPetition] = ("민원", "Civil petition",
            "행정기관에 처분·제도에 대한 고충, 질의, 건의 등을 신청합니다.", "A grievance about a disposition, a question, a proposal or another request to a public body."),
        [PetitionKind.NationalProposal] = ("국민제안", "National proposal",
            "정부 정책이나 행정 제도를 개선할 아이디어를 제안합니다. 채택 여부는 1개월 안에 결정됩니다.", "An idea to improve a policy or an administrative system; adoption is decided within one month."),
        [PetitionKind.PolicyEngagement] = ("정책참여", "Policy engagement",
            "진행 중인 정책 의견수렴에 의견을 냅니다.", "An opinion on a policy consultation that is open."),
        [PetitionKind.WasteReport] = ("예산낭비신고", "Government-waste report",
            "예산이 낭비되는 사례를 신고합니다.", "A report of public money being wasted."),
        [PetitionKind.PublicInterestReport] = ("공익신고", "Public-interest report",
            "공익침해 행위를 신고합니다. 신고자의 신원은 동의 없이 공개되지 않습니다.", "A report of harm to the public interest; the reporter's identity is not disclosed without consent."),
    };

    private static readonly Dictionary<PetitionSubtype, (string Ko, string En)> Subtypes = new()
    {
        [PetitionSubtype.Grievance] = ("고충민원", "Grievance"),
        [PetitionSubtype.Question] = ("질의민원", "Question"),
        [PetitionSubtype.LegalQuestion] = ("질의민원 (법령 해석)", "Question on the interpretation of a law"),
        [PetitionSubtype.Proposal] = ("건의민원", "Proposal"),
        [PetitionSubtype.Other] = ("기타민원", "Other"),
    };

    /// <summary>The reporter-protection notice shown before a public-interest report is filed.</summary>
    private const string ReporterProtectionKo =
        "공익신고자의 신원은 본인의 동의 없이 처리 기관에 공개되지 않으며, 신고를 이유로 불이익을 주는 것은 법으로 금지됩니다. 다만 허위임을 알면서 한 신고는 보호받지 못합니다.";

    private const string ReporterProtectionEn =
        "Your identity is not disclosed to the handling institution without your consent, and retaliation for reporting is prohibited by law. A report you know to be false is not protected.";

    public ValueTask<IReadOnlyList<PetitionKindDto>> Handle(ListPetitionKindsQuery query, CancellationToken cancellationToken)
    {
        var periods = options.Value;
        IReadOnlyList<PetitionKindDto> kinds = [.. Enum.GetValues<PetitionKind>().Select(kind => new PetitionKindDto(
            kind.ToString(), Kinds[kind].Ko, Kinds[kind].En, Kinds[kind].DescriptionKo, Kinds[kind].DescriptionEn,
            kind == PetitionKind.CivilPetition ? null : periods.PeriodOf(kind, null),
            kind == PetitionKind.CivilPetition
                ? [.. Enum.GetValues<PetitionSubtype>().Select(s => new PetitionSubtypeDto(s.ToString(), Subtypes[s].Ko, Subtypes[s].En, periods.PeriodOf(kind, s)))]
                : [],
            kind == PetitionKind.PublicInterestReport ? ReporterProtectionKo : null,
            kind == PetitionKind.PublicInterestReport ? ReporterProtectionEn : null))];
        return ValueTask.FromResult(kinds);
    }
}
