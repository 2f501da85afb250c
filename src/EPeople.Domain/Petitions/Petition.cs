namespace EPeople.Domain.Petitions;

/// <summary>
/// A citizen's petition of any kind, from filing to result. It guards its own status transitions; the workflow
/// engine drives the process (tasks, clocks, notices) and calls these methods through the petition use cases in the
/// same transaction, so the petition and its workflow never disagree.
/// </summary>
public sealed class Petition : AggregateRoot
{
    /// <summary>How many transfers a petition may make before the triage desk decides (DOMAIN.md A3).</summary>
    public const int MaxTransfers = 3;

    /// <summary>How many times an institution may ask for a supplement (DOMAIN.md A2).</summary>
    public const int MaxSupplementRequests = 2;

    /// <summary>How long the citizen may rate an answer (DOMAIN.md A5).</summary>
    public static readonly TimeSpan RatingWindow = TimeSpan.FromDays(14);

    private readonly List<PetitionEvent> _events = [];

    private Petition()
    {
    }

    public string ReceiptNumber { get; private set; } = "";
    public PetitionKind Kind { get; private set; }
    public PetitionSubtype? Subtype { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public PetitionStatus Status { get; private set; }

    /// <summary>The citizen's account.</summary>
    public Guid PetitionerId { get; private set; }

    /// <summary>Personal data (masked on every screen and export, every official's read logged).</summary>
    public PetitionerContact Petitioner { get; private set; } = PetitionerContact.None;

    public bool IsPublic { get; private set; }
    public string? RegionCode { get; private set; }

    /// <summary>The consultation a policy-engagement opinion answers (null for every other kind).</summary>
    public Guid? ConsultationId { get; private set; }

    /// <summary>
    /// Reporter protection (public-interest reports): the reporter's identity is withheld from the institutions unless
    /// the reporter consented to its disclosure when filing.
    /// </summary>
    public bool IdentityProtected { get; private set; }

    /// <summary>The language notices are written in ("ko" or "en"), as the citizen used the portal when filing.</summary>
    public string Language { get; private set; } = "ko";

    /// <summary>The institution that has the petition now.</summary>
    public string InstitutionCode { get; private set; } = "";

    /// <summary>The department the institution's intake rules chose, if any.</summary>
    public string? Department { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>When the current institution must answer (set from its task, on the business calendar).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public string? DueExplanationKo { get; private set; }
    public string? DueExplanationEn { get; private set; }
    public int TransferCount { get; private set; }

    /// <summary>How many supplements were requested (at most <see cref="MaxSupplementRequests"/>).</summary>
    public int SupplementCount { get; private set; }

    /// <summary>What the institution asked for, until when, and when the clock stopped.</summary>
    public string? SupplementRequest { get; private set; }

    public DateTimeOffset? SupplementDueAt { get; private set; }
    public DateTimeOffset? ClockPausedAt { get; private set; }
    public string? SupplementReply { get; private set; }

    /// <summary>How often the deadline was extended (once; a second time only with the petitioner's consent).</summary>
    public int ExtensionCount { get; private set; }
    public string? Answer { get; private set; }
    public bool AnswerIsPublic { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The answer given after a dissatisfied rating (1–2), kept beside the first one.</summary>
    public string? AdditionalAnswer { get; private set; }

    /// <summary>The citizen's satisfaction with the answer, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int? Rating { get; private set; }

    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why a petition was closed without an answer (not a petition, a repeat under Art. 23…).</summary>
    public string? ClosureReason { get; private set; }

    /// <summary>The workflow instance running this petition's lifecycle.</summary>
    public Guid WorkflowInstanceId { get; private set; }

    public IReadOnlyList<PetitionEvent> Events => _events;

    /// <summary>The step the citizen sees: Result once answered or closed, Transfer after a transfer, Reception before.</summary>
    public PetitionStage Stage => StageOf(Status, AnsweredAt, TransferCount);

    /// <summary>The stage rule, for lists that read only these columns.</summary>
    public static PetitionStage StageOf(PetitionStatus status, DateTimeOffset? answeredAt, int transferCount) =>
        status is PetitionStatus.Answered or PetitionStatus.Closed || answeredAt is not null
            ? PetitionStage.Result
            : transferCount > 0 ? PetitionStage.Transfer : PetitionStage.Reception;

    /// <summary>True until the petition is answered, closed or withdrawn.</summary>
    public bool IsOpen => Status is PetitionStatus.Received or PetitionStatus.InTriage or PetitionStatus.InProgress or PetitionStatus.AwaitingSupplement;

    public static Petition File(PetitionFiling filing, string receiptNumber, string institutionCode, bool toTriageDesk, string? department, DateTimeOffset now)
    {
        if (filing.Kind == PetitionKind.CivilPetition && filing.Subtype is null)
        {
            throw new DomainException("A civil petition needs its subtype (grievance, question, legal question, proposal or other).", "SubtypeRequired");
        }

        if ((filing.Kind == PetitionKind.PolicyEngagement) != (filing.ConsultationId is not null))
        {
            throw new DomainException("A policy-engagement opinion answers one consultation, and only it does.", "ConsultationRequired");
        }

        if (filing.Kind != PetitionKind.CivilPetition && filing.Subtype is not null)
        {
            throw new DomainException($"Only civil petitions have a subtype; a {filing.Kind} has none.", "SubtypeNotAllowed");
        }

        var petition = new Petition
        {
            ReceiptNumber = receiptNumber,
            Kind = filing.Kind,
            Subtype = filing.Subtype,
            Title = filing.Title.Trim(),
            Body = filing.Body.Trim(),
            PetitionerId = filing.PetitionerId,
            Petitioner = filing.Contact,
            IsPublic = filing.IsPublic && filing.Kind != PetitionKind.PublicInterestReport, // a report is never published
            RegionCode = filing.RegionCode,
            ConsultationId = filing.ConsultationId,
            Language = filing.Language == "en" ? "en" : "ko",
            IdentityProtected = filing.Kind == PetitionKind.PublicInterestReport && !filing.DiscloseIdentity,
            InstitutionCode = institutionCode,
            Department = department,
            FiledAt = now,
            WorkflowInstanceId = Guid.CreateVersion7(),
            Status = toTriageDesk ? PetitionStatus.InTriage : PetitionStatus.Received,
        };
        petition.Record(PetitionEventKind.Filed, now, institutionCode, null, null);
        return petition;
    }

    /// <summary>The department the institution's intake rules chose (null: the whole institution).</summary>
    public void AssignDepartment(string? department) => Department = department;

    /// <summary>The due date of the institution's handling task (computed by the engine on the business calendar).</summary>
    public void SetDue(DateTimeOffset? dueAt, string? explanationKo, string? explanationEn)
    {
        DueAt = dueAt;
        DueExplanationKo = explanationKo;
        DueExplanationEn = explanationEn;
    }

    /// <summary>An official of the institution that has the petition takes it up (claims its task).</summary>
    public void Accept(string institutionCode, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        if (Status is PetitionStatus.InProgress or PetitionStatus.InTriage)
        {
            return; // taken already, or the triage desk taking up the routing (which is not accepting the case)
        }

        if (Status != PetitionStatus.Received)
        {
            throw Closed();
        }

        Status = PetitionStatus.InProgress;
        Record(PetitionEventKind.Accepted, now, institutionCode, null, actor);
    }

    /// <summary>
    /// Moves the petition to another institution and returns where it actually went: a petition sent back to an
    /// institution it already left, or past <see cref="MaxTransfers"/>, goes to the triage desk instead (ping-pong stops there).
    /// </summary>
    public string Transfer(string fromInstitution, string toInstitution, string reason, string triageDesk, string actor, DateTimeOffset now)
    {
        EnsureAt(fromInstitution);
        EnsureOpen();
        if (toInstitution == fromInstitution)
        {
            throw new DomainException("A petition cannot be transferred to the institution that has it.", "TransferToSelf");
        }

        var left = _events.Where(e => e.Kind is PetitionEventKind.Filed or PetitionEventKind.Transferred or PetitionEventKind.Routed)
            .Select(e => e.InstitutionCode).Where(code => code != triageDesk).ToHashSet(StringComparer.Ordinal);
        var destination = toInstitution != triageDesk && (left.Contains(toInstitution) || TransferCount >= MaxTransfers) ? triageDesk : toInstitution;
        var note = destination == toInstitution
            ? reason.Trim()
            : $"{reason.Trim()} (→ {toInstitution}: {(TransferCount >= MaxTransfers ? "transfer limit reached" : "already handled there")}; the triage desk decides)";
        InstitutionCode = destination;
        Department = null;
        TransferCount++;
        Status = destination == triageDesk ? PetitionStatus.InTriage : PetitionStatus.Received;
        Record(PetitionEventKind.Transferred, now, destination, note, actor);
        return destination;
    }

    /// <summary>How many institutions the handling institution may ask at once in a joint handling.</summary>
    public const int MaxCooperatingInstitutions = 10;

    /// <summary>
    /// Joint handling (Act Art. 20, 공동처리): the institution that has the petition stays in the lead and asks others for
    /// their opinions; each one's task appears in its worklist, and the lead answers once they are in.
    /// </summary>
    public void RequestJointHandling(string leadInstitution, IReadOnlyCollection<string> cooperating, string reason, string triageDesk, string actor, DateTimeOffset now)
    {
        EnsureAt(leadInstitution);
        if (Status != PetitionStatus.InProgress)
        {
            throw new DomainException($"Joint handling is asked for by the institution handling the petition, not for one that is {Status}.", "JointNotAllowed");
        }

        var codes = cooperating.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0 || codes.Count > MaxCooperatingInstitutions)
        {
            throw new DomainException($"Joint handling asks 1 to {MaxCooperatingInstitutions} other institutions.", "JointInstitutionCount");
        }

        if (codes.Contains(leadInstitution) || codes.Contains(triageDesk))
        {
            throw new DomainException("The cooperating institutions are others than the lead and the triage desk.", "JointWithSelf");
        }

        foreach (var code in codes)
        {
            Record(PetitionEventKind.CooperationRequested, now, code, reason.Trim(), actor);
        }
    }

    /// <summary>Institutions asked for their opinion that have not given it (nor declined) since they were last asked.</summary>
    public IReadOnlyList<string> PendingCooperation => [.. _events
        .GroupBy(e => e.InstitutionCode)
        .Where(g => g.LastOrDefault(e => e.Kind is PetitionEventKind.CooperationRequested or PetitionEventKind.OpinionGiven or PetitionEventKind.CooperationDeclined)
            ?.Kind == PetitionEventKind.CooperationRequested)
        .Select(g => g.Key)];

    /// <summary>A cooperating institution gives its opinion, or declines with its reason; the lead reads either.</summary>
    public void GiveOpinion(string institutionCode, string opinion, bool declined, string actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!PendingCooperation.Contains(institutionCode))
        {
            throw new DomainException($"Institution {institutionCode} was not asked for an opinion on this petition, or gave it already.", "NoOpinionAsked");
        }

        Record(declined ? PetitionEventKind.CooperationDeclined : PetitionEventKind.OpinionGiven, now, institutionCode, opinion.Trim(), actor);
    }

    /// <summary>The triage desk's first routing (not counted as a transfer: the petition had no handling institution yet).</summary>
    public void RouteFromTriage(string triageDesk, string toInstitution, string? department, string actor, DateTimeOffset now)
    {
        EnsureAt(triageDesk);
        if (Status != PetitionStatus.InTriage)
        {
            throw new DomainException("Only a petition waiting at the triage desk is routed from there.", "NotInTriage");
        }

        InstitutionCode = toInstitution;
        Department = department;
        Status = PetitionStatus.Received;
        Record(PetitionEventKind.Routed, now, toInstitution, null, actor);
    }

    public void GiveAnswer(string institutionCode, string answer, bool isPublic, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new DomainException("An answer cannot be empty.", "AnswerRequired");
        }

        if (Rating is not null)
        {
            // The additional answer to a dissatisfied rating finishes the petition.
            AdditionalAnswer = answer.Trim();
            Status = PetitionStatus.Closed;
            ClosedAt = now;
            Record(PetitionEventKind.Answered, now, institutionCode, "additional answer", actor);
            return;
        }

        Answer = answer.Trim();
        AnswerIsPublic = isPublic;
        AnsweredAt = now;
        Status = PetitionStatus.Answered;
        Record(PetitionEventKind.Answered, now, institutionCode, null, actor);
    }

    /// <summary>Closes without an answer: not a petition (Decree Art. 2), a repeat (Act Art. 23), or another basis given.</summary>
    public void CloseWithoutAnswer(string institutionCode, string reason, string basis, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        EnsureOpen();
        ClosureReason = $"{basis.Trim()}: {reason.Trim()}";
        ClosedAt = now;
        Status = PetitionStatus.Closed;
        Record(PetitionEventKind.Closed, now, institutionCode, ClosureReason, actor);
    }

    /// <summary>The rating window ended (or the citizen rated): the answered petition is finished.</summary>
    public void Finish(DateTimeOffset now)
    {
        if (Status != PetitionStatus.Answered)
        {
            return;
        }

        ClosedAt = now;
        Status = PetitionStatus.Closed;
        Record(PetitionEventKind.Closed, now, InstitutionCode, null, null);
    }

    /// <summary>
    /// An official finds that a general petition is in fact a public-interest report: it becomes one, and from now on the
    /// reporter's identity is withheld from the institutions (the reporter never consented to anything else).
    /// </summary>
    public void ConvertToPublicInterestReport(string institutionCode, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        EnsureOpen();
        if (Kind == PetitionKind.PublicInterestReport)
        {
            throw new DomainException("The petition is already a public-interest report.", "AlreadyPublicInterestReport");
        }

        Kind = PetitionKind.PublicInterestReport;
        Subtype = null;
        IdentityProtected = true;
        IsPublic = false;
        Record(PetitionEventKind.Converted, now, institutionCode, "공익신고로 전환 (converted to a public-interest report)", actor);
    }

    /// <summary>
    /// Extends the deadline (Administrative Procedures Act Art. 19): once, by no more than the original period, with a
    /// reason the petitioner is told; a second extension only with the petitioner's consent.
    /// </summary>
    public void Extend(string institutionCode, string reason, DateTimeOffset newDueAt, bool petitionerConsented, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        EnsureOpen();
        if (DueAt is not { } due)
        {
            throw new DomainException("The petition has no deadline to extend.", "NoDeadline");
        }

        if (newDueAt <= due)
        {
            throw new DomainException("The new deadline must be later than the current one.", "ExtensionNotLater");
        }

        if (ExtensionCount >= 2 || (ExtensionCount == 1 && !petitionerConsented))
        {
            throw new DomainException(ExtensionCount >= 2
                ? "The deadline was already extended twice."
                : "A second extension needs the petitioner's consent.", "ExtensionLimit");
        }

        var reached = _events.Last(e => e.Kind is PetitionEventKind.Filed or PetitionEventKind.Transferred or PetitionEventKind.Routed).At;
        if (ExtensionCount == 0 && newDueAt - due > due - reached)
        {
            throw new DomainException("An extension cannot be longer than the original period.", "ExtensionTooLong");
        }

        ExtensionCount++;
        DueAt = newDueAt;
        DueExplanationKo = $"처리기한 연장 (사유: {reason.Trim()})";
        DueExplanationEn = $"Deadline extended (reason: {reason.Trim()})";
        Record(PetitionEventKind.Extended, now, institutionCode, reason.Trim(), actor);
    }

    /// <summary>The institution asks the petitioner for missing information by a date; the statutory clock stops until the reply.</summary>
    public void RequestSupplement(string institutionCode, string request, DateTimeOffset dueAt, string actor, DateTimeOffset now)
    {
        EnsureAt(institutionCode);
        if (Status is not (PetitionStatus.Received or PetitionStatus.InProgress))
        {
            throw new DomainException($"A supplement can be asked for a petition in handling, not one that is {Status}.", "SupplementNotAllowed");
        }

        if (SupplementCount >= MaxSupplementRequests)
        {
            throw new DomainException($"A supplement was already requested {MaxSupplementRequests} times.", "SupplementLimit");
        }

        if (dueAt <= now)
        {
            throw new DomainException("The petitioner needs a reply date in the future.", "SupplementDueInPast");
        }

        SupplementCount++;
        SupplementRequest = request.Trim();
        SupplementDueAt = dueAt;
        SupplementReply = null;
        ClockPausedAt = now;
        Status = PetitionStatus.AwaitingSupplement;
        Record(PetitionEventKind.SupplementRequested, now, institutionCode, SupplementRequest, actor);
    }

    /// <summary>The petitioner supplies what was asked; the clock runs again, the deadline moved by the time it stood still.</summary>
    public void ProvideSupplement(Guid citizenId, string reply, DateTimeOffset now)
    {
        if (citizenId != PetitionerId)
        {
            throw new DomainException("Only the petitioner can reply to a supplement request.", "NotThePetitioner");
        }

        if (Status != PetitionStatus.AwaitingSupplement)
        {
            throw new DomainException("No supplement is being asked for.", "NoSupplementRequested");
        }

        if (DueAt is { } due && ClockPausedAt is { } paused)
        {
            DueAt = due + (now - paused);
            DueExplanationKo = $"보완 기간({(now - paused).TotalDays:0.#}일)만큼 처리기한 연장";
            DueExplanationEn = $"Deadline moved by the {(now - paused).TotalDays:0.#} days the petition waited for a supplement";
        }

        SupplementReply = reply.Trim();
        ClockPausedAt = null;
        Status = PetitionStatus.InProgress;
        Record(PetitionEventKind.SupplementProvided, now, InstitutionCode, null, null);
    }

    /// <summary>Closes a petition whose supplement did not arrive by its date (DOMAIN.md A2); false when it is not due yet.</summary>
    public bool CloseForMissingSupplement(DateTimeOffset now)
    {
        if (Status != PetitionStatus.AwaitingSupplement || SupplementDueAt is not { } due || now <= due)
        {
            return false;
        }

        ClosureReason = "보완 요청 기한 내 미제출 (the supplement was not provided by its date)";
        ClosedAt = now;
        Status = PetitionStatus.Closed;
        Record(PetitionEventKind.Closed, now, InstitutionCode, ClosureReason, null);
        return true;
    }

    /// <summary>True while the citizen may rate the answer.</summary>
    public bool CanBeRated(DateTimeOffset now) => Status == PetitionStatus.Answered && Rating is null && AnsweredAt is { } at && now - at <= RatingWindow;

    /// <summary>
    /// The citizen rates the answer (1–5) within the rating window. Satisfied (3–5): the petition is finished. Dissatisfied
    /// (1–2): the institution owes an additional answer, and the petition is back in progress until it is given.
    /// </summary>
    public void Rate(Guid citizenId, int rating, string? comment, DateTimeOffset now)
    {
        if (citizenId != PetitionerId)
        {
            throw new DomainException("Only the petitioner can rate the answer.", "NotThePetitioner");
        }

        if (rating is < 1 or > 5)
        {
            throw new DomainException("A rating is 1 to 5.", "RatingRange");
        }

        if (!CanBeRated(now))
        {
            throw new DomainException(Rating is not null
                ? "The answer was already rated."
                : Status == PetitionStatus.Answered ? "The 14 days for rating this answer are over." : "Only an answered petition can be rated.", "RatingNotOpen");
        }

        Rating = rating;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = now;
        if (rating <= 2)
        {
            Status = PetitionStatus.InProgress;
            Record(PetitionEventKind.Rated, now, InstitutionCode, "additional answer requested", null);
        }
        else
        {
            Status = PetitionStatus.Closed;
            ClosedAt = now;
            Record(PetitionEventKind.Rated, now, InstitutionCode, null, null);
        }
    }

    public void Withdraw(Guid citizenId, DateTimeOffset now)
    {
        if (citizenId != PetitionerId)
        {
            throw new DomainException("Only the petitioner can withdraw a petition.", "NotThePetitioner");
        }

        if (!IsOpen)
        {
            throw new DomainException($"A petition that is {Status} can no longer be withdrawn.", "PetitionNotOpen");
        }

        Status = PetitionStatus.Withdrawn;
        ClosedAt = now;
        Record(PetitionEventKind.Withdrawn, now, InstitutionCode, null, null);
    }

    private void EnsureAt(string institutionCode)
    {
        if (institutionCode != InstitutionCode)
        {
            throw new DomainException($"The petition is with institution {InstitutionCode}, not {institutionCode}.", "NotYourPetition");
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw Closed();
        }
    }

    private DomainException Closed() => new($"The petition is {Status}; nothing more can be done on it.", "PetitionNotOpen");

    private void Record(PetitionEventKind kind, DateTimeOffset at, string institutionCode, string? note, string? actor) =>
        _events.Add(new PetitionEvent(Id, _events.Count + 1, kind, Stage, at, institutionCode, note, actor));
}
