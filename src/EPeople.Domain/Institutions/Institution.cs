using EPeople.Domain.Auditing;
using EPeople.Domain.Petitions;

namespace EPeople.Domain.Institutions;

/// <summary>
/// A public body that receives petitions: a ministry, a local government, an education office, a mission
/// abroad, a court or a public institution, in a hierarchy (a district under its city, an agency under its
/// ministry). It owns its departments and the petition kinds it accepts.
/// </summary>
public sealed class Institution : AggregateRoot, IAudited
{
    private readonly List<Department> _departments = [];
    private readonly List<InstitutionServiceType> _serviceTypes = [];
    private readonly List<IntakeRule> _intakeRules = [];

    private Institution()
    {
    }

    public string Code { get; private set; } = "";
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public InstitutionKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string? RegionCode { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The central distribution office (국민권익위원회) that routes what cannot be routed automatically.</summary>
    public bool IsTriageDesk { get; private set; }

    public InstitutionContact Contact { get; private set; } = InstitutionContact.None;

    /// <summary>Lower-case code and names, so one portable LIKE serves search on every database.</summary>
    public string SearchKey { get; private set; } = "";

    public IReadOnlyList<Department> Departments => _departments;
    public IReadOnlyList<InstitutionServiceType> ServiceTypes => _serviceTypes;
    public IReadOnlyList<IntakeRule> IntakeRules => _intakeRules;

    public static Institution Create(
        string code,
        InstitutionNames names,
        InstitutionKind kind,
        Guid? parentId,
        string? regionCode,
        InstitutionContact contact,
        bool isTriageDesk = false)
    {
        if (!InstitutionCode.IsValid(code))
        {
            throw new DomainException($"'{code}' is not a 7-digit institution code.", "InstitutionCodeFormat");
        }

        var institution = new Institution
        {
            Code = code,
            ParentId = parentId,
            IsActive = true,
            IsTriageDesk = isTriageDesk,
        };
        institution.SetDetails(names, kind, regionCode, contact);
        return institution;
    }

    public void UpdateDetails(InstitutionNames names, InstitutionKind kind, string? regionCode, InstitutionContact contact) =>
        SetDetails(names, kind, regionCode, contact);

    /// <summary>Places this institution under another one.</summary>
    /// <param name="parent">The new parent, or null for a top-level body.</param>
    /// <param name="parentAncestry">The ids of the new parent's ancestors, nearest first.</param>
    public void MoveUnder(Institution? parent, IReadOnlyCollection<Guid> parentAncestry)
    {
        if (parent is not null && (parent.Id == Id || parentAncestry.Contains(Id)))
        {
            throw new DomainException(
                $"{NameKo} cannot be placed under {parent.NameKo}: the hierarchy would loop.", "HierarchyLoop");
        }

        ParentId = parent?.Id;
    }

    public void Deactivate()
    {
        if (IsTriageDesk)
        {
            throw new DomainException(
                "The triage desk cannot be deactivated: petitions that cannot be routed go there.", "TriageDeskRequired");
        }

        IsActive = false;
    }

    public void Activate() => IsActive = true;

    public Department AddDepartment(InstitutionNames names)
    {
        EnsureDepartmentNameFree(names, except: null);
        var department = new Department(Id, Normalise(names));
        _departments.Add(department);
        return department;
    }

    public void RenameDepartment(Guid departmentId, InstitutionNames names)
    {
        var department = FindDepartment(departmentId);
        EnsureDepartmentNameFree(names, except: department);
        department.Rename(Normalise(names));
    }

    public void SetDepartmentActive(Guid departmentId, bool active) => FindDepartment(departmentId).SetActive(active);

    public bool Accepts(PetitionKind kind) => _serviceTypes.Exists(s => s.Kind == kind);

    /// <summary>Replaces the set of petition kinds this institution accepts.</summary>
    public void SetServiceTypes(IEnumerable<PetitionKind> kinds)
    {
        var wanted = kinds.Distinct().ToHashSet();
        _serviceTypes.RemoveAll(s => !wanted.Contains(s.Kind));
        foreach (var kind in wanted.Where(k => !Accepts(k)).Order())
        {
            _serviceTypes.Add(new InstitutionServiceType(Id, kind));
        }
    }

    /// <summary>Replaces the intake rules: each (kind, subtype) once, each to an active department of this institution.</summary>
    public void SetIntakeRules(IEnumerable<(PetitionKind Kind, PetitionSubtype? Subtype, Guid DepartmentId)> rules)
    {
        var wanted = rules.ToList();
        if (wanted.GroupBy(r => (r.Kind, r.Subtype)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"{twice.Key.Kind} {twice.Key.Subtype} has more than one intake rule.", "DuplicateIntakeRule");
        }

        foreach (var rule in wanted)
        {
            if (rule.Subtype is not null && rule.Kind != PetitionKind.CivilPetition)
            {
                throw new DomainException("Only civil petitions have subtypes.", "SubtypeNotAllowed");
            }

            if (!FindDepartment(rule.DepartmentId).IsActive)
            {
                throw new DomainException("Intake rules send petitions to active departments only.", "DepartmentInactive");
            }
        }

        _intakeRules.Clear();
        _intakeRules.AddRange(wanted.Select(r => new IntakeRule(Id, r.Kind, r.Subtype, r.DepartmentId)));
    }

    /// <summary>The department that receives a petition of this kind and subtype (the subtype's rule before the kind's), or null.</summary>
    public Department? IntakeDepartment(PetitionKind kind, PetitionSubtype? subtype)
    {
        var rule = _intakeRules.Find(r => r.Kind == kind && r.Subtype == subtype && subtype is not null)
                   ?? _intakeRules.Find(r => r.Kind == kind && r.Subtype is null);
        return rule is null ? null : _departments.Find(d => d.Id == rule.DepartmentId && d.IsActive);
    }

    public Department? FindDepartmentOrNull(Guid departmentId) => _departments.Find(d => d.Id == departmentId);

    private Department FindDepartment(Guid departmentId) =>
        FindDepartmentOrNull(departmentId)
        ?? throw new DomainException($"{NameKo} has no department {departmentId}.", "UnknownDepartment");

    private void EnsureDepartmentNameFree(InstitutionNames names, Department? except)
    {
        var korean = names.Korean.Trim();
        if (_departments.Exists(d => d != except && string.Equals(d.NameKo, korean, StringComparison.Ordinal)))
        {
            throw new DomainException($"{NameKo} already has a department called {korean}.", "DuplicateDepartment");
        }
    }

    private void SetDetails(InstitutionNames names, InstitutionKind kind, string? regionCode, InstitutionContact contact)
    {
        if (regionCode is not null && !Institutions.RegionCode.IsValid(regionCode))
        {
            throw new DomainException($"'{regionCode}' is not a 2- or 5-digit region code.", "RegionCodeFormat");
        }

        var clean = Normalise(names);
        NameKo = clean.Korean;
        NameEn = clean.English;
        Kind = kind;
        RegionCode = regionCode;
        Contact = contact;
        SearchKey = $"{Code} {NameKo} {NameEn}".ToLowerInvariant();
    }

    private static InstitutionNames Normalise(InstitutionNames names)
    {
        var korean = names.Korean.Trim();
        var english = names.English.Trim();
        if (korean.Length == 0 || english.Length == 0)
        {
            throw new DomainException("An institution needs a Korean and an English name.", "NamesRequired");
        }

        return new InstitutionNames(korean, english);
    }
}
