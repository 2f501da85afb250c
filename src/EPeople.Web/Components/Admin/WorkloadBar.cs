using System.Globalization;
using EPeople.Application.Tasks;

namespace EPeople.Web.Components.Admin;

/// <summary>One row of the workload chart: who (a department or an official), a second line, and their open tasks.</summary>
public sealed record WorkloadBar(string Label, string? Detail, WorkloadCounts Counts)
{
    /// <summary>
    /// A segment's width as a CSS percentage of the row's track, on a scale where the busiest row fills the track;
    /// every row shares the scale, so bars compare across rows. Invariant culture: CSS wants a dot.
    /// </summary>
    public static string Width(int value, int largest) =>
        (largest <= 0 ? 0 : Math.Round(value * 100.0 / largest, 1)).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
