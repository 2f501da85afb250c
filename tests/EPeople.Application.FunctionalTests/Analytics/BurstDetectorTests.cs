using System.Text.Json;
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

    [TestCase(0, 1.0, 1.0)]
    [TestCase(3, 0.5, 0.01438)]
    [TestCase(10, 0.1, 2.5163e-17)]
    public void ShouldComputeThePoissonTail(int k, double lambda, double expected) =>
        PoissonTail.AtLeast(k, lambda).ShouldBe(expected, expected * 0.01);
}
