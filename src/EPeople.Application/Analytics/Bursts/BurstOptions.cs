namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// The burst detector's tuning, with the values chosen on the 2019 national petitions (README, "Analytics: burst
/// detection"). Volume changed thirty-fold in that year (≈700 petitions a day to ≈20), so every expectation is a
/// <em>share</em> of the day's volume, learnt from trailing windows, never an absolute count or a seasonal profile.
/// </summary>
public sealed record BurstOptions
{
    /// <summary>Days before the day tested whose share of petitions is the expected share (recent normal).</summary>
    public int BaselineDays { get; init; } = 28;

    /// <summary>
    /// A longer window: the expected share is the larger of the two, so a term must be new against both the last
    /// month and the last quarter (a subject that flares every few weeks is not news).
    /// </summary>
    public int LongBaselineDays { get; init; } = 84;

    /// <summary>No alert until this many days of history and <see cref="MinBaselinePetitions"/> petitions are seen.</summary>
    public int WarmUpDays { get; init; } = 7;

    public int MinBaselinePetitions { get; init; } = 200;

    /// <summary>
    /// Petitions a key is assumed to have had in the baseline even when it had none (a pseudo-count): a term never seen
    /// before is not infinitely surprising. 1 keeps a brand-new name testable while three petitions out of twenty stay noise.
    /// </summary>
    public double PriorCount { get; init; } = 1.0;

    /// <summary>Fewest petitions of the day that must carry the key, however small the day.</summary>
    public int MinSupport { get; init; } = 3;

    /// <summary>
    /// …and at least this share of the day's petitions: 7 on a 700-petition day, 3 on a 40-petition one. On 2019 this
    /// halved the one-day flickers of the dense months (0.006: 238 alerts; 0.01: 145) and missed no labelled event.
    /// </summary>
    public double MinSupportShare { get; init; } = 0.01;

    /// <summary>Fewest times the day's count must exceed the expected count.</summary>
    public double MinGrowth { get; init; } = 5.0;

    /// <summary>
    /// Family-wise false-alarm rate per day: a key bursts when its Poisson tail probability is below this divided by the
    /// number of keys tested that day (Bonferroni), so a busy day with many candidate terms is not a noisier day.
    /// </summary>
    public double Significance { get; init; } = 0.001;

    /// <summary>
    /// Over-dispersion: petitions are not independent (one citizen files several; a group copies a title), so the
    /// expected count is doubled for the Poisson test (not for the growth ratio). A stricter
    /// <see cref="Significance"/> (1e-4) would do as much but lost 조두순 (a recurring name) on 2019.
    /// </summary>
    public double Dispersion { get; init; } = 2.0;

    /// <summary>Bursting keys of one day join a topic when this share of the key's petitions already belong to it.</summary>
    public double MergeOverlap { get; init; } = 0.5;

    /// <summary>A topic that burst within this many days absorbs a new burst that shares its leading terms: no new alert.</summary>
    public int TopicMemoryDays { get; init; } = 10;

    /// <summary>Count neighbouring-word pairs ("정당 해산") as keys, besides single terms.</summary>
    public bool Bigrams { get; init; } = true;

    /// <summary>
    /// Also test each petition category, institution and region as a key. A bursting one mostly describes a topic of
    /// the day and joins it; one that no topic explains raises a volume alert of its own.
    /// </summary>
    public bool CountCategories { get; init; } = true;

    public bool CountInstitutions { get; init; } = true;

    public bool CountRegions { get; init; } = true;

    /// <summary>
    /// Fewest times a category's, institution's or region's share must exceed its expected share: these are broad, so a
    /// doubling is already news where a term needs <see cref="MinGrowth"/>.
    /// </summary>
    public double DimensionGrowth { get; init; } = 2.0;

    public int MaxTerms { get; init; } = 6;

    public int MaxExamples { get; init; } = 5;
}
