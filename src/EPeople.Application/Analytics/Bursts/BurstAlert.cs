namespace EPeople.Application.Analytics.Bursts;

/// <summary>
/// A topic that burst: raised once on <see cref="RaisedOn"/> and extended, under the same <see cref="Id"/>, on every later
/// day it keeps bursting (<see cref="LastSeenOn"/>, <see cref="Days"/>, <see cref="TotalCount"/>); store it by its id.
/// </summary>
/// <param name="Id">Stable: the day raised and the leading key (<c>2019-03-05/미세먼지</c>).</param>
/// <param name="Terms">What an official reads: the topic's strongest terms as citizens wrote them, strongest first.</param>
/// <param name="Keys">The detector's keys for the topic (stems, stem pairs, <c>category:</c>…), strongest first.</param>
/// <param name="Count">Petitions of the raising day that carry the leading key.</param>
/// <param name="Expected">How many were expected from the key's trailing share of the volume.</param>
/// <param name="Growth"><see cref="Count"/> over <see cref="Expected"/>.</param>
/// <param name="PValue">The leading key's Poisson tail probability (before the correction for the keys tested).</param>
/// <param name="Score">−log10 of <see cref="PValue"/>, for ranking.</param>
/// <param name="DayTotal">Petitions filed on the raising day.</param>
/// <param name="TopicCount">Petitions of the raising day that carry any of the topic's keys.</param>
/// <param name="TotalCount">Topic petitions over every day it burst.</param>
public sealed record BurstAlert(
    string Id,
    DateOnly RaisedOn,
    DateOnly LastSeenOn,
    int Days,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Keys,
    int Count,
    double Expected,
    double Growth,
    double PValue,
    double Score,
    int DayTotal,
    int TopicCount,
    int TotalCount,
    IReadOnlyList<BurstExample> Examples,
    IReadOnlyList<BurstShare> Categories,
    IReadOnlyList<BurstShare> Institutions,
    IReadOnlyList<BurstShare> Regions)
{
    /// <summary>
    /// <c>topic</c> for a burst of terms; <c>category</c>, <c>institution</c> or <c>region</c> for a burst of volume that
    /// no subject of the day explains (its leading key names it).
    /// </summary>
    public string Kind => KindOfKey(Keys.Count > 0 ? Keys[0] : "");

    /// <summary>The kind of alert a leading key makes (<c>category:안전/환경</c> → <c>category</c>).</summary>
    public static string KindOfKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? key[..colon] : "topic";
    }

    /// <summary>The kind of alert an id names: its part after the day is the leading key of a volume burst.</summary>
    public static string KindOfId(string id) => KindOfKey(id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..]);
}
