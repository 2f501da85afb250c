using EPeople.Application.Pipeline;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Application;

public static class DependencyInjection
{
    /// <summary>Registers the mediator (scoped: handlers share the request's DbContext) and its pipeline.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        services.AddScoped<Workflows.WorkflowDefinitionCatalog>();
        services.AddScoped<Workflows.DefinitionTestRuns>();
        services.AddOptions<Petitions.PetitionOptions>();
        services.AddScoped<Petitions.Routing.RuleBasedPetitionRouter>();
        services.AddScoped<Petitions.Routing.IPetitionRouter, Petitions.Routing.LearnedPetitionRouter>();
        services.AddSingleton<Petitions.Routing.RouterModelSource>();
        services.AddSingleton<Petitions.Routing.RoutingKeywordRuleBook>();
        services.AddSingleton<Petitions.Routing.RouterRetraining>();
        services.AddScoped<Tasks.ITaskParticipant, Petitions.PetitionTaskParticipant>();
        services.AddScoped<Petitions.Notices.PetitionNotifier>();
        services.AddScoped<Analytics.Similarity.SimilarityIndex>();
        services.AddScoped<Analytics.Grouping.PetitionGrouper>();
        services.AddSingleton<Petitions.SupplementDeadlines>();
        services.AddSingleton<Petitions.RatingWindows>();
        services.AddSingleton<Institutions.InstitutionDirectory>();
        services.AddOptions<Analytics.AnalyticsOptions>();
        services.AddSingleton<Analytics.AnalyticsRefresh>();
        services.AddScoped<Analytics.IAfterDailyCountsStep, Analytics.Alerts.BurstAlertsStep>();
        // After the burst step, so an alert it has just extended is not closed as quiet.
        services.AddScoped<Analytics.IAfterDailyCountsStep, Analytics.Alerts.QuietAlertsStep>();
        services.AddScoped<Analytics.IAfterDailyCountsStep, Analytics.Grouping.SimilarityBackfillStep>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
