namespace EPeople.Application.Petitions.Routing;

/// <summary>The <c>Routing</c> section: where the shipped model and the category mapping are, and how retraining runs.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// The model file used until retraining promotes one from the system's own history (empty: no model, rules and the
    /// triage desk only). The product ships one trained on the 2019 national petitions, copied beside the app.
    /// </summary>
    public string ModelPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples", "petitions-2019.router");

    /// <summary>The board category → lead institution mapping a category model's labels are read through.</summary>
    public string CategoryMapPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples", "petition-categories.csv");

    /// <summary>When retraining runs (a Quartz cron expression, Korea Standard Time): Sundays at 03:00 by default.</summary>
    public string RetrainCron { get; set; } = "0 0 3 ? * SUN";

    /// <summary>Fewer answered petitions than this and retraining records a skip: too little to learn from or to judge by.</summary>
    public int MinimumHistory { get; set; } = 500;

    /// <summary>The newest share of the answered history held back to judge a candidate against the model in use.</summary>
    public double HeldBackShare { get; set; } = 0.1;

    /// <summary>Only petitions answered within this many days are learnt from: what citizens write about drifts.</summary>
    public int HistoryDays { get; set; } = 730;
}
