namespace EPeople.Infrastructure.Seeding;

/// <summary>The <c>Seed</c> section: where seed files are and what to load at first start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>The folder holding institutions.csv and demo-users.json (the repository's samples/ is copied next to the app).</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>Load the institutions directory when the database has none.</summary>
    public bool Institutions { get; set; } = true;

    /// <summary>The shipped workflow definitions (the repository's workflows/ is copied next to the app).</summary>
    public string WorkflowsDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>Create the demo accounts of demo-users.json (Development only by default).</summary>
    public bool DemoUsers { get; set; }
}
