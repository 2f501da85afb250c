using System.Globalization;
using System.Text.Json;
using EPeople.Application.Analytics.Alerts;
using EPeople.Application.Analytics.Bursts;

namespace EPeople.Application.FunctionalTests.Analytics;

/// <summary>The burst detector on synthetic series: bursts found on their day, flat series (whatever the volume) quiet.</summary>
public sealed class BurstDetectorTests
{
    [Test]
    public void ShouldRaiseOneAlertOnTheDayOfASyntheticBurst()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 5).Concat(SyntheticPetitions.Burst(45, 15));

        var alerts = BurstDetector.Replay(petitions);

        var alert = alerts.ShouldHaveSingleItem();
        alert.RaisedOn.ShouldBe(SyntheticPetitions.Start.AddDays(45));
        alert.Terms[0].ShouldBe("싱크홀");
        alert.Count.ShouldBe(15);
        alert.Expected.ShouldBeLessThan(1.0);
        alert.Growth.ShouldBeGreaterThan(15);
        alert.Examples.Count.ShouldBe(5);
        alert.Examples.ShouldAllBe(e => e.Title.Contains("싱크홀"));
        alert.Categories[0].ShouldBe(new BurstShare("안전/환경", 15));
        alert.Institutions.ShouldHaveSingleItem().Name.ShouldBe("서울특별시");
    }

    [Test]
    public void ShouldRaiseNothingOnAFlatSeries() =>
        BurstDetector.Replay(SyntheticPetitions.Flat(90, _ => 5)).ShouldBeEmpty();

    [TestCase(10, 1)]
    [TestCase(1, 10)]
    public void ShouldRaiseNothingWhenOnlyTheVolumeChanges(int before, int after) =>
        BurstDetector.Replay(SyntheticPetitions.Flat(90, day => day < 45 ? before : after)).ShouldBeEmpty();

    [Test]
    public void ShouldStillFindABurstOnAQuietDayAfterBusyMonths()
    {
        var petitions = SyntheticPetitions.Flat(90, day => day < 45 ? 10 : 1).Concat(SyntheticPetitions.Burst(70, 4));

        var alert = BurstDetector.Replay(petitions).ShouldHaveSingleItem();

        alert.RaisedOn.ShouldBe(SyntheticPetitions.Start.AddDays(70));
        alert.Terms.ShouldContain("싱크홀");
    }

    [Test]
    public void ShouldMergeATopicBurstingOnSeveralDaysIntoOneAlert()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 5)
            .Concat(SyntheticPetitions.Burst(40, 12)).Concat(SyntheticPetitions.Burst(41, 25)).Concat(SyntheticPetitions.Burst(43, 30));

        var alert = BurstDetector.Replay(petitions).ShouldHaveSingleItem();

        alert.RaisedOn.ShouldBe(SyntheticPetitions.Start.AddDays(40));
        alert.LastSeenOn.ShouldBeGreaterThanOrEqualTo(SyntheticPetitions.Start.AddDays(41));
        alert.Days.ShouldBeGreaterThanOrEqualTo(2);
        alert.TotalCount.ShouldBeGreaterThan(12);
    }

    [Test]
    public void ShouldRaiseAgainWhenTheTopicReturnsAfterItsMemory()
    {
        var petitions = SyntheticPetitions.Flat(150, _ => 5).Concat(SyntheticPetitions.Burst(40, 15)).Concat(SyntheticPetitions.Burst(140, 15));

        BurstDetector.Replay(petitions).Select(a => a.RaisedOn)
            .ShouldBe([SyntheticPetitions.Start.AddDays(40), SyntheticPetitions.Start.AddDays(140)]);
    }

    [Test]
    public void ShouldGiveTheSameAlertsWhateverTheOrderOfTheInput()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 3)
            .Concat(SyntheticPetitions.Burst(30, 10)).Concat(SyntheticPetitions.Burst(50, 10, "정당해산")).ToList();
        var shuffled = petitions.OrderBy(p => p.Id.GetHashCode(StringComparison.Ordinal)).ToList();

        var alerts = BurstDetector.Replay(petitions);
        var first = JsonSerializer.Serialize(alerts);
        var second = JsonSerializer.Serialize(BurstDetector.Replay(shuffled));

        second.ShouldBe(first);
        alerts.Select(a => a.Terms[0]).ShouldBe(["싱크홀", "정당해산"]);
    }

    [Test]
    public void ShouldGiveDayByDayTheAlertsOfTheBulkReplay()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 3).Concat(SyntheticPetitions.Burst(30, 10)).ToList();
        var detector = new BurstDetector();

        var raised = petitions.GroupBy(p => p.FiledOn).OrderBy(g => g.Key).SelectMany(g => detector.Add(g.Key, g.ToList()).Raised).ToList();

        raised.Select(a => a.Id).ShouldBe(BurstDetector.Replay(petitions).Select(a => a.Id));
        Should.Throw<ArgumentException>(() => detector.Add(SyntheticPetitions.Start, []));
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public void ShouldGoOnFromASavedDayExactlyAsTheDetectorThatSavedIt()
    {
        // A topic open across the save (days 40–43), a volume burst after it, and a topic that returns within its memory.
        var petitions = SyntheticPetitions.Flat(130, day => day < 70 ? 5 : 2)
            .Concat(SyntheticPetitions.Burst(40, 12)).Concat(SyntheticPetitions.Burst(41, 25)).Concat(SyntheticPetitions.Burst(43, 30))
            .Concat(SyntheticPetitions.Burst(100, 15, "정당해산")).Concat(SyntheticPetitions.Burst(104, 8, "정당해산"))
            .Concat(Enumerable.Range(0, 30).Select(i => new BurstPetition($"v{i}", SyntheticPetitions.Start.AddDays(115), SyntheticPetitions.UniqueWords(i), Institution: "부산광역시")))
            .GroupBy(p => p.FiledOn).OrderBy(g => g.Key).Select(g => (Day: g.Key, Petitions: g.ToList())).ToList();
        const int saveAfter = 41;
        var whole = new BurstDetector();
        var saving = new BurstDetector();
        var expected = new List<string>();
        var actual = new List<string>();
        BurstDetector? restored = null;
        for (var i = 0; i < petitions.Count; i++)
        {
            var (day, ofDay) = petitions[i];
            expected.Add(JsonSerializer.Serialize(whole.Add(day, ofDay), Readable));
            if (i <= saveAfter)
            {
                saving.Add(day, ofDay);
                continue;
            }

            if (restored is null)
            {
                // Saved as the alert step saves it (compressed JSON rows), read back, restored: the petitions before are not needed.
                var last = petitions[saveAfter].Day;
                var fingerprint = BurstDayRecord.FingerprintOf(saving.Options);
                var rows = petitions.Take(saveAfter + 1).Select(p => saving.CountsOn(p.Day)).OfType<BurstDayCounts>()
                    .Select(c => BurstDayRecord.Of(c, saving.State()!, fingerprint, DateTimeOffset.UnixEpoch)).ToList();
                var state = rows.Single(r => r.Day == last).ReadState();
                state.Topics.ShouldNotBeEmpty(); // the topic of days 40–41 is still open
                restored = BurstDetector.Restore(new BurstOptions(), state, rows.Select(r => r.ReadCounts()));
                restored.LastDay.ShouldBe(last);
                actual.AddRange(expected.Take(saveAfter + 1));
            }

            if (i == petitions.Count - 1)
            {
                JsonSerializer.Serialize(restored.Peek(day, ofDay), Readable).ShouldBe(expected[^1]); // and the hourly peek as well
            }

            actual.Add(JsonSerializer.Serialize(restored.Add(day, ofDay), Readable));
        }

        actual.ShouldBe(expected);
        expected.Count(d => d.Contains("정당해산", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        expected.Count(d => d.Contains("institution:부산광역시", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [TestCase("category")]
    [TestCase("institution")]
    [TestCase("region")]
    public void ShouldRaiseAVolumeAlertWhenNoSubjectExplainsTheRise(string dimension)
    {
        // 300 petitions for one place or field, each about something else: no term repeats, the volume does (a field that
        // had a fifth of the petitions gets two thirds of them).
        var day = SyntheticPetitions.Start.AddDays(45);
        var spread = Enumerable.Range(0, 300).Select(i => new BurstPetition($"v{i:D3}", day, SyntheticPetitions.UniqueWords(i),
            Category: dimension == "category" ? "분류1" : null, Institution: dimension == "institution" ? "부산광역시" : null,
            Region: dimension == "region" ? "26" : null));
        var petitions = SyntheticPetitions.Flat(60, _ => 5).Concat(spread);

        var alert = BurstDetector.Replay(petitions).ShouldHaveSingleItem();

        alert.Kind.ShouldBe(dimension);
        alert.RaisedOn.ShouldBe(day);
        alert.Id.ShouldEndWith("/" + alert.Keys[0]);
        BurstAlert.KindOfId(alert.Id).ShouldBe(dimension);
        alert.Terms.ShouldBe([alert.Keys[0][(dimension.Length + 1)..]]);
        alert.Growth.ShouldBeGreaterThanOrEqualTo(2.0);
    }

    [Test]
    public void ShouldDescribeATopicByItsCategoryRatherThanRaiseASecondAlert()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 5).Concat(SyntheticPetitions.Burst(45, 15));

        var alert = BurstDetector.Replay(petitions).ShouldHaveSingleItem();

        alert.Kind.ShouldBe("topic");
        alert.Keys.ShouldContain("category:안전/환경");
        alert.Keys.ShouldContain("institution:서울특별시");
        alert.Terms.ShouldNotContain("안전/환경");
    }

    [Test]
    public void ShouldRaiseNoVolumeAlertWhenTheDimensionsAreSwitchedOff()
    {
        var day = SyntheticPetitions.Start.AddDays(45);
        var spread = Enumerable.Range(0, 300).Select(i => new BurstPetition($"v{i:D3}", day, SyntheticPetitions.UniqueWords(i), Category: "분류1"));
        var options = new BurstOptions { CountCategories = false, CountInstitutions = false, CountRegions = false };

        BurstDetector.Replay(SyntheticPetitions.Flat(60, _ => 5).Concat(spread), options).ShouldBeEmpty();
    }

    [Test]
    public void ShouldRaiseWithinTheDayWhatTheWholeDayWillRaise()
    {
        var petitions = SyntheticPetitions.Flat(60, _ => 5).Concat(SyntheticPetitions.Burst(45, 16)).ToList();
        var burstDay = SyntheticPetitions.Start.AddDays(45);
        var detector = new BurstDetector();
        var peeked = new List<BurstDay>();
        foreach (var day in petitions.GroupBy(p => p.FiledOn).OrderBy(g => g.Key))
        {
            if (day.Key == burstDay)
            {
                // The morning: a third of the day's background and half of the burst.
                var morning = day.Where((p, i) => p.Id.StartsWith('b') ? int.Parse(p.Id[5..], CultureInfo.InvariantCulture) < 8 : i % 3 == 0).ToList();
                peeked.Add(detector.Peek(day.Key, morning));
                peeked.Add(detector.Peek(day.Key, morning));
            }

            detector.Add(day.Key, day.ToList());
        }

        var early = peeked[0].Raised.ShouldHaveSingleItem();
        early.Id.ShouldBe(BurstDetector.Replay(petitions).ShouldHaveSingleItem().Id);
        early.Count.ShouldBe(8);
        peeked[1].Raised.ShouldHaveSingleItem().Id.ShouldBe(early.Id, "a peek remembers nothing");
        JsonSerializer.Serialize(detector.OpenAlerts).ShouldBe(JsonSerializer.Serialize(Replay(petitions)), "peeking leaves the day-by-day result unchanged");
    }

    [Test]
    public void ShouldRefuseToPeekAtADayAlreadyAdded()
    {
        var detector = new BurstDetector();
        detector.Add(SyntheticPetitions.Start, []);

        Should.Throw<ArgumentException>(() => detector.Peek(SyntheticPetitions.Start, []));
    }

    private static IReadOnlyList<BurstAlert> Replay(IEnumerable<BurstPetition> petitions)
    {
        var detector = new BurstDetector();
        foreach (var day in petitions.GroupBy(p => p.FiledOn).OrderBy(g => g.Key))
        {
            detector.Add(day.Key, day.ToList());
        }

        return detector.OpenAlerts;
    }

    [TestCase(0, 1.0, 1.0)]
    [TestCase(3, 0.5, 0.01438)]
    [TestCase(10, 0.1, 2.5163e-17)]
    public void ShouldComputeThePoissonTail(int k, double lambda, double expected) =>
        PoissonTail.AtLeast(k, lambda).ShouldBe(expected, expected * 0.01);
}
