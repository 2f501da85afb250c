using EPeople.Workflows.Activities;
using EPeople.Workflows.Expressions;
using EPeople.Workflows.Ports;
using EPeople.Workflows.Runtime;
using EPeople.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Infrastructure.Workflows;

internal static class WorkflowsRegistration
{
    /// <summary>The engine (singletons: registry, expressions, calendar) and its EF store and runtime (scoped: one per command).</summary>
    public static IServiceCollection AddEPeopleWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(ActivityRegistry.Default);
        services.AddSingleton(EventRegistry.Default);
        services.AddSingleton(sp => new DefinitionValidator(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<EventRegistry>()));
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton(sp => new WorkflowEngine(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<ExpressionEvaluator>()));
        services.AddSingleton<IBusinessCalendarProvider, DbBusinessCalendarProvider>();
        services.AddScoped<IWorkflowStore, EfWorkflowStore>();
        services.AddScoped<WorkflowRuntime>();
        services.AddSingleton<TimerPump>();
        return services;
    }
}
