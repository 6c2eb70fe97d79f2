namespace FriendshipGate.Clearance.Tests;

public sealed class TimeReleaseStudyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static DeclarationTimes Times(string number, string lane, double releaseHours, bool perishable = true, double? arrivedHours = null, double? exitHours = null) =>
        new(number, "VN", "export", lane, false, perishable, T0, arrivedHours is { } a ? T0.AddHours(a) : null, T0.AddMinutes(1), null,
            T0.AddHours(releaseHours), exitHours is { } e ? T0.AddHours(e) : null, null);

    [Fact]
    public void Percentiles_InterpolateBetweenClosestRanks()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5.5, TimeReleaseStudy.Percentile(values, 0.5));
        Assert.Equal(9.1, TimeReleaseStudy.Percentile(values, 0.9));
        Assert.Equal(9.55, TimeReleaseStudy.Percentile(values, 0.95));
        Assert.Equal(7, TimeReleaseStudy.Percentile([7], 0.9));
    }

    [Fact]
    public void Groups_GiveSegmentStatistics_AndTheSharesReleasedWithinRcepsLimits()
    {
        var rows = new[] { Times("1", "green", 1), Times("2", "green", 5), Times("3", "red", 10, exitHours: 12), Times("4", "red", 50) };
        var byLane = TimeReleaseStudy.Compute(rows, "lane").ToDictionary(g => g.Key);
        Assert.Equal(1.0, byLane["green"].ReleasedWithin6HoursShare);
        Assert.Equal(0.0, byLane["red"].ReleasedWithin6HoursShare);
        Assert.Equal(0.5, byLane["red"].ReleasedWithin48HoursShare);
        Assert.Equal(3, byLane["green"].Segments[TrsSegment.ToRelease].MedianHours);
        Assert.Equal(2, byLane["red"].Segments[TrsSegment.ReleaseToExit].MedianHours);
        Assert.False(byLane["green"].Segments.ContainsKey(TrsSegment.ReleaseToExit));
        var all = Assert.Single(TimeReleaseStudy.Compute(rows, "all"));
        Assert.Equal(4, all.Released);
    }

    [Fact]
    public void ReleaseTime_CountsFromArrival_WhenTheGoodsArriveAfterLodgement()
    {
        var preArrival = Times("1", "green", releaseHours: 8, arrivedHours: 6);
        Assert.Equal(2, preArrival.Segments()[TrsSegment.ToRelease]);
        Assert.Equal(6, preArrival.Segments()[TrsSegment.ArrivalToLodgement] + 6);
    }
}
