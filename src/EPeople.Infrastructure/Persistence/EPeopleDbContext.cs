using EPeople.Application.Abstractions;
using EPeople.Application.Outbox;
using EPeople.Domain;
using EPeople.Domain.Auditing;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Identity;
using EPeople.Application.Workflows;
using EPeople.Infrastructure.Workflows;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Persistence;

/// <summary>
/// The one EF Core model. Each database provider has a subclass (<see cref="Providers"/>) only so that its
/// migrations live apart; the model itself is the same everywhere.
/// </summary>
public abstract class EPeopleDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IEPeopleDbContext, IDataProtectionKeyContext
{
    /// <summary>
    /// Who acts in this unit of work, for the audit rows. Contexts are pooled, so the actor is handed over each time a
    /// context is rented for a scope (DatabaseRegistration) instead of being injected once.
    /// </summary>
    public ICurrentUser? Actor { get; internal set; }

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowBookmarkRecord> WorkflowBookmarks => Set<WorkflowBookmarkRecord>();
    public DbSet<WorkflowTaskRecord> WorkflowTasks => Set<WorkflowTaskRecord>();
    public DbSet<WorkflowTimerRecord> WorkflowTimers => Set<WorkflowTimerRecord>();
    public DbSet<WorkflowInboxRecord> WorkflowInbox => Set<WorkflowInboxRecord>();
    public DbSet<WorkflowOperationRecord> WorkflowOperations => Set<WorkflowOperationRecord>();
    public DbSet<WorkflowIncidentRecord> WorkflowIncidents => Set<WorkflowIncidentRecord>();
    public DbSet<WorkflowHistoryRecord> WorkflowHistory => Set<WorkflowHistoryRecord>();
    public DbSet<Application.Calendar.BusinessHolidayRecord> BusinessHolidays => Set<Application.Calendar.BusinessHolidayRecord>();
    public DbSet<Domain.Petitions.Petition> Petitions => Set<Domain.Petitions.Petition>();
    public DbSet<Domain.Petitions.Consultation> Consultations => Set<Domain.Petitions.Consultation>();
    public DbSet<Application.Petitions.FilingKeyRecord> FilingKeys => Set<Application.Petitions.FilingKeyRecord>();
    public DbSet<Domain.Privacy.PersonalDataAccess> PersonalDataAccessLog => Set<Domain.Privacy.PersonalDataAccess>();
    public DbSet<Application.Petitions.Notices.CitizenNoticeRecord> CitizenNotices => Set<Application.Petitions.Notices.CitizenNoticeRecord>();
    public DbSet<Domain.Petitions.RoutingKeywordRule> RoutingKeywordRules => Set<Domain.Petitions.RoutingKeywordRule>();
    public DbSet<Application.Petitions.Routing.RoutingSuggestionRecord> RoutingSuggestions => Set<Application.Petitions.Routing.RoutingSuggestionRecord>();
    public DbSet<Application.Petitions.Routing.RouterModelVersionRecord> RouterModelVersions => Set<Application.Petitions.Routing.RouterModelVersionRecord>();
    public DbSet<Application.Analytics.Similarity.PetitionSimilarityRecord> PetitionSimilarities => Set<Application.Analytics.Similarity.PetitionSimilarityRecord>();
    public DbSet<Application.Analytics.Similarity.PetitionSimilarityBandRecord> PetitionSimilarityBands => Set<Application.Analytics.Similarity.PetitionSimilarityBandRecord>();
    public DbSet<Application.Analytics.Grouping.PetitionGroupRecord> PetitionGroups => Set<Application.Analytics.Grouping.PetitionGroupRecord>();
    public DbSet<Application.Analytics.Grouping.PetitionGroupMemberRecord> PetitionGroupMembers => Set<Application.Analytics.Grouping.PetitionGroupMemberRecord>();
    public DbSet<Application.Analytics.DailyCountRecord> AnalyticsDailyCounts => Set<Application.Analytics.DailyCountRecord>();
    public DbSet<Application.Analytics.AnalyticsWatermarkRecord> AnalyticsWatermarks => Set<Application.Analytics.AnalyticsWatermarkRecord>();
    public DbSet<Application.Analytics.Alerts.AnalyticsAlertRecord> AnalyticsAlerts => Set<Application.Analytics.Alerts.AnalyticsAlertRecord>();
    public DbSet<Application.Analytics.Alerts.BurstDayRecord> AnalyticsBurstDays => Set<Application.Analytics.Alerts.BurstDayRecord>();
    public DbSet<Application.Analytics.Alerts.AnalyticsAlertInstitutionRecord> AnalyticsAlertInstitutions => Set<Application.Analytics.Alerts.AnalyticsAlertInstitutionRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EPeopleDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(AggregateRoot).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }

        builder.UseSnakeCaseNames();
    }
}
